using Passport.Application;
using Passport.Domain.Validation;
using Passport.Grains.Consent;

namespace Passport.Application.Consent;

/// <summary>How an action of <see cref="ConsentService"/> went; the API turns it into a status code, the pages into words.</summary>
public enum ConsentOutcomeKind
{
    Done,

    /// <summary>The input broke rules; <see cref="ConsentOutcome.Errors"/> says which.</summary>
    Invalid,

    /// <summary>No such consent of this owner, or no such person for this organisation (never says which).</summary>
    NotFound,

    /// <summary>The consent is in a state that does not allow this (already answered or ended).</summary>
    NotAllowed,

    /// <summary>The owner is below the digital consent age and no guardian's consent is on record (GDPR Art. 8).</summary>
    GuardianNeeded,

    /// <summary>The organisation already asked this person and the request is still waiting.</summary>
    RequestPending,

    /// <summary>
    /// The staff member sent as many requests in the last 24 hours as <see cref="LimitOptions.ConsentRequestsPerDay"/>
    /// allows; <see cref="ConsentOutcome.RetryAfter"/> says when one more fits.
    /// </summary>
    TooManyRequests,

    /// <summary>A count is full (for an invitation: the vacancy's invitations); <see cref="ConsentOutcome.Limit"/> names it.</summary>
    LimitReached,
}

public sealed record ConsentOutcome(
    ConsentOutcomeKind Kind, ConsentView? Consent = null, ValidationErrors? Errors = null, int? Limit = null, TimeSpan? RetryAfter = null)
{
    public static ConsentOutcome NotFound { get; } = new(ConsentOutcomeKind.NotFound);

    public static ConsentOutcome NotAllowed { get; } = new(ConsentOutcomeKind.NotAllowed);

    public static ConsentOutcome GuardianNeeded { get; } = new(ConsentOutcomeKind.GuardianNeeded);

    public static ConsentOutcome RequestPending { get; } = new(ConsentOutcomeKind.RequestPending);

    public bool IsDone => Kind == ConsentOutcomeKind.Done;

    public static ConsentOutcome Done(ConsentView? consent = null) => new(ConsentOutcomeKind.Done, consent);

    public static ConsentOutcome Invalid(ValidationErrors errors) => new(ConsentOutcomeKind.Invalid, Errors: errors);

    public static ConsentOutcome TooManyRequests(int limit, TimeSpan retryAfter) => new(ConsentOutcomeKind.TooManyRequests, Limit: limit, RetryAfter: retryAfter);

    public static ConsentOutcome From(ConsentChange change) => change switch
    {
        ConsentChange.Done => Done(),
        ConsentChange.NotFound => NotFound,
        _ => NotAllowed,
    };
}

/// <summary>Someone who shares with an organisation now: what, why and until when (null: until they stop).</summary>
public sealed record SharedPerson(Guid PersonId, IReadOnlyList<Domain.Consent.DataCategory> Categories, IReadOnlyList<string> Purposes, DateTimeOffset? ExpiresAt);
