using Passport.Domain.Handovers;
using Passport.Domain.Journeys;

namespace Passport.Domain.Tests.Journeys;

public sealed class JourneyTimelineTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan WarmWithin = TimeSpan.FromDays(14);

    [Fact]
    public void Build_MergesEverything_OldestFirst()
    {
        var facts = new JourneyFacts(
            [new RecordedTurningPoint(Guid.NewGuid(), JourneyEventKind.LeftSchool, new DateOnly(2026, 1, 15), "Stopped", "Sam", null, Start)],
            Start.AddDays(3),
            [new ContactPersonSpell("Coach A", "Eindhoven", Start.AddDays(1), null)],
            [Handover(HandoverStatus.Proposed, Start.AddDays(10))]);

        var entries = JourneyTimeline.Build(facts, WarmWithin, Day);

        Assert.Equal(
            [JourneyEntryKind.TurningPoint, JourneyEntryKind.ContactPersonStarted, JourneyEntryKind.PlanStarted, JourneyEntryKind.Handover],
            entries.Select(entry => entry.Kind));
        Assert.Equal(HandoverWarmth.Open, entries[^1].Warmth);
    }

    [Fact]
    public void Build_ContactPersonEndedAndNobodyFollowed_ShowsAnOpenColdStretch()
    {
        var ended = Start.AddDays(20);
        var entries = JourneyTimeline.Build(
            new JourneyFacts([], null, [new ContactPersonSpell("Coach A", "Eindhoven", Start, ended)], []), WarmWithin, Day);

        var gap = Assert.Single(entries, entry => entry.Kind == JourneyEntryKind.WithoutContactPerson);
        Assert.Equal(Day(ended), gap.On);
        Assert.Null(gap.Until);
    }

    [Fact]
    public void Gaps_ReassignedAtOnce_IsNoGap_ButWeeksApartIs()
    {
        var spells = new[]
        {
            new ContactPersonSpell("A", "X", Start, Start.AddDays(10)),
            new ContactPersonSpell("B", "X", Start.AddDays(10), Start.AddDays(20)),
            new ContactPersonSpell("C", "Y", Start.AddDays(40), null),
        };

        var gap = Assert.Single(JourneyTimeline.Gaps(spells));

        Assert.Equal(Start.AddDays(20), gap.From);
        Assert.Equal(Start.AddDays(40), gap.To);
    }

    [Fact]
    public void Gaps_OverlappingSpells_CountTheLongestCover()
    {
        var spells = new[]
        {
            new ContactPersonSpell("A", "X", Start, Start.AddDays(30)),
            new ContactPersonSpell("B", "Y", Start.AddDays(5), Start.AddDays(10)),
            new ContactPersonSpell("C", "Y", Start.AddDays(29), null),
        };

        Assert.Empty(JourneyTimeline.Gaps(spells));
    }

    [Fact]
    public void Gaps_NeverAContactPerson_IsNoGap() => Assert.Empty(JourneyTimeline.Gaps([]));

    [Theory]
    [InlineData(HandoverStatus.Completed, 10, HandoverWarmth.Warm)]
    [InlineData(HandoverStatus.Completed, 14, HandoverWarmth.Warm)]
    [InlineData(HandoverStatus.Completed, 15, HandoverWarmth.Cold)]
    [InlineData(HandoverStatus.Declined, 0, HandoverWarmth.Cold)]
    [InlineData(HandoverStatus.Expired, 0, HandoverWarmth.Cold)]
    [InlineData(HandoverStatus.Withdrawn, 0, HandoverWarmth.Withdrawn)]
    [InlineData(HandoverStatus.Accepted, 0, HandoverWarmth.Open)]
    public void Warmth_FollowsTheHandoversOwnRules(HandoverStatus status, int metDaysAfterConsent, HandoverWarmth expected)
    {
        var handover = Handover(status, Start) with
        {
            ConsentedAt = Start.AddDays(1),
            MetAt = status == HandoverStatus.Completed ? Start.AddDays(1 + metDaysAfterConsent) : null,
            CompletedAt = status == HandoverStatus.Completed ? Start.AddDays(1 + metDaysAfterConsent) : null,
        };

        Assert.Equal(expected, handover.Warmth(WarmWithin));
    }

    [Fact]
    public void Validate_FutureDayUnknownKindLongNote_NamesEachField()
    {
        var input = new JourneyEventInput("StartedSpaceTravel", new DateOnly(2026, 3, 3), new string('a', JourneyEventInput.NoteMaxLength + 1));

        var errors = input.Validate(new DateOnly(2026, 3, 2), out _);

        Assert.Equal(["kind", "note", "occurredOn"], errors.Errors.Select(error => error.Field).Order());
    }

    [Theory]
    [InlineData("startedWork", JourneyEventKind.StartedWork)]
    [InlineData("Moved", JourneyEventKind.Moved)]
    public void Validate_KnownKindToday_IsValid(string kind, JourneyEventKind expected)
    {
        var errors = new JourneyEventInput(kind, new DateOnly(2026, 3, 2), null).Validate(new DateOnly(2026, 3, 2), out var parsed);

        Assert.True(errors.IsValid);
        Assert.Equal(expected, parsed);
    }

    [Fact]
    public void Validate_NumberForKind_IsUnknown() =>
        Assert.False(new JourneyEventInput("3", new DateOnly(2026, 3, 2), null).Validate(new DateOnly(2026, 3, 2), out _).IsValid);

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private static HandoverFacts Handover(HandoverStatus status, DateTimeOffset proposedAt) =>
        new(Guid.NewGuid(), status, "Eindhoven", "Helmond", proposedAt, proposedAt.AddDays(30), null, null, null, null, null);
}
