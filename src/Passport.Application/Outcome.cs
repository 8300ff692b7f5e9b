using Passport.Domain.Validation;

namespace Passport.Application;

/// <summary>How a use case ended; Passport.Web maps each to one HTTP status in one place (<c>OutcomeResults</c>).</summary>
public enum OutcomeStatus
{
    Done,

    /// <summary>The input broke rules; <see cref="Outcome{T}.Errors"/> says which. 400.</summary>
    Invalid,

    /// <summary>Unknown, or not the caller's: the same answer, so ids reveal nothing about other people. 404.</summary>
    NotFound,

    /// <summary>Not allowed in the current state, or a cap is reached. 409.</summary>
    Conflict,

    /// <summary>The caller may not do this at all. 403.</summary>
    Forbidden,

    /// <summary>A per-day limit is used up; <see cref="Outcome{T}.RetryAfter"/> says when one more fits. 429 with <c>Retry-After</c>.</summary>
    TooManyRequests,
}

/// <summary>
/// The one result type of the use cases: a value when done, otherwise the status and either the broken rules or the
/// text key of the problem (<c>{Problem}.Title</c> and <c>{Problem}.Detail</c> in the texts), with its arguments.
/// </summary>
public sealed record Outcome<T>
{
    internal Outcome(
        OutcomeStatus status, T? value, ValidationErrors? errors, string? problem, object[] arguments, IReadOnlyDictionary<string, object?>? members = null,
        TimeSpan? retryAfter = null)
    {
        Members = members ?? new Dictionary<string, object?>();
        RetryAfter = retryAfter;
        Status = status;
        Value = value;
        Errors = errors;
        Problem = problem;
        Arguments = arguments;
    }

    public OutcomeStatus Status { get; }

    public T? Value { get; }

    public ValidationErrors? Errors { get; }

    public string? Problem { get; }

    public IReadOnlyList<object> Arguments { get; }

    /// <summary>Extra members of the problem for clients, e.g. <c>limit</c>.</summary>
    public IReadOnlyDictionary<string, object?> Members { get; }

    /// <summary>For <see cref="OutcomeStatus.TooManyRequests"/>: how long until one more fits, in whole seconds.</summary>
    public TimeSpan? RetryAfter { get; }

    public bool IsDone => Status == OutcomeStatus.Done;

    /// <summary>The same failure for another value type, for a use case that passes on what another one refused.</summary>
    public Outcome<TOther> As<TOther>() =>
        IsDone
            ? throw new InvalidOperationException("Only a failure carries over to another value type.")
            : new(Status, default, Errors, Problem, [.. Arguments], Members, RetryAfter);
}

/// <summary>Makes outcomes: <c>Outcome.Done(value)</c>, <c>Outcome.Invalid&lt;T&gt;(errors)</c>, <c>Outcome.Fail&lt;T&gt;(status, problem)</c>.</summary>
public static class Outcome
{
    public static Outcome<T> Done<T>(T value) => new Outcome<T>(OutcomeStatus.Done, value, null, null, []);

    public static Outcome<T> Invalid<T>(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return new Outcome<T>(OutcomeStatus.Invalid, default, errors, null, []);
    }

    public static Outcome<T> Fail<T>(OutcomeStatus status, string problem, params object[] arguments)
    {
        ArgumentException.ThrowIfNullOrEmpty(problem);
        if (status is OutcomeStatus.Done or OutcomeStatus.Invalid or OutcomeStatus.TooManyRequests)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A failure names a problem; use Done, Invalid or TooMany for the others.");
        }

        return new Outcome<T>(status, default, null, problem, arguments);
    }

    /// <summary>A count of <see cref="LimitOptions"/> is full (409); the problem names the limit and carries it as <c>limit</c>.</summary>
    public static Outcome<T> LimitReached<T>(string name, int limit) =>
        new(OutcomeStatus.Conflict, default, null, $"Problem.Limit.{name}", [limit], new Dictionary<string, object?> { ["limit"] = limit });

    /// <summary>
    /// A per-day limit of <see cref="LimitOptions"/> is used up (429); the problem names the limit and carries it as
    /// <c>limit</c>, with <c>retryAfterSeconds</c>: the wait rounded up to whole seconds, as <c>Retry-After</c> says it.
    /// </summary>
    public static Outcome<T> TooMany<T>(string name, int limit, TimeSpan retryAfter)
    {
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
        return new(
            OutcomeStatus.TooManyRequests, default, null, $"Problem.Limit.{name}", [limit],
            new Dictionary<string, object?> { ["limit"] = limit, ["retryAfterSeconds"] = seconds }, TimeSpan.FromSeconds(seconds));
    }

    /// <summary>A failure whose problem carries one more member for clients, e.g. the <c>fields</c> that were refused.</summary>
    public static Outcome<T> Refused<T>(OutcomeStatus status, string problem, string member, object? value) =>
        status is OutcomeStatus.Done or OutcomeStatus.Invalid or OutcomeStatus.TooManyRequests
            ? throw new ArgumentOutOfRangeException(nameof(status), status, "A refusal names a problem; a used-up limit is TooMany.")
            : new(status, default, null, problem, [], new Dictionary<string, object?> { [member] = value });
}
