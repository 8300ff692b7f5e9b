using Passport.Domain.Plans;

namespace Passport.Domain.Tests.Plans;

public sealed class PlanTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AddStep_ByProfessional_IsProposedAndTheYoungPersonAgrees()
    {
        var (plan, person, coach) = NewPlan();

        var added = plan.AddStep(coach, Guid.NewGuid(), Draft("Write your CV"), null, At);
        var agreed = plan.MoveStep(person, added.StepId!.Value, PlanMove.Agree, null, At.AddHours(1));

        Assert.True(added.IsDone && agreed.IsDone);
        Assert.Equal(PlanStepStatus.Agreed, Assert.Single(plan.Steps).Status);
        Assert.Equal([PlanEvent.StepProposed, PlanEvent.StepAgreed], plan.History.Select(entry => entry.Event));
        Assert.Equal("Ann Coach", plan.History[0].ActorName);
        Assert.Equal("Town Hall", plan.History[0].OrganisationName);
        Assert.Equal(2, plan.Version);
    }

    [Fact]
    public void AddStep_ByTheYoungPerson_StartsAgreed()
    {
        var (plan, person, _) = NewPlan();

        plan.AddStep(person, Guid.NewGuid(), Draft("Visit the job fair"), null, At);

        Assert.Equal(PlanStepStatus.Agreed, Assert.Single(plan.Steps).Status);
        Assert.Equal(PlanEvent.StepAdded, Assert.Single(plan.History).Event);
    }

    [Theory]
    [InlineData(PlanMove.Agree)]
    [InlineData(PlanMove.Decline)]
    public void MoveStep_ProfessionalAnswersOwnProposal_IsRefusedAsNotTheirs(PlanMove move)
    {
        var (plan, _, coach) = NewPlan();
        var stepId = plan.AddStep(coach, Guid.NewGuid(), Draft("Call the school"), null, At).StepId!.Value;

        var decision = plan.MoveStep(coach, stepId, move, null, At);

        Assert.Equal(PlanRefusal.NotYours, decision.Refusal);
        Assert.Equal(PlanStepStatus.Proposed, plan.Steps[0].Status);
        Assert.Equal(1, plan.Version);
    }

    [Fact]
    public void MoveStep_YoungPersonDropsAProposal_IsRefusedTheyDeclineInstead()
    {
        var (plan, person, coach) = NewPlan();
        var stepId = plan.AddStep(coach, Guid.NewGuid(), Draft("Call the school"), null, At).StepId!.Value;

        Assert.Equal(PlanRefusal.NotYours, plan.MoveStep(person, stepId, PlanMove.Drop, null, At).Refusal);
        Assert.True(plan.MoveStep(person, stepId, PlanMove.Decline, null, At).IsDone);
        Assert.Equal(PlanStepStatus.Declined, plan.Steps[0].Status);
    }

    [Fact]
    public void MoveStep_EitherSide_MarksProgress()
    {
        var (plan, person, coach) = NewPlan();
        var stepId = plan.AddStep(person, Guid.NewGuid(), Draft("Ask about the course"), null, At).StepId!.Value;

        Assert.True(plan.MoveStep(coach, stepId, PlanMove.Start, null, At).IsDone);
        Assert.True(plan.MoveStep(person, stepId, PlanMove.Finish, null, At).IsDone);
        Assert.Equal(PlanStepStatus.Done, plan.Steps[0].Status);
    }

    [Fact]
    public void MoveStep_NotAllowedByTheMachine_IsRefusedAndNothingChanges()
    {
        var (plan, person, _) = NewPlan();
        var stepId = plan.AddStep(person, Guid.NewGuid(), Draft("Ask about the course"), null, At).StepId!.Value;
        plan.MarkSaved();

        var decision = plan.MoveStep(person, stepId, PlanMove.Agree, null, At);

        Assert.Equal(PlanRefusal.NotAllowed, decision.Refusal);
        Assert.Empty(plan.NewHistory);
        Assert.Empty(plan.ChangedSteps);
    }

    [Fact]
    public void MoveStep_UnknownStep_IsNotFound()
    {
        var (plan, person, _) = NewPlan();

        Assert.Equal(PlanRefusal.StepNotFound, plan.MoveStep(person, Guid.NewGuid(), PlanMove.Start, null, At).Refusal);
    }

    [Fact]
    public void Change_OlderVersion_IsRefusedAsStale()
    {
        var (plan, person, coach) = NewPlan();
        plan.SetGoal(person, "A job in a bike shop", 0, At);

        var decision = plan.AddStep(coach, Guid.NewGuid(), Draft("Visit the shop"), 0, At);

        Assert.Equal(PlanRefusal.Stale, decision.Refusal);
        Assert.Empty(plan.Steps);
        Assert.Equal(1, plan.Version);
    }

    [Fact]
    public void SetGoal_ByProfessional_IsRefusedAsNotTheirs()
    {
        var (plan, _, coach) = NewPlan();

        Assert.Equal(PlanRefusal.NotYours, plan.SetGoal(coach, "Their goal", null, At).Refusal);
        Assert.Null(plan.Goal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void SetGoal_Empty_IsInvalid(string? goal)
    {
        var (plan, person, _) = NewPlan();

        var decision = plan.SetGoal(person, goal, null, At);

        Assert.Equal(PlanRefusal.Invalid, decision.Refusal);
        Assert.Equal("goal", Assert.Single(decision.Errors!.Errors).Field);
        Assert.Equal(0, plan.Version);
    }

    [Fact]
    public void AddStep_NoTitleAndLongMeaning_IsInvalidWithBoth()
    {
        var (plan, person, _) = NewPlan();

        var decision = plan.AddStep(person, Guid.NewGuid(), new PlanStepDraft(" ", new string('a', PlanStepDraft.MeaningMaxLength + 1), null, null, null), null, At);

        Assert.Equal(PlanRefusal.Invalid, decision.Refusal);
        Assert.Equal(["title", "meaning"], decision.Errors!.Errors.Select(error => error.Field));
        Assert.Empty(plan.Steps);
    }

    [Fact]
    public void MovesFor_ProposedStep_DiffersBySide()
    {
        var step = new PlanStep(Guid.NewGuid(), "Step", null, null, null, null, PlanStepStatus.Proposed, At, At);

        Assert.Equal([PlanMove.Agree, PlanMove.Decline], Plan.MovesFor(PlanSide.Person, step));
        Assert.Equal([PlanMove.Drop], Plan.MovesFor(PlanSide.Professional, step));
    }

    private static PlanStepDraft Draft(string title) => new(title, "In plain words.", null, null, new DateOnly(2026, 4, 1));

    private static (Plan Plan, PlanActor Person, PlanActor Coach) NewPlan()
    {
        var personId = Guid.NewGuid();
        return (
            Plan.Empty(personId),
            new PlanActor(personId, PlanSide.Person, "Sam", null, null),
            new PlanActor(Guid.NewGuid(), PlanSide.Professional, "Ann Coach", Guid.NewGuid(), "Town Hall"));
    }
}
