using Passport.Domain.Measurement;
using static Passport.Domain.Tests.Measurement.MeasurementTestData;

namespace Passport.Domain.Tests.Measurement;

public sealed class AdaptiveItemSelectorTests
{
    private static readonly SelectionOptions MaximumInformation = new(0.4, 10, Randomesque: 1);

    private static readonly IReadOnlyList<CandidateItem> OneSkill =
    [
        Item("easy", "teamwork", -2),
        Item("medium", "teamwork", 0),
        Item("hard", "teamwork", 2),
        Item("harder", "teamwork", 3),
    ];

    [Theory]
    [InlineData(-2.0, "easy")]
    [InlineData(0.1, "medium")]
    [InlineData(1.8, "hard")]
    [InlineData(3.5, "harder")]
    public void SelectNext_RandomesqueOne_PicksMostInformativeAtLocation(double theta, string expected)
    {
        var location = Estimates(("teamwork", new AbilityEstimate(theta, 0.5, 4)));

        var next = AdaptiveItemSelector.SelectNext(OneSkill, None, None, location, location, MaximumInformation, new Random(1));

        Assert.Equal(expected, next?.Id);
    }

    [Fact]
    public void SelectNext_ItemsDifferInDiscrimination_PrefersHigherInformationNotNearestDifficulty()
    {
        IReadOnlyList<CandidateItem> pool = [Item("near-weak", "teamwork", 0, 0.5), Item("off-strong", "teamwork", 0.4, 2.5)];

        var next = AdaptiveItemSelector.SelectNext(pool, None, None, Estimates(), Estimates(), MaximumInformation, new Random(1));

        Assert.Equal("off-strong", next?.Id);
    }

    [Fact]
    public void SelectNext_LocationMissing_EvaluatesAtPriorMean()
    {
        var next = AdaptiveItemSelector.SelectNext(OneSkill, None, None, Estimates(), Estimates(), MaximumInformation, new Random(1));

        Assert.Equal("medium", next?.Id);
    }

    [Fact]
    public void SelectNext_InformationAtLocationNotSessionEstimate()
    {
        // The passport says the player is strong; this session alone knows nothing yet.
        var location = Estimates(("teamwork", new AbilityEstimate(2, 0.3, 30)));
        var session = Estimates(("teamwork", AbilityEstimate.Prior));

        var next = AdaptiveItemSelector.SelectNext(OneSkill, None, None, location, session, MaximumInformation, new Random(1));

        Assert.Equal("hard", next?.Id);
    }

    [Fact]
    public void SelectNext_NeverReturnsAdministeredItems()
    {
        var administered = Ids();
        var random = new Random(5);
        var options = new SelectionOptions(0.3, 10);

        for (var turn = 0; turn < OneSkill.Count; turn++)
        {
            var next = AdaptiveItemSelector.SelectNext(OneSkill, administered, None, Estimates(), Estimates(), options, random);

            Assert.NotNull(next);
            Assert.DoesNotContain(next.Id, administered);
            administered.Add(next.Id);
        }

        Assert.Equal(OneSkill.Count, administered.Count);
    }

    [Fact]
    public void SelectNext_AllAdministered_ReturnsNull()
    {
        var administered = Ids("easy", "medium", "hard", "harder");

        var next = AdaptiveItemSelector.SelectNext(OneSkill, administered, None, Estimates(), Estimates(), MaximumInformation, new Random(1));

        Assert.Null(next);
    }

    [Fact]
    public void SelectNext_EmptyPool_ReturnsNull()
    {
        Assert.Null(AdaptiveItemSelector.SelectNext([], None, None, Estimates(), Estimates(), MaximumInformation, new Random(1)));
    }

    [Fact]
    public void SelectNext_BestItemSeenBefore_PrefersAnUnseenItem()
    {
        var next = AdaptiveItemSelector.SelectNext(OneSkill, None, Ids("medium"), Estimates(), Estimates(), MaximumInformation, new Random(1));

        Assert.NotNull(next);
        Assert.NotEqual("medium", next.Id);
    }

    [Fact]
    public void SelectNext_UnseenItemsOfSkillUsedUp_FallsBackToMostInformativeSeenItem()
    {
        var next = AdaptiveItemSelector.SelectNext(
            OneSkill, Ids("harder"), Ids("easy", "medium", "hard", "harder"), Estimates(), Estimates(), MaximumInformation, new Random(1));

        Assert.Equal("medium", next?.Id);
    }

    [Fact]
    public void SelectNext_UnseenItemsEveryDraw_NeverPicksSeenWhileUnseenRemain()
    {
        var seen = Ids("medium", "hard");
        var options = new SelectionOptions(0.3, 10, Randomesque: 3);
        var random = new Random(3);

        for (var draw = 0; draw < 200; draw++)
        {
            var next = AdaptiveItemSelector.SelectNext(OneSkill, None, seen, Estimates(), Estimates(), options, random);

            Assert.Contains(next?.Id, new[] { "easy", "harder" });
        }
    }

    [Fact]
    public void SelectNext_Randomesque_DrawsOnlyAndEvenlyAmongTopItems()
    {
        IReadOnlyList<CandidateItem> pool =
        [
            Item("b-3", "teamwork", -3),
            Item("b0", "teamwork", 0),
            Item("b0.2", "teamwork", 0.2),
            Item("b-0.3", "teamwork", -0.3),
            Item("b3", "teamwork", 3),
        ];
        var options = new SelectionOptions(0.3, 10, Randomesque: 3);
        var random = new Random(42);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);

        for (var draw = 0; draw < 3000; draw++)
        {
            var id = AdaptiveItemSelector.SelectNext(pool, None, None, Estimates(), Estimates(), options, random)!.Id;
            counts[id] = counts.GetValueOrDefault(id) + 1;
        }

        Assert.Equal(["b-0.3", "b0", "b0.2"], counts.Keys.Order(StringComparer.Ordinal));
        Assert.All(counts.Values, count => Assert.InRange(count, 900, 1100));
    }

    [Fact]
    public void SelectNext_SameSeed_SameSequence()
    {
        var pool = SyntheticPool("teamwork", "communication");
        var options = new SelectionOptions(0.3, 20);

        static List<string> Run(IReadOnlyList<CandidateItem> pool, SelectionOptions options, int seed)
        {
            var random = new Random(seed);
            var administered = Ids();
            while (AdaptiveItemSelector.SelectNext(pool, administered, None, Estimates(), Estimates(), options, random) is { } next)
            {
                administered.Add(next.Id);
            }

            return [.. administered];
        }

        Assert.Equal(Run(pool, options, 9), Run(pool, options, 9));
        Assert.Equal(pool.Count, Run(pool, options, 9).Count);
    }

    [Fact]
    public void SelectNext_TwoSkills_TargetsSkillWithHigherSessionStandardError()
    {
        IReadOnlyList<CandidateItem> pool = [Item("t1", "teamwork", 0), Item("c1", "communication", 0)];
        var session = Estimates(("teamwork", new AbilityEstimate(0.2, 0.45, 3)), ("communication", new AbilityEstimate(0.2, 0.7, 1)));

        var next = AdaptiveItemSelector.SelectNext(pool, Ids(), None, session, session, MaximumInformation, new Random(1));

        Assert.Equal("communication", next?.SkillId);
    }

    [Fact]
    public void SelectNext_EqualStandardErrors_TargetsSkillWithFewerItemsThenFirstSkill()
    {
        IReadOnlyList<CandidateItem> pool =
        [
            Item("t1", "teamwork", 0), Item("t2", "teamwork", 1), Item("c1", "communication", 0), Item("c2", "communication", 1),
        ];
        var session = Estimates(("teamwork", new AbilityEstimate(0, 0.6, 1)), ("communication", new AbilityEstimate(0, 0.6, 1)));

        var fewer = AdaptiveItemSelector.SelectNext(pool, Ids("t1"), None, session, session, MaximumInformation, new Random(1));
        var first = AdaptiveItemSelector.SelectNext(pool, Ids(), None, Estimates(), Estimates(), MaximumInformation, new Random(1));

        Assert.Equal("communication", fewer?.SkillId);
        Assert.Equal("teamwork", first?.SkillId);
    }

    [Fact]
    public void SelectNext_MostUncertainSkillHasNoItemsLeft_TargetsAnotherSkill()
    {
        IReadOnlyList<CandidateItem> pool = [Item("t1", "teamwork", 0), Item("c1", "communication", 0), Item("c2", "communication", 1)];
        var session = Estimates(("teamwork", new AbilityEstimate(0, 0.9, 1)), ("communication", new AbilityEstimate(0, 0.5, 1)));

        var next = AdaptiveItemSelector.SelectNext(pool, Ids("t1", "c1"), None, session, session, MaximumInformation, new Random(1));

        Assert.Equal("c2", next?.Id);
    }

    [Fact]
    public void SelectNext_SimulatedSession_AlternatesBetweenTwoEquallyInformativeSkills()
    {
        var pool = SyntheticPool("teamwork", "communication");
        var posteriors = new Dictionary<string, AbilityPosterior>(StringComparer.Ordinal)
        {
            ["teamwork"] = new(),
            ["communication"] = new(),
        };
        var session = Estimates();
        var administered = Ids();
        var random = new Random(2);
        var order = new List<string>();

        for (var turn = 0; turn < 8; turn++)
        {
            var next = AdaptiveItemSelector.SelectNext(pool, administered, None, session, session, new SelectionOptions(0.3, 20), random)!;
            administered.Add(next.Id);
            order.Add(next.SkillId);
            var posterior = posteriors[next.SkillId];
            posterior.Add(new ItemResponse(next.Model, Respond(next.Model, 0.3, random)));
            session[next.SkillId] = posterior.Estimate();
        }

        // Balanced throughout: after every pair of items each skill has had one.
        for (var turn = 1; turn < order.Count; turn += 2)
        {
            Assert.Equal(1, order.Take(turn + 1).Count(skill => skill == "teamwork") - (turn / 2));
        }
    }

    [Fact]
    public void SelectNext_NullArguments_Throw()
    {
        var location = Estimates();
        Assert.Throws<ArgumentNullException>(() => AdaptiveItemSelector.SelectNext(null!, None, None, location, location, MaximumInformation, new Random(1)));
        Assert.Throws<ArgumentNullException>(() => AdaptiveItemSelector.SelectNext(OneSkill, None, None, location, location, MaximumInformation, null!));
    }
}
