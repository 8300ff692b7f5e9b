using Dapper;
using Passport.Data.Handovers;
using Passport.Data.Notifications;
using Passport.Data.Organisations;
using Passport.Data.Tests.Database;
using Passport.Domain.Accounts;
using Passport.Domain.Handovers;
using Passport.Domain.Organisations;

namespace Passport.Data.Tests.Handovers;

/// <summary>Hand-overs as stored: every field and move round-trips; a write over a stale version stores nothing, not even its notices.</summary>
public abstract class HandoverRepositoryTests(DatabaseFixture fixture)
{
    private readonly HandoverRepository _repository = new(fixture.Database);

    [Fact]
    public async Task InsertThenSave_AllMoves_RoundTripWithHistoryConsentAndNotices()
    {
        var (handover, person, receivingOrganisation) = await ProposedAsync();
        var stepId = handover.TravellingStepIds.Single();
        var now = fixture.Time.GetUtcNow();
        var loaded = handover.Version;
        handover.Consent(new HandoverActor(person, HandoverSide.Person, "Sam", null, null), now.AddDays(1));
        var receiver = new HandoverActor(await fixture.NewUserAsync(Roles.Coach), HandoverSide.Receiving, "Pieter", receivingOrganisation, "Helmond");
        handover.Accept(receiver, receiver.UserId, now.AddDays(2));
        handover.Complete(receiver, now.AddDays(3), now.AddDays(3));
        var consentId = Guid.CreateVersion7();

        Assert.True(await _repository.SaveAsync(handover, loaded, [Notice(person, "done")], consentId));

        var stored = await _repository.FindAsync(handover.Id);
        Assert.NotNull(stored);
        Assert.Equal(consentId, stored.ConsentId);
        var back = stored.Handover;
        Assert.Equal(
            (HandoverStatus.Completed, 4, now.AddDays(1), now.AddDays(2), (Guid?)receiver.UserId, now.AddDays(3), now.AddDays(3)),
            (back.Status, back.Version, back.ConsentedAt!.Value, back.AcceptedAt!.Value, back.NewContactPersonId, back.MetAt!.Value, back.CompletedAt!.Value));
        Assert.Equal(new HandoverNote("Five talks.", "A job.", "Mornings are hard."), back.Note);
        Assert.Equal([stepId], back.TravellingStepIds);
        Assert.Equal(
            [HandoverStatus.Proposed, HandoverStatus.Consented, HandoverStatus.Accepted, HandoverStatus.Completed],
            back.History.Select(entry => entry.Status));
        Assert.Equal(["Ingrid", "Sam", "Pieter", "Pieter"], back.History.Select(entry => entry.ActorName));
        Assert.True(back.IsWarm(Handover.DefaultWarmWithin));
        Assert.Equal(1, await NotificationsAsync(person, "done"));
        Assert.DoesNotContain(handover.Id, await _repository.DueAsync(now.AddDays(60), 1000));
    }

    [Fact]
    public async Task Save_StaleVersion_StoresNothingAndTellsNobody()
    {
        var (handover, person, _) = await ProposedAsync();
        var first = (await _repository.FindAsync(handover.Id))!.Handover;
        var second = (await _repository.FindAsync(handover.Id))!.Handover;
        var now = fixture.Time.GetUtcNow();
        var actor = new HandoverActor(person, HandoverSide.Person, "Sam", null, null);
        first.Consent(actor, now);
        second.Decline(actor, "No", now);

        Assert.True(await _repository.SaveAsync(first, 1, [Notice(person, "first")]));
        Assert.False(await _repository.SaveAsync(second, 1, [Notice(person, "second")]));

        var stored = (await _repository.FindAsync(handover.Id))!.Handover;
        Assert.Equal(HandoverStatus.Consented, stored.Status);
        Assert.Equal(2, stored.History.Count);
        Assert.Equal(0, await NotificationsAsync(person, "second"));
    }

    [Fact]
    public async Task Due_OpenPastItsLifetime_ListedUntilExpired()
    {
        var (handover, person, _) = await ProposedAsync();
        var later = handover.ExpiresAt;

        Assert.DoesNotContain(handover.Id, await _repository.DueAsync(later.AddTicks(-1), 1000));
        Assert.Contains(handover.Id, await _repository.DueAsync(later, 1000));
        Assert.Contains(handover.Id, (await _repository.ListOfPersonAsync(person)).Select(stored => stored.Handover.Id));

        handover.Expire(later);
        Assert.True(await _repository.SaveAsync(handover, 1, []));
        Assert.DoesNotContain(handover.Id, await _repository.DueAsync(later.AddDays(1), 1000));
    }

    [Fact]
    public async Task ForgetStaff_TheirNameLeavesTheHistoryButThePersonsOwnStays()
    {
        var (handover, person, _) = await ProposedAsync();
        handover.Consent(new HandoverActor(person, HandoverSide.Person, "Sam", null, null), fixture.Time.GetUtcNow().AddMinutes(1));
        await _repository.SaveAsync(handover, 1, []);

        await _repository.ForgetStaffAsync(handover.SendingContactPersonId!.Value);

        var history = (await _repository.FindAsync(handover.Id))!.Handover.History;
        Assert.Equal(["", "Sam"], history.Select(entry => entry.ActorName));
        Assert.Null(history[0].ActorUserId);
    }

    private async Task<(Handover Handover, Guid Person, Guid ReceivingOrganisation)> ProposedAsync()
    {
        var organisations = new OrganisationRepository(fixture.Database, fixture.Time);
        var sending = Guid.CreateVersion7();
        var receiving = Guid.CreateVersion7();
        await organisations.CreateAsync(sending, OrganisationKind.Municipality, new OrganisationProfile($"Eindhoven {sending:N}", "public-sector", "Eindhoven", null, null), false);
        await organisations.CreateAsync(receiving, OrganisationKind.Municipality, new OrganisationProfile($"Helmond {receiving:N}", "public-sector", "Helmond", null, null), false);
        var person = await fixture.NewUserAsync(Roles.JobSeeker);
        var coach = await fixture.NewUserAsync(Roles.Coach);
        var stepId = Guid.CreateVersion7();
        var now = fixture.Time.GetUtcNow();
        Handover.Propose(
            Guid.CreateVersion7(), new HandoverActor(coach, HandoverSide.Sending, "Ingrid", sending, "Eindhoven"), person,
            new HandoverProposal(receiving, null, new HandoverNote("Five talks.", "A job.", "Mornings are hard."), [stepId]), [stepId], now,
            Handover.DefaultLifetime, out var handover);
        await _repository.InsertAsync(handover!, []);
        return (handover!, person, receiving);
    }

    private PersonNotice Notice(Guid person, string cause) =>
        new(new NewNotification(Notifications.Notifications.IdFor($"test:{person}:{cause}"), person, $"handover-test-{cause}", "Title", "Body", null, fixture.Time.GetUtcNow()), null);

    private async Task<long> NotificationsAsync(Guid person, string cause)
    {
        await using var connection = await fixture.Database.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM notifications WHERE person_id = @person AND kind = @kind", new { person, kind = $"handover-test-{cause}" });
    }
}

public sealed class SqliteHandoverRepositoryTests(SqliteFixture fixture) : HandoverRepositoryTests(fixture), IClassFixture<SqliteFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresHandoverRepositoryTests(PostgresFixture fixture) : HandoverRepositoryTests(fixture), IClassFixture<PostgresFixture>;
