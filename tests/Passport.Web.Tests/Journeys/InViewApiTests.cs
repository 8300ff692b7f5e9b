using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Journeys;

/// <summary>
/// A municipality's in-view worklist: only the young people who share their plan with it, each with why and since
/// when; opening one is a logged read; nobody else gets in.
/// </summary>
public abstract class InViewApiTests(WebAppFixture fixture)
{
    private PassportApp App => fixture.App;

    [Fact]
    public async Task InView_NoContactLongerThanTheSetting_ListedWithThatReason_ButNeverWithoutPlanConsent()
    {
        var (drifting, driftingId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        var (elsewhere, elsewhereId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        var (recent, recentId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using var otherMunicipality = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using (drifting)
        using (elsewhere)
        using (recent)
        {
            await JourneyArrange.GrantAsync(drifting, coach.OrganisationId, "plan");
            (await drifting.PostAsJsonAsync("/api/me/plan/steps", new { title = "Find a course" })).EnsureSuccessStatusCode();
            await JourneyArrange.AgeAsync(App, driftingId, TimeSpan.FromDays(60));
            // Drifting just as long, but sharing only skills with this municipality and the plan with another one.
            await JourneyArrange.GrantAsync(elsewhere, coach.OrganisationId, "skills");
            await JourneyArrange.GrantAsync(elsewhere, otherMunicipality.OrganisationId, "plan");
            await JourneyArrange.AgeAsync(App, elsewhereId, TimeSpan.FromDays(60));
            await JourneyArrange.GrantAsync(recent, coach.OrganisationId, "plan");
            (await recent.PostAsJsonAsync("/api/me/plan/steps", new { title = "Call the school" })).EnsureSuccessStatusCode();

            var list = (await coach.Client.GetFromJsonAsync<JsonElement>("/api/municipality/in-view")).EnumerateArray().ToList();

            var entry = Assert.Single(list, row => row.GetProperty("personId").GetGuid() == driftingId);
            var reason = Assert.Single(entry.GetProperty("reasons").EnumerateArray());
            Assert.Equal("noContact", reason.GetProperty("reason").GetString());
            Assert.Equal(DateTimeOffset.UtcNow.AddDays(-60), reason.GetProperty("since").GetDateTimeOffset(), TimeSpan.FromMinutes(5));
            Assert.False(string.IsNullOrWhiteSpace(reason.GetProperty("whatToDo").GetString()));
            Assert.DoesNotContain(list, row => row.GetProperty("personId").GetGuid() == elsewhereId);
            Assert.DoesNotContain(list, row => row.GetProperty("personId").GetGuid() == recentId);
            Assert.Contains(
                (await otherMunicipality.Client.GetFromJsonAsync<JsonElement>("/api/municipality/in-view")).EnumerateArray(),
                row => row.GetProperty("personId").GetGuid() == elsewhereId);
            Assert.Empty(await JourneyArrange.AccessLogAsync(drifting));
        }
    }

    [Fact]
    public async Task InView_MissedTwiceStuckHandoverAndNoActiveStep_EachWithItsReason()
    {
        var (youth, youthId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using var receiving = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using (youth)
        {
            await JourneyArrange.GrantAsync(youth, coach.OrganisationId, "plan");
            var now = DateTimeOffset.UtcNow;
            await JourneyArrange.AppointmentAsync(App, youthId, coach.OrganisationId, now.AddDays(-20), null);
            await JourneyArrange.AppointmentAsync(App, youthId, coach.OrganisationId, now.AddDays(-10), "Missed");
            await JourneyArrange.AppointmentAsync(App, youthId, coach.OrganisationId, now.AddDays(-3), "Missed");
            await JourneyArrange.HandoverAsync(App, youthId, coach.OrganisationId, receiving.OrganisationId, "Consented", now.AddDays(-20), now.AddDays(-19));

            var list = await coach.Client.GetFromJsonAsync<JsonElement>("/api/municipality/in-view");

            var entry = list.EnumerateArray().Single(row => row.GetProperty("personId").GetGuid() == youthId);
            Assert.Equal(
                ["handoverStuck", "missedAppointments", "noActivePlanStep"],
                entry.GetProperty("reasons").EnumerateArray().Select(reason => reason.GetProperty("reason").GetString()).Order());
        }
    }

    [Fact]
    public async Task Attendance_MarkedMissedTwice_PutsThePersonInView_AndBadMarksAreRefused()
    {
        var (youth, youthId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using var otherCoach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using (youth)
        {
            await JourneyArrange.GrantAsync(youth, coach.OrganisationId, "plan");
            (await youth.PostAsJsonAsync("/api/me/plan/steps", new { title = "Find a course" })).EnsureSuccessStatusCode();
            var first = await BookAsync(coach, youthId, DateTimeOffset.UtcNow.AddDays(2));
            var second = await BookAsync(coach, youthId, DateTimeOffset.UtcNow.AddDays(3));
            var missed = new { attendance = "missed" };

            using (var tooEarly = await coach.Client.PostAsJsonAsync($"/api/people/{youthId}/appointments/{first}/attendance", missed))
            {
                await ProblemAssert.IsProblemAsync(tooEarly, HttpStatusCode.Conflict);
            }

            await JourneyArrange.MoveIntoThePastAsync(App, first, DateTimeOffset.UtcNow.AddDays(-9));
            await JourneyArrange.MoveIntoThePastAsync(App, second, DateTimeOffset.UtcNow.AddDays(-2));
            using (var unknown = await coach.Client.PostAsJsonAsync($"/api/people/{youthId}/appointments/{first}/attendance", new { attendance = "maybe" }))
            using (var otherOrganisation = await otherCoach.Client.PostAsJsonAsync($"/api/people/{youthId}/appointments/{first}/attendance", missed))
            {
                await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.BadRequest);
                await ProblemAssert.IsProblemAsync(otherOrganisation, HttpStatusCode.NotFound);
            }

            Assert.DoesNotContain(await InViewAsync(coach), row => row.GetProperty("personId").GetGuid() == youthId);
            foreach (var id in new[] { first, second })
            {
                using var marked = await coach.Client.PostAsJsonAsync($"/api/people/{youthId}/appointments/{id}/attendance", missed);
                Assert.Equal(HttpStatusCode.NoContent, marked.StatusCode);
            }

            var entry = Assert.Single(await InViewAsync(coach), row => row.GetProperty("personId").GetGuid() == youthId);
            Assert.Equal("missedAppointments", Assert.Single(entry.GetProperty("reasons").EnumerateArray()).GetProperty("reason").GetString());
        }
    }

    [Fact]
    public async Task InViewEntry_Opened_IsLogged_AndWithoutPlanConsent404()
    {
        var (youth, youthId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        var (stranger, strangerId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using (youth)
        using (stranger)
        {
            await JourneyArrange.GrantAsync(youth, coach.OrganisationId, "plan");
            await JourneyArrange.GrantAsync(stranger, coach.OrganisationId, "skills");
            await JourneyArrange.AgeAsync(App, youthId, TimeSpan.FromDays(60));

            using var opened = await coach.Client.GetAsync($"/api/municipality/in-view/{youthId}");
            using var refused = await coach.Client.GetAsync($"/api/municipality/in-view/{strangerId}");

            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
            var entry = await opened.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains(entry.GetProperty("reasons").EnumerateArray(), reason => reason.GetProperty("reason").GetString() == "noContact");
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.NotFound);
            var read = Assert.Single(await JourneyArrange.AccessLogAsync(youth));
            Assert.Equal(coach.OrganisationId, read.GetProperty("organisationId").GetGuid());
            Assert.Equal(["plan"], read.GetProperty("categories").EnumerateArray().Select(category => category.GetString()));
            Assert.Empty(await JourneyArrange.AccessLogAsync(stranger));
        }
    }

    [Fact]
    public async Task InView_OtherStaffAndJobSeekersAndStrangers_AreRefused()
    {
        var (youth, youthId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var employer = await Staff.NewAsync(App, OrganisationKind.Employer);
        using var school = await Staff.NewAsync(App, OrganisationKind.EducationProvider);
        using var anonymous = App.CreateClient();
        using (youth)
        {
            await JourneyArrange.GrantAsync(youth, employer.OrganisationId, "plan");

            foreach (var path in new[] { "/api/municipality/in-view", $"/api/municipality/in-view/{youthId}" })
            {
                using var byEmployer = await employer.Client.GetAsync(path);
                using var bySchool = await school.Client.GetAsync(path);
                using var byYouth = await youth.GetAsync(path);
                using var byStranger = await anonymous.GetAsync(path);
                Assert.Equal(HttpStatusCode.Forbidden, byEmployer.StatusCode);
                Assert.Equal(HttpStatusCode.Forbidden, bySchool.StatusCode);
                Assert.Equal(HttpStatusCode.Forbidden, byYouth.StatusCode);
                Assert.Equal(HttpStatusCode.Unauthorized, byStranger.StatusCode);
            }

            Assert.Empty(await JourneyArrange.AccessLogAsync(youth));
        }
    }

    private static async Task<List<JsonElement>> InViewAsync(Staff.Member coach) =>
        [.. (await coach.Client.GetFromJsonAsync<JsonElement>("/api/municipality/in-view")).EnumerateArray()];

    private static async Task<Guid> BookAsync(Staff.Member coach, Guid personId, DateTimeOffset startsAt)
    {
        using var booked = await coach.Client.PostAsJsonAsync(
            $"/api/people/{personId}/appointments",
            new { startsAt, endsAt = startsAt.AddHours(1), kind = "phone", location = "0612345678", topic = "How it goes" });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        return (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteInViewApiTests(SqliteWebAppFixture fixture) : InViewApiTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresInViewApiTests(PostgresWebAppFixture fixture) : InViewApiTests(fixture);
