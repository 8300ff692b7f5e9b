using Passport.Domain.Handovers;

namespace Passport.Domain.Journeys;

/// <summary>What an entry on the journey is about.</summary>
public enum JourneyEntryKind
{
    /// <summary>A turning point the young person or a professional recorded.</summary>
    TurningPoint,

    /// <summary>The plan's first step, goal or change.</summary>
    PlanStarted,

    ContactPersonStarted,

    ContactPersonEnded,

    /// <summary>A cold stretch: after someone had a contact person, a time with none.</summary>
    WithoutContactPerson,

    Handover,
}

/// <summary>How a hand-over went, as the journey tells it.</summary>
public enum HandoverWarmth
{
    /// <summary>Still under way: not decided yet.</summary>
    Open,

    /// <summary>Completed and met within <c>Handover:WarmWithin</c> of the young person's consent.</summary>
    Warm,

    /// <summary>Declined, expired, or met too late.</summary>
    Cold,

    /// <summary>Taken back by the sending side: the young person stayed where they were, so neither warm nor cold.</summary>
    Withdrawn,
}

/// <summary>A turning point as stored.</summary>
public sealed record RecordedTurningPoint(
    Guid Id, JourneyEventKind Kind, DateOnly OccurredOn, string? Note, string? RecordedByName, string? OrganisationName, DateTimeOffset RecordedAt);

/// <summary>One contact person's time with the young person; <paramref name="EndedAt"/> null while it lasts.</summary>
public sealed record ContactPersonSpell(string StaffName, string OrganisationName, DateTimeOffset Since, DateTimeOffset? EndedAt);

/// <summary>
/// A hand-over as the journey reads it (the hand-over's own columns); <paramref name="EndedAt"/> is when it was
/// declined, withdrawn or expired, null otherwise.
/// </summary>
public sealed record HandoverFacts(
    Guid Id, HandoverStatus Status, string SendingOrganisationName, string ReceivingOrganisationName, DateTimeOffset ProposedAt,
    DateTimeOffset ExpiresAt, DateTimeOffset? ConsentedAt, DateTimeOffset? AcceptedAt, DateTimeOffset? MetAt, DateTimeOffset? CompletedAt,
    DateTimeOffset? EndedAt)
{
    /// <summary>
    /// Warm or cold by the hand-over's own rules (<see cref="Handover.IsWarm"/>, <see cref="Handover.IsCold"/>), so
    /// the journey, the hand-over pages and the municipality's figures never disagree.
    /// </summary>
    public HandoverWarmth Warmth(TimeSpan warmWithin)
    {
        if (Status == HandoverStatus.Withdrawn)
        {
            return HandoverWarmth.Withdrawn;
        }

        // Only the status and dates decide warmth; the note and the parties play no part in it.
        var handover = Handover.Restore(
                Id, Guid.Empty, Guid.Empty, null, Guid.Empty, null, new HandoverNote("", "", null), [], Status, ProposedAt, ExpiresAt, 0, [])
            .WithProgress(ConsentedAt, AcceptedAt, null, MetAt, CompletedAt, null, null);
        return handover.IsWarm(warmWithin) ? HandoverWarmth.Warm
            : handover.IsCold(warmWithin) ? HandoverWarmth.Cold
            : HandoverWarmth.Open;
    }
}

/// <summary>Everything the journey is made of, read from the turning points, the plan, the contact persons and the hand-overs.</summary>
public sealed record JourneyFacts(
    IReadOnlyList<RecordedTurningPoint> TurningPoints, DateTimeOffset? PlanStartedAt, IReadOnlyList<ContactPersonSpell> ContactPersons,
    IReadOnlyList<HandoverFacts> Handovers);

/// <summary>One line of the journey. Which of the optional parts are set depends on <see cref="Kind"/>.</summary>
public sealed record JourneyEntry(JourneyEntryKind Kind, DateOnly On)
{
    /// <summary>The recorded turning point's or the hand-over's id.</summary>
    public Guid? Id { get; init; }

    public JourneyEventKind? TurningPoint { get; init; }

    public string? Note { get; init; }

    /// <summary>Who recorded the turning point, or the contact person.</summary>
    public string? Who { get; init; }

    /// <summary>The organisation involved (for a hand-over: the sending one).</summary>
    public string? Organisation { get; init; }

    /// <summary>The last day of a stretch without a contact person; null while it lasts.</summary>
    public DateOnly? Until { get; init; }

    public HandoverFacts? Handover { get; init; }

    public HandoverWarmth? Warmth { get; init; }
}

/// <summary>
/// A young person's journey: their turning points merged, oldest first, with the plan's start, each contact person
/// starting and ending, each stretch without any contact person once they had one, and each hand-over with its warmth.
/// </summary>
public static class JourneyTimeline
{
    /// <summary>
    /// A stretch shorter than this between two contact persons is not a gap: a reassignment or a hand-over ends one
    /// and starts the next in the same moment, or minutes apart.
    /// </summary>
    public static readonly TimeSpan ShortestGap = TimeSpan.FromDays(1);

    /// <param name="dayOf">The calendar day of a moment on the platform's clock.</param>
    public static IReadOnlyList<JourneyEntry> Build(JourneyFacts facts, TimeSpan warmWithin, Func<DateTimeOffset, DateOnly> dayOf)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(dayOf);
        var entries = new List<(JourneyEntry Entry, DateTimeOffset At)>();
        entries.AddRange(facts.TurningPoints.Select(point => (new JourneyEntry(JourneyEntryKind.TurningPoint, point.OccurredOn)
        {
            Id = point.Id, TurningPoint = point.Kind, Note = point.Note, Who = point.RecordedByName, Organisation = point.OrganisationName,
        }, point.RecordedAt)));
        if (facts.PlanStartedAt is { } planStarted)
        {
            entries.Add((new JourneyEntry(JourneyEntryKind.PlanStarted, dayOf(planStarted)), planStarted));
        }

        foreach (var spell in facts.ContactPersons)
        {
            entries.Add((new JourneyEntry(JourneyEntryKind.ContactPersonStarted, dayOf(spell.Since)) { Who = spell.StaffName, Organisation = spell.OrganisationName }, spell.Since));
            if (spell.EndedAt is { } ended)
            {
                entries.Add((new JourneyEntry(JourneyEntryKind.ContactPersonEnded, dayOf(ended)) { Who = spell.StaffName, Organisation = spell.OrganisationName }, ended));
            }
        }

        entries.AddRange(Gaps(facts.ContactPersons).Select(gap =>
            (new JourneyEntry(JourneyEntryKind.WithoutContactPerson, dayOf(gap.From)) { Until = gap.To is { } to ? dayOf(to) : null }, gap.From)));
        entries.AddRange(facts.Handovers.Select(handover => (new JourneyEntry(JourneyEntryKind.Handover, dayOf(handover.ProposedAt))
        {
            Id = handover.Id, Organisation = handover.SendingOrganisationName, Handover = handover, Warmth = handover.Warmth(warmWithin),
        }, handover.ProposedAt)));
        return [.. entries.OrderBy(entry => entry.Entry.On).ThenBy(entry => entry.At).ThenBy(entry => entry.Entry.Kind).Select(entry => entry.Entry)];
    }

    /// <summary>
    /// The stretches without any contact person after the first one started: from the moment the last one ended to
    /// the next start, or open (<c>To</c> null) when nobody followed.
    /// </summary>
    public static IReadOnlyList<(DateTimeOffset From, DateTimeOffset? To)> Gaps(IEnumerable<ContactPersonSpell> spells)
    {
        ArgumentNullException.ThrowIfNull(spells);
        var gaps = new List<(DateTimeOffset, DateTimeOffset?)>();
        DateTimeOffset? coveredUntil = null;
        var started = false;
        foreach (var spell in spells.OrderBy(spell => spell.Since))
        {
            if (started && coveredUntil is { } end && spell.Since - end >= ShortestGap)
            {
                gaps.Add((end, spell.Since));
            }

            started = true;
            coveredUntil = spell.EndedAt is not { } ended ? DateTimeOffset.MaxValue
                : coveredUntil is { } covered && covered > ended ? covered
                : ended;
        }

        if (coveredUntil is { } last && last != DateTimeOffset.MaxValue)
        {
            gaps.Add((last, null));
        }

        return gaps;
    }
}
