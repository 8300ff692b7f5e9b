using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Passport.Data.Database;
using Passport.Testing;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Handovers;

/// <summary>
/// A clock the test moves forward: the system's, plus an offset. Timers and delays run on real time, so the silo and
/// the host's loops behave as ever, while everything that asks "what time is it" (the consent grain among them) sees
/// the moved clock.
/// </summary>
public sealed class MovableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}

/// <summary>A host of its own with a movable clock and a hand-over overlap of five seconds.</summary>
public abstract class HandoverOverlapFixture : WebAppFixture
{
    public MovableClock Clock { get; } = new();

    protected override PassportApp CreateApp(TestDatabase database) =>
        new(database, [new("Handover:Overlap", "00:00:05")], services: services => services.AddSingleton<TimeProvider>(Clock));
}

public sealed class SqliteHandoverOverlapFixture : HandoverOverlapFixture
{
    public override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresHandoverOverlapFixture : HandoverOverlapFixture
{
    public override StorageProvider Provider => StorageProvider.Postgres;
}

/// <summary>
/// The acceptance walk of a warm hand-over with a short overlap: after completion the receiving contact person reads
/// the plan, and the sending organisation reads it until the overlap ends and gets 404 after, while a consent the
/// young person gives it later counts again.
/// </summary>
public abstract class HandoverOverlapTests(HandoverOverlapFixture fixture)
{
    private PassportApp App => fixture.App;

    [Fact]
    public async Task Completed_SendingSide_ReadsThePlanUntilTheOverlapEndsThen404()
    {
        var parties = await HandoverParties.CreateAsync(App);
        using var _ = parties;
        var id = (await parties.ProposeAsync(new { receivingOrganisationId = parties.B.OrganisationId, note = HandoverApiTests.Note() })).GetProperty("id").GetString();
        await HandoverApiTests.AssertStatusAsync(parties.Youth.PostAsync($"/api/me/handovers/{id}/consent", null), HttpStatusCode.OK);
        await HandoverApiTests.AssertStatusAsync(
            parties.B.Client.PostAsJsonAsync($"/api/organisation/handovers/{id}/accept", new { contactPersonUserId = parties.BColleague.UserId }), HttpStatusCode.OK);
        await HandoverApiTests.AssertStatusAsync(parties.BColleague.Client.PostAsJsonAsync($"/api/organisation/handovers/{id}/met", new { }), HttpStatusCode.OK);

        await HandoverApiTests.AssertStatusAsync(parties.BColleague.Client.GetAsync($"/api/people/{parties.YouthId}/plan"), HttpStatusCode.OK);
        await HandoverApiTests.AssertStatusAsync(parties.A.Client.GetAsync($"/api/people/{parties.YouthId}/plan"), HttpStatusCode.OK);
        fixture.Clock.Advance(TimeSpan.FromSeconds(4));
        await HandoverApiTests.AssertStatusAsync(parties.A.Client.GetAsync($"/api/people/{parties.YouthId}/plan"), HttpStatusCode.OK);

        fixture.Clock.Advance(TimeSpan.FromSeconds(2));

        using (var after = await parties.A.Client.GetAsync($"/api/people/{parties.YouthId}/plan"))
        {
            await ProblemAssert.IsProblemAsync(after, HttpStatusCode.NotFound);
        }

        await HandoverApiTests.AssertStatusAsync(parties.BColleague.Client.GetAsync($"/api/people/{parties.YouthId}/plan"), HttpStatusCode.OK);
        var mine = Assert.Single((await parties.Youth.GetFromJsonAsync<JsonElement>("/api/me/handovers")).EnumerateArray());
        Assert.Equal("completed", mine.GetProperty("status").GetString());
        Assert.True(mine.GetProperty("warm").GetBoolean());
        var consentToA = (await parties.Youth.GetFromJsonAsync<JsonElement>("/api/me/consents")).EnumerateArray()
            .Single(consent => consent.GetProperty("id").GetString() == parties.AConsentId);
        Assert.Equal("expired", consentToA.GetProperty("status").GetString());
        Assert.DoesNotContain(
            (await parties.Youth.GetFromJsonAsync<JsonElement>("/api/me/people")).EnumerateArray(),
            person => person.GetProperty("name").GetString() == parties.A.DisplayName);

        // From here on only the young person's own consents count: one given now lets A in again.
        using (var again = await parties.Youth.PostAsJsonAsync(
            "/api/me/consents", new { audience = new { organisationId = parties.A.OrganisationId }, categories = new[] { "plan" }, purpose = "Keep in touch" }))
        {
            Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        }

        await HandoverApiTests.AssertStatusAsync(parties.A.Client.GetAsync($"/api/people/{parties.YouthId}/plan"), HttpStatusCode.OK);
    }
}

public sealed class SqliteHandoverOverlapTests(SqliteHandoverOverlapFixture fixture)
    : HandoverOverlapTests(fixture), IClassFixture<SqliteHandoverOverlapFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresHandoverOverlapTests(PostgresHandoverOverlapFixture fixture)
    : HandoverOverlapTests(fixture), IClassFixture<PostgresHandoverOverlapFixture>;
