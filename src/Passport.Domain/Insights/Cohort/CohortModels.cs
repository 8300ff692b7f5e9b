using Passport.Domain.Journeys;

namespace Passport.Domain.Insights.Cohort;

/// <summary>A turning point as the cohort counts it: what and when, nothing else.</summary>
public sealed record CohortEvent(DateOnly On, JourneyEventKind Kind);

/// <summary>
/// One young person as the knowledge base sees them, without any id or name: only ever counted, never shown.
/// </summary>
/// <param name="District">The district of their home place (<see cref="Places.Place.DistrictName"/>); null when they named none.</param>
/// <param name="Events">Their turning points, in the order they happened.</param>
/// <param name="PlanStartedOn">The day their plan started (its first recorded change); null without a plan.</param>
/// <param name="SkillLevels">Their measured level (1–5) per skill; a skill never measured is left out.</param>
public sealed record CohortPerson(
    int? BirthYear,
    string? District,
    IReadOnlyList<CohortEvent> Events,
    DateOnly? PlanStartedOn,
    IReadOnlyList<string> Barriers,
    IReadOnlyDictionary<string, int> SkillLevels)
{
    public JourneyStatus StatusOn(DateOnly day) => JourneyStatuses.After(Events.Where(journeyEvent => journeyEvent.On <= day).Select(journeyEvent => journeyEvent.Kind));
}

/// <summary>A hand-over as the knowledge base sees it: the young person's district and how it went.</summary>
public sealed record CohortHandover(string? District, string Status, DateTimeOffset? ConsentedAt, DateTimeOffset? MetAt)
{
    /// <summary>
    /// Warm: completed, and met within <paramref name="warmWithin"/> of the consent (as <see cref="Handovers.Handover.IsWarm"/>).
    /// Cold: declined, expired, or met too late. Null for one in progress or withdrawn (nobody fell between organisations).
    /// </summary>
    public bool? IsWarm(TimeSpan warmWithin) =>
        Enum.TryParse<Handovers.HandoverStatus>(Status, out var status) ? Handovers.Handover.Warmth(status, ConsentedAt, MetAt, warmWithin) : null;
}

/// <summary>
/// What a municipality counts a young person in work or education as worth, per year (docs/operations.md,
/// <c>MunicipalityInsights</c>). The estimate is <see cref="ValueEstimate"/>'s formula over these.
/// </summary>
public sealed record ValueInputs(decimal YearlyCostOutOfWork, decimal YearlyCostInWork, decimal YearlyCostInEducation, int HorizonYears, string Currency);

/// <summary>
/// What moving young people into work or education is worth: (people who moved into work × (yearly cost out of work −
/// yearly cost in work) + people who moved into education × (yearly cost out of work − yearly cost in education)) ×
/// horizon in years. Only published counts go in: a hidden count adds nothing, so the value is a lower bound
/// (<see cref="IsLowerBound"/>), and it never gives a hidden count away.
/// </summary>
public sealed record ValueEstimate(ValueInputs Inputs, int? MovedIntoWork, int? MovedIntoEducation, decimal Value, bool IsLowerBound)
{
    public static ValueEstimate Of(ValueInputs inputs, int? movedIntoWork, int? movedIntoEducation)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var perYear = ((movedIntoWork ?? 0) * (inputs.YearlyCostOutOfWork - inputs.YearlyCostInWork))
            + ((movedIntoEducation ?? 0) * (inputs.YearlyCostOutOfWork - inputs.YearlyCostInEducation));
        return new(inputs, movedIntoWork, movedIntoEducation, perYear * inputs.HorizonYears, movedIntoWork is null || movedIntoEducation is null);
    }
}

/// <summary>The share of people in work or education some months after their plan started, when it can be shown.</summary>
/// <param name="Percent">Rounded to whole percent; null when a figure it needs is hidden (a share of hidden counts would give them away).</param>
public sealed record OutcomeShare(int Months, int? Percent);

/// <summary>The municipality's knowledge base: every table after disclosure control, the outcome shares and the value estimate.</summary>
public sealed record CohortInsights(DateOnly On, IReadOnlyList<ProtectedTable> Tables, IReadOnlyList<OutcomeShare> Outcomes, ValueEstimate Value)
{
    public ProtectedTable Table(string id) => Tables.Single(table => table.Id == id);
}
