using Passport.Domain.Plans;

namespace Passport.Domain.Tests.Plans;

/// <summary>A referral step shares only what the young person chose, once they agree; its outcomes only add up.</summary>
public sealed class PlanReferralTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Gym = Guid.NewGuid();

    [Fact]
    public void AgreeToReferral_ProposalSuggestsThreeYouthChoosesOne_SharesOnlyTheChoice()
    {
        var (plan, person, coach) = NewPlan();
        var added = plan.AddStep(coach, Guid.NewGuid(), Referral([ReferralShare.Name, ReferralShare.Phone, ReferralShare.Email]), null, At);
        Assert.Null(Assert.Single(plan.Steps).Referral!.Shared);

        plan.MoveStep(person, added.StepId!.Value, PlanMove.Agree, null, At, [ReferralShare.Phone]);

        var referral = Assert.Single(plan.Steps).Referral!;
        Assert.Equal([ReferralShare.Phone], referral.Shared);
        Assert.Equal(3, referral.Suggested.Count);
    }

    [Fact]
    public void RecordOutcome_BeforeAgreeingOrOnAStepWithoutReferral_IsRefused()
    {
        var (plan, person, coach) = NewPlan();
        var referral = plan.AddStep(coach, Guid.NewGuid(), Referral([]), null, At);
        var plain = plan.AddStep(person, Guid.NewGuid(), new PlanStepDraft("Write your CV", null, null, null, null), null, At);

        Assert.Equal(PlanRefusal.NotAllowed, plan.RecordReferralOutcome(person, referral.StepId!.Value, ReferralOutcome.Went, null, At).Refusal);
        Assert.Equal(PlanRefusal.StepNotFound, plan.RecordReferralOutcome(person, plain.StepId!.Value, ReferralOutcome.Went, null, At).Refusal);
        Assert.False(plan.Steps[0].Referral!.Went);
    }

    [Fact]
    public void RecordOutcome_StayedOnASelfAddedReferral_MeansWentToo()
    {
        var (plan, person, coach) = NewPlan();
        var added = plan.AddStep(person, Guid.NewGuid(), Referral([ReferralShare.Name]), null, At);

        var decision = plan.RecordReferralOutcome(coach, added.StepId!.Value, ReferralOutcome.Stayed, null, At.AddDays(7));

        Assert.True(decision.IsDone);
        var referral = Assert.Single(plan.Steps).Referral!;
        Assert.Equal([ReferralShare.Name], referral.Shared);
        Assert.True(referral.Went && referral.Stayed && !referral.Helped);
        Assert.Equal(PlanEvent.ReferralStayed, plan.History[^1].Event);
    }

    private static PlanStepDraft Referral(IReadOnlyList<ReferralShare> share) =>
        new("Try a training at the gym", null, null, null, null, new ReferralDraft(Gym, "Boxing Club", share));

    private static (Plan Plan, PlanActor Person, PlanActor Coach) NewPlan()
    {
        var personId = Guid.NewGuid();
        return (Plan.Empty(personId), new PlanActor(personId, PlanSide.Person, "Sam", null, null),
            new PlanActor(Guid.NewGuid(), PlanSide.Professional, "Ann Coach", Guid.NewGuid(), "Town Hall"));
    }
}
