using Passport.Domain.Measurement;
using static Passport.Domain.Tests.Measurement.MeasurementTestData;

namespace Passport.Domain.Tests.Measurement;

public sealed class StoppingRuleTests
{
    private static readonly SelectionOptions Options = new(0.5, 10);
    private static readonly string[] BothSkills = ["teamwork", "communication"];

    [Fact]
    public void ShouldStop_EverySkillAtOrBelowTarget_Stops()
    {
        var session = Estimates(("teamwork", new AbilityEstimate(0.3, 0.5, 4)), ("communication", new AbilityEstimate(-1, 0.42, 5)));

        Assert.True(StoppingRule.ShouldStop(session, BothSkills, 9, poolExhausted: false, Options));
    }

    [Fact]
    public void ShouldStop_OneSkillAboveTarget_Continues()
    {
        var session = Estimates(("teamwork", new AbilityEstimate(0.3, 0.45, 4)), ("communication", new AbilityEstimate(-1, 0.51, 3)));

        Assert.False(StoppingRule.ShouldStop(session, BothSkills, 7, poolExhausted: false, Options));
    }

    [Fact]
    public void ShouldStop_SkillNotYetMeasuredInSession_Continues()
    {
        var session = Estimates(("teamwork", new AbilityEstimate(0.3, 0.3, 6)));

        Assert.False(StoppingRule.ShouldStop(session, BothSkills, 6, poolExhausted: false, Options));
    }

    [Fact]
    public void ShouldStop_TargetAtLeastPriorStandardError_StillNeedsOneResponsePerSkill()
    {
        var lenient = new SelectionOptions(1.0, 10);

        Assert.False(StoppingRule.ShouldStop(Estimates(("teamwork", AbilityEstimate.Prior)), ["teamwork"], 0, poolExhausted: false, lenient));
        Assert.True(StoppingRule.ShouldStop(Estimates(("teamwork", new AbilityEstimate(0.5, 0.8, 1))), ["teamwork"], 1, poolExhausted: false, lenient));
    }

    [Fact]
    public void ShouldStop_MaxItemsReached_StopsEvenAboveTarget()
    {
        var session = Estimates(("teamwork", new AbilityEstimate(0.3, 0.9, 5)), ("communication", new AbilityEstimate(-1, 0.9, 5)));

        Assert.False(StoppingRule.ShouldStop(session, BothSkills, 9, poolExhausted: false, Options));
        Assert.True(StoppingRule.ShouldStop(session, BothSkills, 10, poolExhausted: false, Options));
        Assert.True(StoppingRule.ShouldStop(session, BothSkills, 11, poolExhausted: false, Options));
    }

    [Fact]
    public void ShouldStop_PoolExhausted_Stops()
    {
        var session = Estimates(("teamwork", new AbilityEstimate(0.3, 0.9, 2)));

        Assert.True(StoppingRule.ShouldStop(session, ["teamwork"], 2, poolExhausted: true, Options));
    }

    [Fact]
    public void ShouldStop_SkillWithoutItemsLeftLeftOut_DoesNotHoldSessionOpen()
    {
        IReadOnlyList<CandidateItem> pool = [Item("t1", "teamwork", 0), Item("c1", "communication", 0), Item("c2", "communication", 1)];
        var administered = Ids("t1", "c1");
        var session = Estimates(("teamwork", new AbilityEstimate(0, 0.8, 1)), ("communication", new AbilityEstimate(0, 0.45, 1)));

        var open = StoppingRule.SkillsWithItemsLeft(pool, administered);

        Assert.Equal(["communication"], open);
        Assert.True(StoppingRule.ShouldStop(session, open, 2, poolExhausted: false, Options));
        Assert.False(StoppingRule.ShouldStop(session, BothSkills, 2, poolExhausted: false, Options));
    }

    [Fact]
    public void ShouldStop_FromPool_IgnoresSkillsWhoseItemsAreUsedUpAndStopsWhenPoolIsExhausted()
    {
        IReadOnlyList<CandidateItem> pool = [Item("t1", "teamwork", 0), Item("c1", "communication", 0), Item("c2", "communication", 1)];
        var session = Estimates(("teamwork", new AbilityEstimate(0, 0.8, 1)), ("communication", new AbilityEstimate(0, 0.6, 1)));

        Assert.False(StoppingRule.ShouldStop(pool, Ids("t1", "c1"), session, Options));
        var precise = Estimates(("teamwork", new AbilityEstimate(0, 0.8, 1)), ("communication", new AbilityEstimate(0, 0.45, 2)));
        Assert.True(StoppingRule.ShouldStop(pool, Ids("t1", "c1"), precise, Options));
        Assert.True(StoppingRule.ShouldStop(pool, Ids("t1", "c1", "c2"), session, Options));
        Assert.False(StoppingRule.ShouldStop(pool, Ids(), Estimates(), Options));
    }

    [Fact]
    public void SkillsWithItemsLeft_ListsSkillsInPoolOrder()
    {
        var pool = SyntheticPool("teamwork", "communication", "planning");

        Assert.Equal(["teamwork", "communication", "planning"], StoppingRule.SkillsWithItemsLeft(pool, Ids()));
        Assert.Empty(StoppingRule.SkillsWithItemsLeft(pool, Ids([.. pool.Select(item => item.Id)])));
    }

    [Fact]
    public void ShouldStop_NoSkillsLeft_Stops()
    {
        Assert.True(StoppingRule.ShouldStop(Estimates(), [], 3, poolExhausted: false, Options));
    }
}
