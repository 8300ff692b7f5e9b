using Passport.Matching.Candidates;
using Passport.Matching.Cards;

namespace Passport.Matching.Tests;

/// <summary>
/// What an employer's card may show: coarse values of the asked skills only, and every card of a list reading exactly
/// like at least k − 1 others, so two lists cannot be joined one-to-one on what the cards show.
/// </summary>
public sealed class CardTests
{
    private static readonly GeoPoint Eindhoven = new(51.4416, 5.4697);

    private static readonly VacancyProfile Vacancy = new(
        "v", "logistics", [new SkillRequirement("teamwork", 3, 3), new SkillRequirement("planning", 1, 2)], [], Eindhoven, 32);

    private static PoolCandidate Person(
        int? teamwork, int? planning, double error = 0.3, double km = 5, double? hours = 32, string[]? sectors = null, string[]? kinds = null)
    {
        var skills = new Dictionary<string, SkillMeasure>(StringComparer.Ordinal) { ["empathy"] = new(5, 5.21, 0.2) };
        if (teamwork is { } t)
        {
            skills["teamwork"] = new(t, t + 0.137, error);
        }

        if (planning is { } p)
        {
            skills["planning"] = new(p, p - 0.219, error);
        }

        var home = new GeoPoint(Eindhoven.Latitude + (km / 111.195), Eindhoven.Longitude);
        return new PoolCandidate(
            Guid.NewGuid(),
            new CandidateProfile("c", skills, new HashSet<string>(sectors ?? []), new HashSet<string>(), home, hours),
            (kinds ?? []).ToDictionary(kind => kind, _ => 2));
    }

    private static CardFacts Facts(PoolCandidate person) => CardFacts.Of(person, Vacancy);

    [Fact]
    public void Of_Person_ShowsOnlyAskedSkillsAsLevelsWithBandsAndNoExactFigures()
    {
        var facts = Facts(Person(4, null, error: 0.5, km: 17, hours: 20, sectors: ["logistics"], kinds: ["work"]));

        Assert.Equal(["teamwork", "planning"], facts.Skills.Select(skill => skill.SkillId));
        Assert.Equal(new CardSkill("teamwork", true, true, 4, 4, "medium"), facts.Skills[0]);
        Assert.Equal(new CardSkill("planning", false, false, null, null, null), facts.Skills[1]);
        Assert.Equal((1, 1), (facts.DistanceFrom, facts.DistanceTo));
        Assert.Equal("10to25km", CardBands.DistanceCode(facts.DistanceFrom!.Value, facts.DistanceTo!.Value));
        Assert.Equal("fewer", facts.HoursBand);
        Assert.True(facts.SectorChosen);
        Assert.Equal(["work"], facts.ExperienceKinds);
        Assert.Empty(facts.HeldBack);
        // Nothing exact survives: not the estimate, the error, the distance nor an unasked skill.
        Assert.DoesNotContain("empathy", facts.Key, StringComparison.Ordinal);
        Assert.DoesNotContain("4.137", facts.Key, StringComparison.Ordinal);
        Assert.DoesNotContain("0.5", facts.Key, StringComparison.Ordinal);
        Assert.DoesNotContain("17", facts.Key, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "within10km")]
    [InlineData(10, "within10km")]
    [InlineData(10.1, "10to25km")]
    [InlineData(25, "10to25km")]
    [InlineData(49.9, "25to50km")]
    [InlineData(58, "over50km")]
    public void DistanceBand_Km_IsOneOfFourBands(double km, string code)
    {
        var band = CardBands.DistanceBand(km);

        Assert.Equal(code, CardBands.DistanceCode(band, band));
    }

    [Fact]
    public void DistanceCode_SeveralBands_NamesTheirWholeRange()
    {
        Assert.Equal("within25km", CardBands.DistanceCode(0, 1));
        Assert.Equal("10to50km", CardBands.DistanceCode(1, 2));
        Assert.Equal("over25km", CardBands.DistanceCode(2, 3));
    }

    [Theory]
    [InlineData(0.2, "high")]
    [InlineData(0.35, "high")]
    [InlineData(0.5, "medium")]
    [InlineData(0.9, "low")]
    public void Certainty_StandardError_IsOneOfThreeWords(double error, string certainty) =>
        Assert.Equal(certainty, CardBands.Certainty(error));

    [Fact]
    public void Common_TwoCards_ShowsOnlyWhatIsTrueOfBoth()
    {
        var common = CardFacts.Common([
            Facts(Person(4, 3, error: 0.3, km: 5, hours: 32, kinds: ["work"])),
            Facts(Person(5, 3, error: 0.5, km: 15, hours: 32, kinds: ["education"])),
        ]);

        Assert.Equal(new CardSkill("teamwork", true, true, 4, 5, null), common.Skills[0]);
        Assert.Equal(new CardSkill("planning", true, true, 3, 3, null), common.Skills[1]);
        Assert.Equal("within25km", CardBands.DistanceCode(common.DistanceFrom!.Value, common.DistanceTo!.Value));
        Assert.Equal("likeTheJob", common.HoursBand);
        Assert.Null(common.ExperienceKinds);
        Assert.Equal(["certainty", "exactLevels", "experience"], common.HeldBack.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Common_MeasuredAndUnmeasured_HoldsTheSkillBack()
    {
        var common = CardFacts.Common([Facts(Person(4, 1)), Facts(Person(null, 1))]);

        Assert.Equal(new CardSkill("teamwork", null, null, null, null, null), common.Skills[0]);
        Assert.Contains(CardFacts.Measured, common.HeldBack);
        Assert.False(common.MaySay(new MatchReason(MatchExplainer.SkillFeature, "teamwork", ReasonDirection.Raised, 1)));
        // Planning (level 1, below the minimum of 2) is true of both and may be said.
        Assert.Equal(new CardSkill("planning", true, false, 1, 1, "high"), common.Skills[1]);
        Assert.True(common.MaySay(new MatchReason(MatchExplainer.SkillFeature, "planning", ReasonDirection.Lowered, 1)));
    }

    [Fact]
    public void MaySay_ASkillTheVacancyDoesNotAsk_IsNeverSaid()
    {
        var facts = Facts(Person(4, 3));

        Assert.False(facts.MaySay(new MatchReason(MatchExplainer.SkillFeature, "empathy", ReasonDirection.Raised, 1)));
        Assert.True(facts.MaySay(new MatchReason(FeatureSchema.DistanceKm, null, ReasonDirection.Raised, 1)));
    }

    [Fact]
    public void ToProfile_SameFacts_SameProfileWhateverTheExactPassport()
    {
        var a = Facts(Person(4, 3, error: 0.31, km: 3));
        var b = Facts(Person(4, 3, error: 0.22, km: 8));

        Assert.Equal(a.Key, b.Key);
        var pa = a.ToProfile("x", Vacancy);
        var pb = b.ToProfile("x", Vacancy);
        Assert.Equal(pa.Skills["teamwork"], pb.Skills["teamwork"]);
        Assert.Equal(pa.Location, pb.Location);
        Assert.Equal(4, pa.Skills["teamwork"].Estimate);
        Assert.Equal(5, FeatureSchema.DistanceKmOf(pa, Vacancy), 3);
    }

    [Fact]
    public void Generalise_EveryCard_ReadsLikeAtLeastKOthersAndIdenticalCardsKeepEverything()
    {
        var random = new Random(7);
        var people = Enumerable.Range(0, 41)
            .Select(_ => Person(
                1 + random.Next(5), random.Next(6) is 0 ? null : 1 + random.Next(5), 0.2 + (random.NextDouble() * 0.7), random.NextDouble() * 59,
                8 + random.Next(33), random.Next(2) == 0 ? ["logistics"] : [], random.Next(3) == 0 ? ["work"] : []))
            .ToList();
        // Two people who read exactly alike need nothing held back.
        people.Add(Person(5, 5, km: 2, kinds: ["volunteering", "work"]));
        people.Add(Person(5, 5, km: 3, kinds: ["volunteering", "work"]));

        foreach (var k in new[] { 2, 3, 5 })
        {
            var shown = LookAlikes.Generalise([.. people.Select(Facts)], k);

            Assert.Equal(people.Count, shown.Count);
            Assert.All(shown.GroupBy(card => card.Key), group => Assert.True(group.Count() >= k, $"k = {k}: {group.Key} shown {group.Count()} times"));
            // What a card shows is true of its person: a range holds the exact level, a band range the distance.
            Assert.All(people.Zip(shown), pair => AssertTrueOf(Facts(pair.First), pair.Second));
        }

        var pairShown = LookAlikes.Generalise([.. people.Select(Facts)], 2);
        Assert.Empty(pairShown[^1].HeldBack);
        Assert.Equal(pairShown[^1].Key, pairShown[^2].Key);
    }

    [Fact]
    public void Generalise_FewerCardsThanK_ShowsNothingAboutAnyone()
    {
        var shown = LookAlikes.Generalise([Facts(Person(4, 3))], 2);

        var card = Assert.Single(shown);
        Assert.True(card.Withheld);
        Assert.Empty(card.Skills);
        Assert.Null(card.DistanceFrom);
    }

    [Fact]
    public void Generalise_KOfOne_LeavesEveryCardFull()
    {
        var full = new[] { Facts(Person(4, 3)), Facts(Person(2, 5, km: 40)) };

        Assert.Equal(full.Select(card => card.Key), LookAlikes.Generalise(full, 1).Select(card => card.Key));
    }

    private static void AssertTrueOf(CardFacts exact, CardFacts shown)
    {
        for (var s = 0; s < exact.Skills.Count; s++)
        {
            var (truth, said) = (exact.Skills[s], shown.Skills[s]);
            Assert.True(said.Measured is null || said.Measured == truth.Measured);
            Assert.True(said.ReachesMinimum is null || said.ReachesMinimum == truth.ReachesMinimum);
            Assert.True(said.LevelFrom is null || (said.LevelFrom <= truth.LevelFrom && truth.LevelTo <= said.LevelTo));
            Assert.True(said.Certainty is null || said.Certainty == truth.Certainty);
        }

        Assert.True(shown.DistanceFrom is null || (shown.DistanceFrom <= exact.DistanceFrom && exact.DistanceTo <= shown.DistanceTo));
        Assert.True(shown.HoursBand is null || shown.HoursBand == exact.HoursBand);
        Assert.True(shown.ExperienceKinds is null || shown.ExperienceKinds.SequenceEqual(exact.ExperienceKinds!));
    }
}
