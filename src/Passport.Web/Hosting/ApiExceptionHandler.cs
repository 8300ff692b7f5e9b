using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;
using Passport.Web.Localization;

namespace Passport.Web.Hosting;

/// <summary>
/// Turns a request the framework could not read (malformed JSON, wrong content type, body too large) into a
/// problem with the right status and a plain message, and an outage (<see cref="Outages"/>) into 503 with
/// <c>Retry-After</c>. Anything else falls through to the generic 500 problem, which never carries a stack trace.
/// </summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problems, IStringLocalizer<Texts> texts, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (Outages.Of(exception) is { } outage)
        {
            return await WriteOutageAsync(httpContext, exception, outage);
        }

        if (exception is not BadHttpRequestException badRequest)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            return false;
        }

        logger.LogInformation("Bad request on {Method} {Path}: {Message}", httpContext.Request.Method, httpContext.Request.Path, badRequest.Message);
        var (title, detail) = badRequest.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => (texts["Problem.TooLarge.Title"], texts["Problem.TooLarge.Detail"]),
            StatusCodes.Status415UnsupportedMediaType => (texts["Problem.UnsupportedMediaType.Title"], texts["Problem.UnsupportedMediaType.Detail"]),
            _ => (texts["Problem.MalformedRequest.Title"], texts["Problem.MalformedRequest.Detail"]),
        };
        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = badRequest.StatusCode, Title = title.Value, Detail = detail.Value },
        });
    }

    private async ValueTask<bool> WriteOutageAsync(HttpContext httpContext, Exception exception, Outage outage)
    {
        // A warning, not an error: the cause is outside this host, and the health checks report it as well.
        LogOutage(logger, exception, outage, httpContext.Request.Method, httpContext.Request.Path);
        var seconds = (int)Outages.RetryAfter(outage).TotalSeconds;
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        Outages.SetRetryAfter(httpContext.Response, outage);
        var context = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = texts[$"Problem.Unavailable.{outage}.Title"].Value,
                Detail = texts[$"Problem.Unavailable.{outage}.Detail", seconds].Value,
            },
        };
        context.ProblemDetails.Extensions["retryAfterSeconds"] = seconds;
        return await problems.TryWriteAsync(context);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Outage} outage on {Method} {Path}: answered 503")]
    private static partial void LogOutage(ILogger logger, Exception exception, Outage outage, string method, PathString path);
}
