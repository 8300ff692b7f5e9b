using Microsoft.Extensions.Options;
using Passport.Data.SocialMap;
using Passport.Domain.Plans;
using Passport.Grains.Plans;

namespace Passport.Web.Demo;

/// <summary>
/// With <c>Seed:Demo</c> on, stores the demo social map (<see cref="DemoSocialMap"/>) and referrals with outcomes: the
/// demo coach refers <c>youth@demo.test</c> to a boxing school, which the young person agreed to (sharing their name)
/// and went to; simulated young people referred themselves to a few places so the municipality's reach figures show
/// both suppressed and unsuppressed cells. Referrals are plan steps, so it runs after the silo has started, after
/// <see cref="DemoPlanSeeder"/>; an entry or plan that is there already is left as it is, so restarts add nothing.
/// </summary>
public sealed class DemoSocialMapSeeder(
    IGrainFactory grains,
    SocialMapRepository map,
    DemoSocialMap demoMap,
    DemoContent demo,
    IOptions<DemoOptions> options,
    TimeProvider time,
    ILogger<DemoSocialMapSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Demo)
        {
            return;
        }

        await SeedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Adds what is missing of the demo map and its referrals; safe to run again.</summary>
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var added = 0;
        foreach (var (id, values) in demoMap.Organisations)
        {
            if (await map.FindAsync(id, cancellationToken) is null)
            {
                await map.AddAsync(id, demoMap.Municipality, values, now, cancellationToken);
                added++;
            }
        }

        if (added > 0)
        {
            logger.LogInformation("Created {Count} demo social map organisations", added);
        }

        await ReferTheYouthAsync();
        await ReferSimulatedPeopleAsync(cancellationToken);
    }

    private async Task ReferTheYouthAsync()
    {
        var youth = demo.Accounts.SingleOrDefault(account => account.Email == DemoPlanSeeder.YouthEmail);
        var coach = demo.Accounts.SingleOrDefault(account => account.Email == DemoPlanSeeder.CoachEmail);
        var organisation = demo.Organisations.SingleOrDefault(candidate => candidate.Id == coach?.Organisation);
        var (target, values) = demoMap.Organisations.FirstOrDefault(entry => entry.Values.Listed);
        if (youth is null || coach is null || organisation is null || values is null)
        {
            return;
        }

        var plan = grains.GetGrain<IPlanGrain>(youth.Id);
        if ((await plan.GetAsync()).Steps.Any(step => step.Referral is not null))
        {
            return;
        }

        var coachActor = new PlanActorInfo(coach.Id, PlanSide.Professional, coach.DisplayName, organisation.Id, organisation.Name);
        var youthActor = new PlanActorInfo(youth.Id, PlanSide.Person, youth.DisplayName, null, null);
        var step = await plan.AddStepAsync(
            coachActor,
            new NewPlanStep(
                $"Try a training at {values.Name}", "The coach there knows a lot about work in Eindhoven. Go once and see if you like it.", null, null, null,
                new NewReferral(target, values.Name, [ReferralShare.Name, ReferralShare.Phone])),
            null);
        await plan.MoveStepAsync(youthActor, step.StepId!.Value, PlanMove.Agree, null, [ReferralShare.Name]);
        await plan.RecordReferralOutcomeAsync(youthActor, step.StepId!.Value, ReferralOutcome.Went, null);
        logger.LogInformation("Referred {Email} to {Organisation}", DemoPlanSeeder.YouthEmail, values.Name);
    }

    private async Task ReferSimulatedPeopleAsync(CancellationToken cancellationToken)
    {
        var needed = demoMap.Referrals.Sum(referral => referral.Referred);
        var people = await map.SimulatedPeopleAsync(needed, cancellationToken);
        var next = 0;
        foreach (var referral in demoMap.Referrals)
        {
            var name = demoMap.Organisations.Single(entry => entry.Id == referral.Organisation).Values.Name;
            for (var index = 0; index < referral.Referred && next < people.Count; index++, next++)
            {
                var (personId, displayName) = people[next];
                var plan = grains.GetGrain<IPlanGrain>(personId);
                // The simulated cohort may already have a plan (the knowledge base seeds plan starts): a referral is
                // added to it unless one is there from an earlier start.
                if ((await plan.GetAsync()).Steps.Any(step => step.Referral is not null))
                {
                    continue;
                }

                // The young person added the referral themself: agreed at once, sharing their name.
                var actor = new PlanActorInfo(personId, PlanSide.Person, displayName, null, null);
                var step = await plan.AddStepAsync(actor, new NewPlanStep($"Go to {name}", null, null, null, null, new NewReferral(referral.Organisation, name, [ReferralShare.Name])), null);
                foreach (var (count, outcome) in new[] { (referral.Went, ReferralOutcome.Went), (referral.Stayed, ReferralOutcome.Stayed), (referral.Helped, ReferralOutcome.Helped) })
                {
                    if (index < count)
                    {
                        await plan.RecordReferralOutcomeAsync(actor, step.StepId!.Value, outcome, null);
                    }
                }
            }
        }
    }
}
