using Passport.Application;
using Passport.Web.Localization;

namespace Passport.Web.Hosting;

/// <summary>The one place where a use case's <see cref="Outcome{T}"/> becomes an HTTP answer (RFC 9457 problem details).</summary>
public sealed class OutcomeResults(ApiProblems problems, ValidationMessages messages)
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

    private ProblemHttpResult Problem<T>(Outcome<T> outcome)
    {
        var problem = problems.Create(StatusOf(outcome.Status), $"{outcome.Problem}.Title", $"{outcome.Problem}.Detail", [.. outcome.Arguments]);
        foreach (var (name, value) in outcome.Members)
        {
            problem.ProblemDetails.Extensions[name] = value;
        }

        return problem;
    }

    private static int StatusOf(OutcomeStatus status) => status switch
    {
        OutcomeStatus.Done => StatusCodes.Status200OK,
        OutcomeStatus.Invalid => StatusCodes.Status400BadRequest,
        OutcomeStatus.NotFound => StatusCodes.Status404NotFound,
        OutcomeStatus.Conflict => StatusCodes.Status409Conflict,
        OutcomeStatus.Forbidden => StatusCodes.Status403Forbidden,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown outcome."),
    };
}
