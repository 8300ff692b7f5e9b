using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;
using Passport.Web.Localization;

namespace Passport.Web.Hosting;

/// <summary>
/// Turns a request the framework could not read (malformed JSON, wrong content type, body too large) into a
/// problem with the right status and a plain message. Anything else falls through to the generic 500 problem,
/// which never carries a stack trace.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, IStringLocalizer<Texts> texts, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
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
}
