using System.Diagnostics;
using System.Globalization;
using Passport.Application;
using Passport.Web.Localization;

namespace Passport.Web.Hosting;

/// <summary>The one place where a use case's <see cref="Outcome{T}"/> becomes an HTTP answer (RFC 9457 problem details).</summary>
public sealed class OutcomeResults(ApiProblems problems, ValidationMessages messages, IHttpContextAccessor http)
{
    public Results<TDone, ValidationProblem, ProblemHttpResult> ToHttp<T, TDone>(Outcome<T> outcome, Func<T, TDone> done)
        where TDone : IResult
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(done);
        return outcome.Status switch
        {
            OutcomeStatus.Done => done(outcome.Value!),
            OutcomeStatus.Invalid => messages.Problem(outcome.Errors!),
            _ => Problem(outcome),
        };
    }

    /// <summary>As <see cref="ToHttp"/>, for an answer that needs another read once the use case is done.</summary>
    public async Task<Results<TDone, ValidationProblem, ProblemHttpResult>> ToHttpAsync<T, TDone>(Outcome<T> outcome, Func<T, Task<TDone>> done)
        where TDone : IResult
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(done);
        return outcome.Status == OutcomeStatus.Done ? await done(outcome.Value!) : ToHttp<T, TDone>(outcome, _ => throw new UnreachableException());
    }

    /// <summary>The problem of a failed outcome, for routes whose use case never answers <see cref="OutcomeStatus.Invalid"/>.</summary>
    public ProblemHttpResult Problem<T>(Outcome<T> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Problem is null)
        {
            throw new ArgumentException($"An outcome that is {outcome.Status} names no problem.", nameof(outcome));
        }

        if (outcome.RetryAfter is { } wait)
        {
            var response = (http.HttpContext ?? throw new InvalidOperationException("Retry-After needs the request being answered.")).Response;
            response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        var problem = problems.Create(StatusOf(outcome.Status), $"{outcome.Problem}.Title", $"{outcome.Problem}.Detail", [.. outcome.Arguments]);
        foreach (var (name, value) in outcome.Members)
        {
            problem.ProblemDetails.Extensions[name] = value;
        }

        return problem;
    }

    private static int StatusOf(OutcomeStatus status) => status switch
    {
        OutcomeStatus.NotFound => StatusCodes.Status404NotFound,
        OutcomeStatus.Conflict => StatusCodes.Status409Conflict,
        OutcomeStatus.Forbidden => StatusCodes.Status403Forbidden,
        OutcomeStatus.TooManyRequests => StatusCodes.Status429TooManyRequests,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a failure with a problem."),
    };
}
