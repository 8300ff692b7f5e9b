using System.Globalization;
using Microsoft.Extensions.Localization;
using Passport.Application;
using Passport.Web.Localization;

namespace Passport.Web.Hosting;

/// <summary>RFC 9457 problem details with titles and details in the request's language.</summary>
public sealed class ApiProblems(IStringLocalizer<Texts> texts)
{
    public ProblemHttpResult Create(int status, string titleKey, string? detailKey = null, params object[] arguments) =>
        TypedResults.Problem(
            title: texts[titleKey].Value,
            detail: detailKey is null ? null : texts[detailKey, arguments].Value,
            statusCode: status);

    /// <summary>
    /// 409: a count of <see cref="LimitOptions"/> is full (<c>Problem.Limit.{name}.Title</c> and <c>.Detail</c>, which
    /// names the limit); the <c>limit</c> member carries it for clients.
    /// </summary>
    public ProblemHttpResult LimitReached(string name, int limit)
    {
        var problem = Create(StatusCodes.Status409Conflict, $"Problem.Limit.{name}.Title", $"Problem.Limit.{name}.Detail", limit);
        problem.ProblemDetails.Extensions["limit"] = limit;
        return problem;
    }

    /// <summary>429: a per-day limit of <see cref="LimitOptions"/> is used up; <c>Retry-After</c> says when one more fits.</summary>
    public ProblemHttpResult TooMany(HttpContext context, string name, int limit, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problem = Create(StatusCodes.Status429TooManyRequests, $"Problem.Limit.{name}.Title", $"Problem.Limit.{name}.Detail", limit);
        problem.ProblemDetails.Extensions["limit"] = limit;
        problem.ProblemDetails.Extensions["retryAfterSeconds"] = seconds;
        return problem;
    }
}
