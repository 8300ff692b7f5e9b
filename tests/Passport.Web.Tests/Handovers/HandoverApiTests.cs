using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Passport.Application.Handovers;
using Passport.Data.Database;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Handovers;

/// <summary>
/// Warm hand-overs through the API: municipality A hands a young person over to B, who gets their plan only once they
/// consent and loses it again when the hand-over is declined; everyone is told at each step; bad input and outsiders
/// get problem details with nothing stored; a hand-over nobody finishes expires.
/// </summary>
public abstract class HandoverApiTests(WebAppFixture fixture)
{
    private PassportApp App => fixture.App;

    [Fact]
    public async Task Handover_ConsentAcceptMet_ReceivingReadsThePlanAndEveryStepIsTold()
    {
        var parties = await HandoverParties.CreateAsync(App);
        using var _ = parties;
        var stepId = await parties.AddStepAsync("Visit the open day");

        var proposed = await parties.ProposeAsync(new { receivingOrganisationId = parties.B.OrganisationId, note = Note(), steps = new[] { stepId } });
        var id = proposed.GetProperty("id").GetString();
        Assert.Equal("proposed", proposed.GetProperty("status").GetString());

        var mine = Assert.Single((await parties.Youth.GetFromJsonAsync<JsonElement>("/api/me/handovers")).EnumerateArray());
        Assert.Equal("We wrote your CV together.", mine.GetProperty("note").GetProperty("done").GetString());
        Assert.Equal(parties.A.DisplayName, mine.GetProperty("sending").GetProperty("contactPerson").GetProperty("name").GetString());
        Assert.Equal("Visit the open day", Assert.Single(mine.GetProperty("steps").EnumerateArray()).GetProperty("title").GetString());
        Assert.Empty(await HandoverParties.ListOrganisationAsync(parties.B));
        await AssertStatusAsync(parties.B.Client.GetAsync($"/api/people/{parties.YouthId}/plan"), HttpStatusCode.NotFound);

        await AssertStatusAsync(parties.Youth.PostAsync($"/api/me/handovers/{id}/consent", null), HttpStatusCode.OK);
        Assert.Single(await HandoverParties.ListOrganisationAsync(parties.B));
        using (var accepted = await parties.B.Client.PostAsJsonAsync($"/api/organisation/handovers/{id}/accept", new { contactPersonUserId = parties.BColleague.UserId }))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        Assert.Contains(
            (await parties.Youth.GetFromJsonAsync<JsonElement>("/api/me/people")).EnumerateArray(),
            person => person.GetProperty("name").GetString() == parties.BColleague.DisplayName);
        using var met = await parties.BColleague.Client.PostAsJsonAsync($"/api/organisation/handovers/{id}/met", new { });
        Assert.Equal(HttpStatusCode.OK, met.StatusCode);
        var completed = await met.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("completed", completed.GetProperty("status").GetString());
        Assert.True(completed.GetProperty("warm").GetBoolean());
        var accessUntil = completed.GetProperty("sendingAccessUntil").GetDateTimeOffset();
        Assert.Equal(completed.GetProperty("completedAt").GetDateTimeOffset() + TimeSpan.FromDays(14), accessUntil);
        await AssertStatusAsync(parties.BColleague.Client.GetAsync($"/api/people/{parties.YouthId}/plan"), HttpStatusCode.OK);
        await AssertStatusAsync(parties.A.Client.GetAsync($"/api/people/{parties.YouthId}/plan"), HttpStatusCode.OK);
        var consents = (await parties.Youth.GetFromJsonAsync<JsonElement>("/api/me/consents")).EnumerateArray().ToList();
        Assert.Contains(consents, consent => consent.GetProperty("id").GetString() == parties.AConsentId
            && consent.GetProperty("expiresAt").GetDateTimeOffset() == accessUntil);
        Assert.Contains(consents, consent => consent.GetProperty("audience").GetProperty("organisationId").GetString() == parties.B.OrganisationId.ToString()
            && consent.GetProperty("status").GetString() == "granted");

        // The first contact-person notice is A's coach's, from before the hand-over.
        Assert.Equal(
            ["contact-person-assigned", "contact-person-assigned", "handover-accepted", "handover-completed", "handover-proposed"],
            await KindsAsync(App, parties.YouthId));
        Assert.Equal(["handover-accepted-staff", "handover-completed-staff", "handover-consented"], await KindsAsync(App, parties.A.UserId));
        Assert.Equal(["handover-consented"], await KindsAsync(App, parties.B.UserId));
        Assert.Equal(
            ["contact-person-assigned", "contact-person-assigned", "handover-accepted", "handover-completed", "handover-proposed"],
            await EmailKindsAsync(App, parties.YouthEmail));
        Assert.Equal(["handover-accepted-staff", "handover-completed-staff", "handover-consented"], await EmailKindsAsync(App, parties.A.Email));
    }

    [Fact]
    public async Task Handover_YouthDeclinesAfterConsent_ReceivingLosesThePlanAndTheHandover()
    {
        var parties = await HandoverParties.CreateAsync(App);
        using var _ = parties;
        var id = (await parties.ProposeAsync(new { receivingOrganisationId = parties.B.OrganisationId, note = Note() })).GetProperty("id").GetString();
        await AssertStatusAsync(parties.Youth.PostAsync($"/api/me/handovers/{id}/consent", null), HttpStatusCode.OK);
        await AssertStatusAsync(parties.B.Client.GetAsync($"/api/people/{parties.YouthId}/plan"), HttpStatusCode.OK);

        using var declined = await parties.Youth.PostAsJsonAsync($"/api/me/handovers/{id}/decline", new { reason = "I want to stay." });

        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal("declined", (await declined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        await AssertStatusAsync(parties.B.Client.GetAsync($"/api/people/{parties.YouthId}/plan"), HttpStatusCode.NotFound);
        Assert.Empty(await HandoverParties.ListOrganisationAsync(parties.B));
        using var accept = await parties.B.Client.PostAsJsonAsync($"/api/organisation/handovers/{id}/accept", new { contactPersonUserId = parties.B.UserId });
        await ProblemAssert.IsProblemAsync(accept, HttpStatusCode.NotFound);
        await AssertStatusAsync(parties.A.Client.GetAsync($"/api/people/{parties.YouthId}/plan"), HttpStatusCode.OK);
        Assert.Contains("handover-declined-staff", await KindsAsync(App, parties.A.UserId));
        Assert.Contains("handover-declined-staff", await KindsAsync(App, parties.B.UserId));
    }

    [Fact]
    public async Task Handover_ReceivingDeclines_NeedsAReasonAndThenLosesThePlan()
    {
        var parties = await HandoverParties.CreateAsync(App);
        using var _ = parties;
        var id = (await parties.ProposeAsync(new { receivingOrganisationId = parties.B.OrganisationId, note = Note() })).GetProperty("id").GetString();
        using (var early = await parties.B.Client.PostAsJsonAsync($"/api/organisation/handovers/{id}/decline", new { reason = "Full" }))
        {
            await ProblemAssert.IsProblemAsync(early, HttpStatusCode.NotFound);
        }

        await AssertStatusAsync(parties.Youth.PostAsync($"/api/me/handovers/{id}/consent", null), HttpStatusCode.OK);
        using (var noReason = await parties.B.Client.PostAsJsonAsync($"/api/organisation/handovers/{id}/decline", new { reason = " " }))
        {
            var problem = await ProblemAssert.IsProblemAsync(noReason, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out var _));
        }

        Assert.Equal("consented", Assert.Single((await parties.Youth.GetFromJsonAsync<JsonElement>("/api/me/handovers")).EnumerateArray()).GetProperty("status").GetString());
        await AssertStatusAsync(
            parties.B.Client.PostAsJsonAsync($"/api/organisation/handovers/{id}/decline", new { reason = "We have no place until summer." }), HttpStatusCode.OK);

        await AssertStatusAsync(parties.B.Client.GetAsync($"/api/people/{parties.YouthId}/plan"), HttpStatusCode.NotFound);
        var mine = Assert.Single((await parties.Youth.GetFromJsonAsync<JsonElement>("/api/me/handovers")).EnumerateArray());
        Assert.Equal("receiving", mine.GetProperty("declinedBy").GetString());
        Assert.Equal("We have no place until summer.", mine.GetProperty("declinedReason").GetString());
    }

    [Fact]
    public async Task Propose_BadInput_Returns400Or404AndStoresNothing()
    {
        var parties = await HandoverParties.CreateAsync(App);
        using var _ = parties;
        var (stranger, strangerId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using (stranger)
        {
            var cases = new (object Body, string Field)[]
            {
                (new { receivingOrganisationId = Guid.NewGuid(), note = Note() }, "receivingOrganisationId"),
                (new { receivingOrganisationId = parties.A.OrganisationId, note = Note() }, "receivingOrganisationId"),
                (new { receivingOrganisationId = parties.B.OrganisationId, note = Note(), steps = new[] { Guid.NewGuid() } }, "steps"),
                (new { receivingOrganisationId = parties.B.OrganisationId, note = new { done = "", wants = "A job" } }, "note.done"),
                (new { receivingOrganisationId = parties.B.OrganisationId, receivingPersonUserId = parties.A.UserId, note = Note() }, "receivingPersonUserId"),
            };
            foreach (var (body, field) in cases)
            {
                using var response = await parties.A.Client.PostAsJsonAsync($"/api/people/{parties.YouthId}/handovers", body);
                var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
                Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var _), $"{field} in {problem}");
            }

            using (var noConsent = await parties.A.Client.PostAsJsonAsync(
                $"/api/people/{strangerId}/handovers", new { receivingOrganisationId = parties.B.OrganisationId, note = Note() }))
            {
                await ProblemAssert.IsProblemAsync(noConsent, HttpStatusCode.NotFound);
            }

            Assert.Empty((await parties.Youth.GetFromJsonAsync<JsonElement>("/api/me/handovers")).EnumerateArray());
            Assert.Empty((await stranger.GetFromJsonAsync<JsonElement>("/api/me/handovers")).EnumerateArray());
            Assert.Empty(await HandoverParties.ListOrganisationAsync(parties.A));
            Assert.DoesNotContain(await KindsAsync(App, parties.YouthId), kind => kind.StartsWith("handover-", StringComparison.Ordinal));

            // Someone else's hand-over: not found for the stranger, and for staff of an organisation not in it.
            var id = (await parties.ProposeAsync(new { receivingOrganisationId = parties.B.OrganisationId, note = Note() })).GetProperty("id").GetString();
            using var outsider = await Staff.NewAsync(App, OrganisationKind.Municipality);
            await ProblemAssert.IsProblemAsync(await stranger.PostAsync($"/api/me/handovers/{id}/consent", null), HttpStatusCode.NotFound);
            await ProblemAssert.IsProblemAsync(await stranger.PostAsJsonAsync($"/api/me/handovers/{id}/decline", new { }), HttpStatusCode.NotFound);
            await ProblemAssert.IsProblemAsync(await outsider.Client.PostAsJsonAsync($"/api/organisation/handovers/{id}/withdraw", new { }), HttpStatusCode.NotFound);
            await ProblemAssert.IsProblemAsync(await outsider.Client.PostAsJsonAsync($"/api/organisation/handovers/{id}/met", new { }), HttpStatusCode.NotFound);
            await ProblemAssert.IsProblemAsync(await parties.Youth.PostAsync($"/api/me/handovers/{Guid.NewGuid()}/consent", null), HttpStatusCode.NotFound);
            Assert.Empty(await HandoverParties.ListOrganisationAsync(outsider));
            Assert.Equal("proposed", Assert.Single((await parties.Youth.GetFromJsonAsync<JsonElement>("/api/me/handovers")).EnumerateArray()).GetProperty("status").GetString());

            // A second one while this one is open is a conflict; the first stays the only one.
            using var second = await parties.A.Client.PostAsJsonAsync(
                $"/api/people/{parties.YouthId}/handovers", new { receivingOrganisationId = outsider.OrganisationId, note = Note() });
            await ProblemAssert.IsProblemAsync(second, HttpStatusCode.Conflict);
        }
    }

    [Fact]
    public async Task Accept_ContactPersonNotActiveStaffOfTheReceiver_Returns400AndStaysConsented()
    {
        var parties = await HandoverParties.CreateAsync(App);
        using var _ = parties;
        var id = (await parties.ProposeAsync(new { receivingOrganisationId = parties.B.OrganisationId, note = Note() })).GetProperty("id").GetString();
        await AssertStatusAsync(parties.Youth.PostAsync($"/api/me/handovers/{id}/consent", null), HttpStatusCode.OK);

        foreach (var contact in new[] { parties.A.UserId, Guid.NewGuid() })
        {
            using var response = await parties.B.Client.PostAsJsonAsync($"/api/organisation/handovers/{id}/accept", new { contactPersonUserId = contact });
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        }

        using var withdrawnByWrongSide = await parties.B.Client.PostAsJsonAsync($"/api/organisation/handovers/{id}/withdraw", new { });
        await ProblemAssert.IsProblemAsync(withdrawnByWrongSide, HttpStatusCode.NotFound);
        var incoming = Assert.Single(await HandoverParties.ListOrganisationAsync(parties.B));
        Assert.Equal("consented", incoming.GetProperty("status").GetString());
        Assert.Equal("receiving", incoming.GetProperty("side").GetString());
    }

    [Fact]
    public async Task ExpiryRound_LifetimePassedWithoutAnyone_ExpiresTellsBothAndTakesTheConsentBack()
    {
        var parties = await HandoverParties.CreateAsync(App);
        using var _ = parties;
        var id = (await parties.ProposeAsync(new { receivingOrganisationId = parties.B.OrganisationId, note = Note() })).GetProperty("id").GetString();
        await AssertStatusAsync(parties.Youth.PostAsync($"/api/me/handovers/{id}/consent", null), HttpStatusCode.OK);
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow + TimeSpan.FromDays(31));
        var desk = ActivatorUtilities.CreateInstance<HandoverDesk>(App.Services, later, Options.Create(new HandoverOptions { BatchSize = 10_000 }));

        Assert.True(await desk.ExpireDueAsync() >= 1);
        Assert.Equal(0, await desk.ExpireDueAsync());

        var mine = Assert.Single((await parties.Youth.GetFromJsonAsync<JsonElement>("/api/me/handovers")).EnumerateArray());
        Assert.Equal("expired", mine.GetProperty("status").GetString());
        Assert.Contains("handover-expired", await KindsAsync(App, parties.YouthId));
        Assert.Contains("handover-expired-staff", await KindsAsync(App, parties.A.UserId));
        await AssertStatusAsync(parties.B.Client.GetAsync($"/api/people/{parties.YouthId}/plan"), HttpStatusCode.NotFound);
        await AssertStatusAsync(parties.A.Client.GetAsync($"/api/people/{parties.YouthId}/plan"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Withdraw_BySendingSide_TellsTheYouthAndFreesAnotherHandover()
    {
        var parties = await HandoverParties.CreateAsync(App);
        using var _ = parties;
        var id = (await parties.ProposeAsync(new { receivingOrganisationId = parties.B.OrganisationId, note = Note() })).GetProperty("id").GetString();

        using var withdrawn = await parties.A.Client.PostAsJsonAsync($"/api/organisation/handovers/{id}/withdraw", new { reason = "We found a better place." });

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Contains("handover-withdrawn", await KindsAsync(App, parties.YouthId));
        await ProblemAssert.IsProblemAsync(await parties.Youth.PostAsync($"/api/me/handovers/{id}/consent", null), HttpStatusCode.Conflict);
        await parties.ProposeAsync(new { receivingOrganisationId = parties.B.OrganisationId, note = Note() });
    }

    internal static object Note() => new { done = "We wrote your CV together.", wants = "A job in a bike shop.", watchFor = "Mornings are hard." };

    internal static async Task AssertStatusAsync(Task<HttpResponseMessage> call, HttpStatusCode expected)
    {
        using var response = await call;
        Assert.Equal(expected, response.StatusCode);
    }

    /// <summary>The kinds of notifications a person has, in order, without duplicates.</summary>
    internal static async Task<IReadOnlyList<string>> KindsAsync(PassportApp app, Guid personId)
    {
        await using var connection = await app.Services.GetRequiredService<PassportDatabase>().OpenConnectionAsync();
        return [.. (await connection.QueryAsync<string>("SELECT kind FROM notifications WHERE person_id = @personId", new { personId })).Order(StringComparer.Ordinal)];
    }

    internal static async Task<IReadOnlyList<string>> EmailKindsAsync(PassportApp app, string address)
    {
        await using var connection = await app.Services.GetRequiredService<PassportDatabase>().OpenConnectionAsync();
        return [.. (await connection.QueryAsync<string>("SELECT kind FROM outgoing_emails WHERE recipient = @address", new { address })).Order(StringComparer.Ordinal)];
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteHandoverApiTests(SqliteWebAppFixture fixture) : HandoverApiTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresHandoverApiTests(PostgresWebAppFixture fixture) : HandoverApiTests(fixture);
