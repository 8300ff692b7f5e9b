using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Passport.Application.Reminders;
using Passport.Data.Appointments;
using Passport.Data.Plans;
using Passport.Domain.Appointments;
using Passport.Domain.Consent;
using Passport.Domain.Organisations;
using Passport.Domain.Plans;
using Passport.Grains.Consent;
using Passport.Grains.Plans;
using Passport.Grains.Sprints;

namespace Passport.Web.Demo;

/// <summary>
/// With <c>Seed:Demo</c> on, gives the demo young person (<c>youth@demo.test</c>) a plan to look at: they share their
/// plan with the demo coach's organisation, the coach is their contact person, the plan has a goal and five steps in
/// different states, and there are appointments, one of them tomorrow. It goes through the consent and plan grains, so
/// it runs as a hosted service after the silo has started (registered after Orleans), not with the database seeders.
/// Every part is skipped when it is there already, so restarts add nothing; the appointments are added again only when
/// the young person has no upcoming one with the coach (a demo started days later gets a fresh "tomorrow").
/// </summary>
public sealed class DemoPlanSeeder(
    IGrainFactory grains,
    ContactPersonRepository contactPersons,
    AppointmentRepository appointments,
    ReminderPlanner reminders,
    DemoContent demo,
    IOptions<DemoOptions> options,
    IOptions<SprintOptions> sprints,
    TimeProvider time,
    ILogger<DemoPlanSeeder> logger) : IHostedService
{
    public const string YouthEmail = "youth@demo.test";
    public const string CoachEmail = "coach@demo.test";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Demo)
        {
            return;
        }

        await SeedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Adds what is missing of the demo plan; safe to run again.</summary>
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var youth = demo.Accounts.SingleOrDefault(account => account.Email == YouthEmail);
        var coach = demo.Accounts.SingleOrDefault(account => account.Email == CoachEmail);
        var organisation = demo.Organisations.SingleOrDefault(candidate => candidate.Id == coach?.Organisation);
        if (youth is null || coach is null || organisation is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        await ShareThePlanAsync(youth.Id, organisation);
        await contactPersons.AssignAsync(youth.Id, coach.Id, organisation.Id, now, cancellationToken: cancellationToken);
        var coachActor = new PlanActorInfo(coach.Id, PlanSide.Professional, coach.DisplayName, organisation.Id, organisation.Name);
        await WriteThePlanAsync(youth.Id, new PlanActorInfo(youth.Id, PlanSide.Person, youth.DisplayName, null, null), coachActor);
        await BookAsync(youth.Id, coach.Id, coach.DisplayName, organisation, now, cancellationToken);
    }

    private async Task ShareThePlanAsync(Guid youthId, DemoOrganisation organisation)
    {
        var consent = grains.GetGrain<IConsentGrain>(youthId);
        var grant = await consent.GetActiveGrantAsync(new ReaderOrganisation(organisation.Id, organisation.Kind, organisation.Sector));
        if (!grant.Categories.Contains(DataCategory.Plan))
        {
            await consent.GrantAsync(new NewConsent(
                AudienceKind.Organisation, organisation.Id, null, [DataCategory.Plan, DataCategory.Skills], "Work on my plan with my coach", null));
        }
    }

    private async Task WriteThePlanAsync(Guid youthId, PlanActorInfo youth, PlanActorInfo coach)
    {
        var plan = grains.GetGrain<IPlanGrain>(youthId);
        if ((await plan.GetAsync()).Version > 0)
        {
            return;
        }

        await plan.SetGoalAsync(youth, "A job where I fix bikes and help people.", null);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        (string Title, string Meaning, int DueInDays, PlanMove[] Moves)[] steps =
        [
            ("Write your CV", "One page about you, your school and the jobs you did.", -7, [PlanMove.Agree, PlanMove.Start, PlanMove.Finish]),
            ("Visit the open day at Summa", "See the bike mechanic course and ask what you need to start.", 10, [PlanMove.Agree, PlanMove.Start]),
            ("Practise a job interview", "We practise together. Think of two things you are good at.", 20, [PlanMove.Agree]),
            ("Ask two bike shops for a work trial", "A few days in a shop shows if the work suits you.", 30, []),
            ("Take a forklift course", "A short course for work in a warehouse.", 40, [PlanMove.Decline]),
        ];
        foreach (var (title, meaning, dueInDays, moves) in steps)
        {
            var added = await plan.AddStepAsync(coach, new NewPlanStep(title, meaning, null, null, today.AddDays(dueInDays)), null);
            foreach (var move in moves)
            {
                // The young person agrees or declines; either side marks progress.
                await plan.MoveStepAsync(move is PlanMove.Agree or PlanMove.Decline ? youth : coach, added.StepId!.Value, move, null);
            }
        }

        logger.LogInformation("Created the demo plan of {Email}", YouthEmail);
    }

    private async Task BookAsync(Guid youthId, Guid coachId, string coachName, DemoOrganisation organisation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if ((await appointments.ListForPersonAsync(youthId, organisation.Id, cancellationToken)).Any(appointment => appointment.IsUpcoming(now)))
        {
            return;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(sprints.Value.TimeZone);
        var today = TimeZoneInfo.ConvertTime(now, zone).Date;
        DateTimeOffset At(int days, int hour)
        {
            var local = today.AddDays(days).AddHours(hour);
            return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        }

        (DateTimeOffset Start, AppointmentKind Kind, string Location, string Topic, string? Bring)[] planned =
        [
            (At(-7, 10), AppointmentKind.Place, $"{organisation.Name}, {organisation.Place}", "Your first talk: what do you want?", null),
            (At(1, 10), AppointmentKind.Place, $"{organisation.Name}, {organisation.Place}", "Your CV and the open day at Summa", "Your CV on paper or on your phone"),
            (At(8, 14), AppointmentKind.Phone, "+31 40 000 0000", "Practise a job interview", null),
        ];
        foreach (var (start, kind, location, topic, bring) in planned)
        {
            var appointment = Appointment.Book(
                Guid.CreateVersion7(now), youthId, organisation.Id, coachId, coachName, organisation.Name,
                new AppointmentDetails(start, start.AddMinutes(45), kind, location, null, topic, bring), now);
            await appointments.CreateAsync(
                appointment, AppointmentEvent.Of(appointment, AppointmentParty.Staff, coachId, AppointmentEventKind.Booked, null),
                reminders.Plan(start, now), cancellationToken: cancellationToken);
        }

        logger.LogInformation("Booked the demo appointments of {Email}", YouthEmail);
    }
}
