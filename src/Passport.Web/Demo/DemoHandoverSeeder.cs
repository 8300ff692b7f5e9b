using Microsoft.Extensions.Options;
using Passport.Data.Handovers;
using Passport.Data.Plans;
using Passport.Domain.Consent;
using Passport.Domain.Handovers;
using Passport.Grains.Consent;

namespace Passport.Web.Demo;

/// <summary>
/// With <c>Seed:Demo</c> on, gives the demo two warm hand-overs to look at, for demo young people other than
/// <c>youth@demo.test</c> (who stays free to be handed over in a walk-through): <c>youth2@demo.test</c> was handed over
/// warmly from the Eindhoven Youth Desk to the Helmond Youth Desk (<c>coach2@demo.test</c>) a month ago, and
/// <c>youth3@demo.test</c> was proposed for Summa six weeks ago and never answered, so that one expired (cold). The
/// accounts and the second municipality are in <c>content/demo/demo.json</c>. It goes through the consent grain, so it
/// runs as a hosted service after the silo has started; a young person who has any hand-over already is left alone.
/// </summary>
public sealed class DemoHandoverSeeder(
    IGrainFactory grains,
    HandoverRepository handovers,
    ContactPersonRepository contactPersons,
    DemoContent demo,
    IOptions<DemoOptions> options,
    TimeProvider time,
    ILogger<DemoHandoverSeeder> logger) : IHostedService
{
    public const string WarmYouthEmail = "youth2@demo.test";
    public const string ColdYouthEmail = "youth3@demo.test";
    public const string SecondCoachEmail = "coach2@demo.test";
    public const string SchoolEmail = "school@demo.test";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Demo)
        {
            await SeedAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Adds the demo hand-overs that are missing; safe to run again.</summary>
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        DemoAccount? Account(string email) => demo.Accounts.SingleOrDefault(account => account.Email == email);
        DemoOrganisation? OrganisationOf(DemoAccount? account) => demo.Organisations.SingleOrDefault(organisation => organisation.Id == account?.Organisation);
        var coach = Account(DemoPlanSeeder.CoachEmail);
        var coach2 = Account(SecondCoachEmail);
        var warmYouth = Account(WarmYouthEmail);
        var coldYouth = Account(ColdYouthEmail);
        var school = OrganisationOf(Account(SchoolEmail));
        if (coach is null || coach2 is null || warmYouth is null || coldYouth is null || school is null
            || OrganisationOf(coach) is not { } sending || OrganisationOf(coach2) is not { } receiving)
        {
            return;
        }

        var now = time.GetUtcNow();
        var sender = new HandoverActor(coach.Id, HandoverSide.Sending, coach.DisplayName, sending.Id, sending.Name);
        if ((await handovers.ListOfPersonAsync(warmYouth.Id, cancellationToken)).Count == 0)
        {
            await WarmAsync(warmYouth, sender, coach2, receiving, now - TimeSpan.FromDays(30), cancellationToken);
        }

        if ((await handovers.ListOfPersonAsync(coldYouth.Id, cancellationToken)).Count == 0)
        {
            await ColdAsync(coldYouth, sender, school, now - TimeSpan.FromDays(45), cancellationToken);
        }
    }

    /// <summary>Proposed, consented two days later, accepted the day after, and the first meeting three days after that.</summary>
    private async Task WarmAsync(
        DemoAccount youth, HandoverActor sender, DemoAccount coach2, DemoOrganisation receiving, DateTimeOffset proposedAt, CancellationToken cancellationToken)
    {
        var consent = grains.GetGrain<IConsentGrain>(youth.Id);
        // The young person worked with the sending side first; that consent ends with the hand-over's overlap.
        await consent.GrantAsync(new NewConsent(AudienceKind.Organisation, sender.OrganisationId, null, [DataCategory.Plan], "Work on my plan", null));
        await contactPersons.AssignAsync(youth.Id, sender.UserId, sender.OrganisationId!.Value, proposedAt, cancellationToken: cancellationToken);
        var handover = Propose(youth, sender, receiving.Id, coach2.Id, proposedAt,
            new HandoverNote(
                "We met five times. Mila finished her CV and did a work trial in a bakery.",
                "Mila moved to Helmond and wants a job in a bakery or a shop, four days a week.",
                "Mila gets nervous on the phone: send her a message first."));
        await handovers.InsertAsync(handover, [], cancellationToken);
        var loadedVersion = handover.Version;
        var person = new HandoverActor(youth.Id, HandoverSide.Person, youth.DisplayName, null, null);
        var receiver = new HandoverActor(coach2.Id, HandoverSide.Receiving, coach2.DisplayName, receiving.Id, receiving.Name);
        handover.Consent(person, proposedAt.AddDays(2));
        handover.Accept(receiver, coach2.Id, proposedAt.AddDays(3));
        handover.Complete(receiver, proposedAt.AddDays(6), proposedAt.AddDays(6));
        var given = await consent.GrantAsync(new NewConsent(
            AudienceKind.Organisation, receiving.Id, null, [DataCategory.Plan], $"Warm hand-over from {sender.OrganisationName} to {receiving.Name}", null));
        await handovers.SaveAsync(handover, loadedVersion, [], given.Id, cancellationToken);
        await contactPersons.AssignAsync(youth.Id, coach2.Id, receiving.Id, proposedAt.AddDays(3), cancellationToken: cancellationToken);
        await consent.EndOrganisationAccessAsync(sender.OrganisationId!.Value, DataCategory.Plan, handover.SendingAccessUntil(Handover.DefaultOverlap)!.Value);
        logger.LogInformation("Created the warm demo hand-over of {Email}", youth.Email);
    }

    /// <summary>Proposed to the school, never answered: it expired at the end of its lifetime.</summary>
    private async Task ColdAsync(DemoAccount youth, HandoverActor sender, DemoOrganisation school, DateTimeOffset proposedAt, CancellationToken cancellationToken)
    {
        var handover = Propose(youth, sender, school.Id, null, proposedAt,
            new HandoverNote(
                "Jay left school last year. We talked about the bike mechanic course.",
                "Jay wants to start the course after the summer.",
                null));
        await handovers.InsertAsync(handover, [], cancellationToken);
        var loadedVersion = handover.Version;
        handover.Expire(handover.ExpiresAt);
        await handovers.SaveAsync(handover, loadedVersion, [], cancellationToken: cancellationToken);
        logger.LogInformation("Created the expired demo hand-over of {Email}", youth.Email);
    }

    private static Handover Propose(DemoAccount youth, HandoverActor sender, Guid receivingId, Guid? receivingPersonId, DateTimeOffset at, HandoverNote note)
    {
        var errors = Handover.Propose(
            Guid.CreateVersion7(at), sender, youth.Id, new HandoverProposal(receivingId, receivingPersonId, note, []), [], at, Handover.DefaultLifetime,
            out var handover);
        return handover ?? throw new InvalidOperationException($"The demo hand-over of {youth.Email} breaks rules: {string.Join(", ", errors.Errors.Select(error => error.Code))}");
    }
}
