using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Passport.Application;
using Passport.Application.Passports;
using Passport.Web.Tests.Hosting;
using Passport.Web.Tests.Sprints;

namespace Passport.Web.Tests.Passports;

/// <summary>The whole passport over HTTP: experiences, the owner's side of endorsements and the skills' history.</summary>
public abstract class PassportRecordsApiTests(WebAppFixture fixture)
{
    private readonly PassportApp _app = fixture.App;

    private static object Internship(string title = "Warehouse assistant") => new
    {
        kind = "internship",
        title,
        organisation = "Harbour Logistics",
        place = "Eindhoven",
        startedOn = "2025-02-01",
        endedOn = "2025-06-30",
        description = "Picked and packed orders.",
        escoUris = new[] { "http://data.europa.eu/esco/occupation/abc" },
    };

    [Fact]
    public async Task Experiences_OwnerAddsChangesAndDeletes_EachStepAnswersAsDocumented()
    {
        var (client, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using (client)
        {
            using var created = await client.PostAsJsonAsync("/api/me/experiences", Internship());
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var experience = await created.Content.ReadFromJsonAsync<JsonElement>();
            var id = experience.GetProperty("id").GetString();
            Assert.Equal($"/api/me/experiences/{id}", created.Headers.Location?.ToString());
            Assert.Equal("internship", experience.GetProperty("kind").GetString());
            Assert.Equal("2025-02-01", experience.GetProperty("startedOn").GetString());
            Assert.Equal(["http://data.europa.eu/esco/occupation/abc"], experience.GetProperty("escoUris").EnumerateArray().Select(uri => uri.GetString()));

            using var updated = await client.PutAsJsonAsync($"/api/me/experiences/{id}", new { kind = "work", title = "Order picker", startedOn = "2025-07-01" });
            Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
            var listed = Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/me/experiences")).EnumerateArray());
            Assert.Equal("work", listed.GetProperty("kind").GetString());
            Assert.Equal("Order picker", listed.GetProperty("title").GetString());
            Assert.Equal(JsonValueKind.Null, listed.GetProperty("endedOn").ValueKind);
            Assert.Equal(JsonValueKind.Null, listed.GetProperty("organisation").ValueKind);

            using var deleted = await client.DeleteAsync($"/api/me/experiences/{id}");
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/me/experiences")).EnumerateArray());
            using var again = await client.DeleteAsync($"/api/me/experiences/{id}");
            await ProblemAssert.IsProblemAsync(again, HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Experiences_AnotherJobSeekersId_Are404AndUntouched()
    {
        var (owner, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        var (other, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using (owner)
        using (other)
        {
            using var created = await owner.PostAsJsonAsync("/api/me/experiences", Internship());
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

            using var update = await other.PutAsJsonAsync($"/api/me/experiences/{id}", Internship("Taken over"));
            using var delete = await other.DeleteAsync($"/api/me/experiences/{id}");

            await ProblemAssert.IsProblemAsync(update, HttpStatusCode.NotFound);
            await ProblemAssert.IsProblemAsync(delete, HttpStatusCode.NotFound);
            Assert.Empty((await other.GetFromJsonAsync<JsonElement>("/api/me/experiences")).EnumerateArray());
            var mine = Assert.Single((await owner.GetFromJsonAsync<JsonElement>("/api/me/experiences")).EnumerateArray());
            Assert.Equal("Warehouse assistant", mine.GetProperty("title").GetString());
        }
    }

    [Fact]
    public async Task Experiences_BadInput_Returns400ProblemAndStoresNothing()
    {
        var (client, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using (client)
        {
            using var invalid = await client.PostAsJsonAsync("/api/me/experiences", new
            {
                kind = "job",
                title = "",
                startedOn = "2999-01-01",
                endedOn = "2998-01-01",
                escoUris = new[] { "https://example.org/skill" },
            });
            using var malformed = await client.PostAsync("/api/me/experiences", JsonContent.Create(new { kind = "work", title = "Cook", startedOn = "last summer" }));
            using var badId = await client.PutAsJsonAsync("/api/me/experiences/not-a-guid", Internship());

            var errors = (await ProblemAssert.IsProblemAsync(invalid, HttpStatusCode.BadRequest)).GetProperty("errors");
            foreach (var field in new[] { "kind", "title", "startedOn", "escoUris" })
            {
                Assert.True(errors.TryGetProperty(field, out _), field);
            }

            await ProblemAssert.IsProblemAsync(malformed, HttpStatusCode.BadRequest);
            Assert.Equal(HttpStatusCode.NotFound, badId.StatusCode);
            Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/me/experiences")).EnumerateArray());
        }
    }

    [Theory]
    [InlineData("employer@demo.test")]
    [InlineData("school@demo.test")]
    [InlineData("coach@demo.test")]
    public async Task OwnerEndpoints_StaffToken_Return403Problem(string email)
    {
        using var staff = await _app.CreateClientForAsync(email);

        using var experiences = await staff.GetAsync("/api/me/experiences");
        using var add = await staff.PostAsJsonAsync("/api/me/experiences", Internship());
        using var endorsements = await staff.GetAsync("/api/me/endorsements");
        using var history = await staff.GetAsync("/api/me/passport/history");

        await ProblemAssert.IsProblemAsync(experiences, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(add, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(endorsements, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(history, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Endorsements_OwnerAcceptsDeclinesAndWithdraws_StatusFollowsTheLifecycle()
    {
        var (client, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using (client)
        {
            var person = await IdOfAsync(client);
            var (endorser, endorserName) = await EmployerAsync();
            var toAccept = await ProposeAsync(endorser, person, "teamwork");
            var toDecline = await ProposeAsync(endorser, person, "planning");

            var pending = (await client.GetFromJsonAsync<JsonElement>("/api/me/endorsements")).EnumerateArray().ToList();
            Assert.Equal(2, pending.Count);
            Assert.All(pending, endorsement => Assert.Equal("pending", endorsement.GetProperty("status").GetString()));
            Assert.Equal(endorserName, pending[0].GetProperty("endorser").GetProperty("name").GetString());

            using (var accepted = await client.PostAsync($"/api/me/endorsements/{toAccept}/accept", null))
            using (var declined = await client.PostAsync($"/api/me/endorsements/{toDecline}/decline", null))
            {
                Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
                Assert.Equal(HttpStatusCode.NoContent, declined.StatusCode);
            }

            var all = (await client.GetFromJsonAsync<JsonElement>("/api/me/endorsements")).EnumerateArray()
                .ToDictionary(endorsement => endorsement.GetProperty("id").GetGuid());
            Assert.Equal("accepted", all[toAccept].GetProperty("status").GetString());
            Assert.Equal("Teamwork", all[toAccept].GetProperty("skillName").GetString());
            Assert.NotEqual(JsonValueKind.Null, all[toAccept].GetProperty("decidedAt").ValueKind);
            Assert.Equal("declined", all[toDecline].GetProperty("status").GetString());

            using (var withdrawn = await client.DeleteAsync($"/api/me/endorsements/{toAccept}"))
            {
                Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
            }

            var after = (await client.GetFromJsonAsync<JsonElement>("/api/me/endorsements")).EnumerateArray()
                .Single(endorsement => endorsement.GetProperty("id").GetGuid() == toAccept);
            Assert.Equal("withdrawn", after.GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Endorsements_InvalidMoves_Return409AndChangeNothing()
    {
        var (client, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using (client)
        {
            var person = await IdOfAsync(client);
            var (endorser, _) = await EmployerAsync();
            var pending = await ProposeAsync(endorser, person, "teamwork");
            var declined = await ProposeAsync(endorser, person, "planning");
            (await client.PostAsync($"/api/me/endorsements/{declined}/decline", null)).Dispose();

            using var withdrawPending = await client.DeleteAsync($"/api/me/endorsements/{pending}");
            using var acceptDeclined = await client.PostAsync($"/api/me/endorsements/{declined}/accept", null);
            using var declineAgain = await client.PostAsync($"/api/me/endorsements/{declined}/decline", null);

            await ProblemAssert.IsProblemAsync(withdrawPending, HttpStatusCode.Conflict);
            await ProblemAssert.IsProblemAsync(acceptDeclined, HttpStatusCode.Conflict);
            await ProblemAssert.IsProblemAsync(declineAgain, HttpStatusCode.Conflict);
            var statuses = (await client.GetFromJsonAsync<JsonElement>("/api/me/endorsements")).EnumerateArray()
                .ToDictionary(endorsement => endorsement.GetProperty("id").GetGuid(), endorsement => endorsement.GetProperty("status").GetString());
            Assert.Equal("pending", statuses[pending]);
            Assert.Equal("declined", statuses[declined]);
        }
    }

    [Fact]
    public async Task Endorsements_AnotherJobSeekersId_Are404AndUntouched()
    {
        var (owner, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        var (other, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using (owner)
        using (other)
        {
            var (endorser, _) = await EmployerAsync();
            var id = await ProposeAsync(endorser, await IdOfAsync(owner), "teamwork");

            using var accept = await other.PostAsync($"/api/me/endorsements/{id}/accept", null);
            using var decline = await other.PostAsync($"/api/me/endorsements/{id}/decline", null);
            using var withdraw = await other.DeleteAsync($"/api/me/endorsements/{id}");

            await ProblemAssert.IsProblemAsync(accept, HttpStatusCode.NotFound);
            await ProblemAssert.IsProblemAsync(decline, HttpStatusCode.NotFound);
            await ProblemAssert.IsProblemAsync(withdraw, HttpStatusCode.NotFound);
            Assert.Empty((await other.GetFromJsonAsync<JsonElement>("/api/me/endorsements")).EnumerateArray());
            Assert.Equal("pending", Assert.Single((await owner.GetFromJsonAsync<JsonElement>("/api/me/endorsements")).EnumerateArray()).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task ProposeAsync_BadInputOrUnknownPerson_StoresNothing()
    {
        var (client, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using (client)
        {
            var person = await IdOfAsync(client);
            var (endorser, _) = await EmployerAsync();
            var service = _app.Services.GetRequiredService<EndorsementService>();

            var invalid = await service.ProposeAsync(endorser.UserId, endorser.OrganisationId, person, "juggling", "short");
            var notStaff = await service.ProposeAsync(person, endorser.OrganisationId, person, "teamwork", "Helped every single week.");
            var unknown = await service.ProposeAsync(endorser.UserId, endorser.OrganisationId, Guid.CreateVersion7(), "teamwork", "Helped every single week.");
            var staffAsPerson = await service.ProposeAsync(endorser.UserId, endorser.OrganisationId, endorser.UserId, "teamwork", "Helped every single week.");

            Assert.Equal(OutcomeStatus.Invalid, invalid.Status);
            Assert.Equal(["skillId", "evidence"], invalid.Errors!.Errors.Select(error => error.Field));
            Assert.Equal(OutcomeStatus.Invalid, notStaff.Status);
            Assert.Equal(["endorser"], notStaff.Errors!.Errors.Select(error => error.Field));
            Assert.Equal(OutcomeStatus.NotFound, unknown.Status);
            Assert.Equal(OutcomeStatus.NotFound, staffAsPerson.Status);
            Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/me/endorsements")).EnumerateArray());
        }
    }

    [Fact]
    public async Task History_NewJobSeeker_IsEmptyAndAfterTwoSprintsHasAPointPerSprintOnTheSharedSkill()
    {
        var (client, email) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using (client)
        {
            var empty = await client.GetFromJsonAsync<JsonElement>("/api/me/passport/history");
            Assert.Empty(empty.GetProperty("skills").EnumerateArray());

            await using var player = await SprintPlayer.ConnectAsync(_app, await _app.LoginAsync(email, Hosting.Accounts.Password));
            await player.PlayToEndAsync((await player.StartAsync("team-shift")).GetProperty("sessionId").GetString()!);
            await player.PlayToEndAsync((await player.StartAsync("lead-the-group")).GetProperty("sessionId").GetString()!);

            var history = await client.GetFromJsonAsync<JsonElement>("/api/me/passport/history");
            var passport = await client.GetFromJsonAsync<JsonElement>("/api/me/passport");
            var teamwork = history.GetProperty("skills").EnumerateArray().Single(skill => skill.GetProperty("skillId").GetString() == "teamwork");
            var points = teamwork.GetProperty("points").EnumerateArray().ToList();
            Assert.Equal(2, points.Count);
            Assert.True(points[0].GetProperty("at").GetDateTimeOffset() < points[1].GetProperty("at").GetDateTimeOffset());
            Assert.True(points[1].GetProperty("standardError").GetDouble() < points[0].GetProperty("standardError").GetDouble());
            var now = passport.GetProperty("skills").EnumerateArray().Single(skill => skill.GetProperty("skillId").GetString() == "teamwork");
            Assert.Equal(now.GetProperty("estimate").GetDouble(), points[1].GetProperty("estimate").GetDouble());
            Assert.Equal(now.GetProperty("level").GetInt32(), points[1].GetProperty("level").GetInt32());
            Assert.All(history.GetProperty("skills").EnumerateArray(), skill => Assert.NotEmpty(skill.GetProperty("points").EnumerateArray()));
        }
    }

    private static async Task<Guid> IdOfAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetGuid();

    private async Task<((Guid UserId, Guid OrganisationId) Endorser, string Name)> EmployerAsync()
    {
        using var employer = await _app.CreateClientForAsync("employer@demo.test");
        var me = await employer.GetFromJsonAsync<JsonElement>("/api/me");
        return ((me.GetProperty("id").GetGuid(), me.GetProperty("organisationId").GetGuid()), me.GetProperty("displayName").GetString()!);
    }

    private async Task<Guid> ProposeAsync((Guid UserId, Guid OrganisationId) endorser, Guid person, string skillId)
    {
        var result = await _app.Services.GetRequiredService<EndorsementService>()
            .ProposeAsync(endorser.UserId, endorser.OrganisationId, person, skillId, $"Saw this every week on the {skillId} rota.");
        Assert.Equal(OutcomeStatus.Done, result.Status);
        return result.Value;
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqlitePassportRecordsApiTests(SqliteWebAppFixture fixture) : PassportRecordsApiTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresPassportRecordsApiTests(PostgresWebAppFixture fixture) : PassportRecordsApiTests(fixture);
