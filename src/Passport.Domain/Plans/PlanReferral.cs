namespace Passport.Domain.Plans;

/// <summary>What of the young person's contact details a referral passes on to the organisation; the ids are the names in camelCase.</summary>
public enum ReferralShare
{
    Name,
    Phone,
    Email,
}

/// <summary>What came of a referral: the young person went, stayed (kept going), or it helped them. Stayed and helped include went.</summary>
public enum ReferralOutcome
{
    Went,
    Stayed,
    Helped,
}

/// <summary>A referral a step asks for: the map organisation (its name checked and copied by the caller) and what to share.</summary>
public sealed record ReferralDraft(Guid OrganisationId, string OrganisationName, IReadOnlyList<ReferralShare> Share);

/// <summary>
/// A step that sends the young person to an organisation of the social map. <see cref="Suggested"/> is what the
/// professional who proposed it suggests passing on; <see cref="Shared"/> is what the young person chose when they
/// agreed (or when they added the step themself), and stays null until then: nothing is passed on before they agree.
/// The outcome flags only ever go from false to true.
/// </summary>
public sealed record PlanReferral(
    Guid OrganisationId,
    string OrganisationName,
    IReadOnlyList<ReferralShare> Suggested,
    IReadOnlyList<ReferralShare>? Shared,
    bool Went,
    bool Stayed,
    bool Helped,
    DateTimeOffset? OutcomeAt)
{
    public bool IsAgreed => Shared is not null;

    /// <summary>The referral with one more outcome; staying or being helped means the young person went.</summary>
    public PlanReferral With(ReferralOutcome outcome, DateTimeOffset at) => outcome switch
    {
        ReferralOutcome.Went => this with { Went = true, OutcomeAt = at },
        ReferralOutcome.Stayed => this with { Went = true, Stayed = true, OutcomeAt = at },
        ReferralOutcome.Helped => this with { Went = true, Helped = true, OutcomeAt = at },
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    /// <summary>Whether that outcome is already recorded.</summary>
    public bool Has(ReferralOutcome outcome) => outcome switch
    {
        ReferralOutcome.Went => Went,
        ReferralOutcome.Stayed => Stayed,
        ReferralOutcome.Helped => Helped,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
