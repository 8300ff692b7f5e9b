using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passport.Data.Database;
using Passport.Domain.Organisations;
using Passport.Testing;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Appointments;

/// <summary>
/// Coaches book appointments only with people who share their plan with the coach's organisation; the person answers,
/// downloads them, and subscribes to a secret calendar feed that can be revoked.
/// </summary>
public abstract class AppointmentsApiTests(WebAppFixture fixture)
{
    private PassportApp App => fixture.App;

    /// <summary>Tomorrow at a whole minute, so it survives iCalendar's whole seconds.</summary>
    private static DateTimeOffset Tomorrow
    {
        get
        {
            var at = DateTimeOffset.UtcNow.AddDays(1);
            return new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero);
        }
    }

    private static object Body(DateTimeOffset startsAt, DateTimeOffset endsAt, string topic = "Your plan for January") => new
    {
        startsAt,
        endsAt,
        kind = "place",
        location = "Town hall, room 2",
        attendees = "Sam and Alex",
        topic,
        bring = "Your ID card",
    };

    [Fact]
    public async Task Book_WithPlanConsent_BothSeeItAndTheReadIsLogged()
    {
        var (person, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using (person)
        {
            await GrantAsync(person, coach.OrganisationId, "plan");
            var startsAt = Tomorrow;

            using var booked = await coach.Client.PostAsJsonAsync($"/api/people/{personId}/appointments", Body(startsAt, startsAt.AddHours(1)));

            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
            var appointment = await booked.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("booked", appointment.GetProperty("status").GetString());
            Assert.Equal(1, appointment.GetProperty("version").GetInt32());
            Assert.Equal(coach.DisplayName, appointment.GetProperty("bookedBy").GetString());
            var mine = Assert.Single((await person.GetFromJsonAsync<JsonElement>("/api/me/appointments")).EnumerateArray());
            Assert.Equal(appointment.GetProperty("id").GetGuid(), mine.GetProperty("id").GetGuid());
            Assert.Equal(startsAt, mine.GetProperty("startsAt").GetDateTimeOffset());
            Assert.True(mine.GetProperty("canConfirm").GetBoolean());
            Assert.Single((await coach.Client.GetFromJsonAsync<JsonElement>($"/api/people/{personId}/appointments")).EnumerateArray());
            var log = await person.GetFromJsonAsync<JsonElement>("/api/me/access-log");
            Assert.Contains(log.EnumerateArray(), entry =>
                entry.GetProperty("organisationId").GetGuid() == coach.OrganisationId
                && entry.GetProperty("categories").EnumerateArray().Any(category => category.GetString() == "plan"));
        }
    }

    [Fact]
    public async Task Book_AnotherOrganisationOrAfterRevocation_Returns404AndStoresNothing()
    {
        var (person, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using var otherCoach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using var skillsOnly = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using (person)
        {
            var consentId = await GrantAsync(person, coach.OrganisationId, "plan");
            await GrantAsync(person, skillsOnly.OrganisationId, "skills");
            var startsAt = Tomorrow;

            using var other = await otherCoach.Client.PostAsJsonAsync($"/api/people/{personId}/appointments", Body(startsAt, startsAt.AddHours(1)));
            using var otherCategory = await skillsOnly.Client.PostAsJsonAsync($"/api/people/{personId}/appointments", Body(startsAt, startsAt.AddHours(1)));
            using var otherList = await otherCoach.Client.GetAsync($"/api/people/{personId}/appointments");
            (await person.DeleteAsync($"/api/me/consents/{consentId}")).EnsureSuccessStatusCode();
            using var revoked = await coach.Client.PostAsJsonAsync($"/api/people/{personId}/appointments", Body(startsAt, startsAt.AddHours(1)));
            using var revokedList = await coach.Client.GetAsync($"/api/people/{personId}/appointments");

            await ProblemAssert.IsProblemAsync(other, HttpStatusCode.NotFound);
            await ProblemAssert.IsProblemAsync(otherCategory, HttpStatusCode.NotFound);
            await ProblemAssert.IsProblemAsync(otherList, HttpStatusCode.NotFound);
            await ProblemAssert.IsProblemAsync(revoked, HttpStatusCode.NotFound);
            await ProblemAssert.IsProblemAsync(revokedList, HttpStatusCode.NotFound);
            Assert.Empty((await person.GetFromJsonAsync<JsonElement>("/api/me/appointments")).EnumerateArray());
        }
    }

    [Fact]
    public async Task Book_EndingBeforeItStarts_Returns400AndStoresNothing()
    {
        var (person, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using (person)
        {
            await GrantAsync(person, coach.OrganisationId, "plan");
            var startsAt = Tomorrow;

            using var response = await coach.Client.PostAsJsonAsync($"/api/people/{personId}/appointments", Body(startsAt, startsAt.AddMinutes(-30)));
            using var past = await coach.Client.PostAsJsonAsync($"/api/people/{personId}/appointments", Body(startsAt.AddDays(-2), startsAt.AddDays(-2).AddHours(1)));

            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("endsAt", out _));
            Assert.True((await ProblemAssert.IsProblemAsync(past, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("startsAt", out _));
            Assert.Empty((await person.GetFromJsonAsync<JsonElement>("/api/me/appointments")).EnumerateArray());
            Assert.Empty((await coach.Client.GetFromJsonAsync<JsonElement>($"/api/people/{personId}/appointments")).EnumerateArray());
        }
    }

    [Fact]
    public async Task Book_UnknownPersonOrNotACoach_IsRefused()
    {
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using var employer = await Staff.NewAsync(App, OrganisationKind.Employer);
        var startsAt = Tomorrow;

        using var unknown = await coach.Client.PostAsJsonAsync($"/api/people/{Guid.NewGuid()}/appointments", Body(startsAt, startsAt.AddHours(1)));
        using var notCoach = await employer.Client.PostAsJsonAsync($"/api/people/{Guid.NewGuid()}/appointments", Body(startsAt, startsAt.AddHours(1)));

        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(notCoach, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Answers_ConfirmRescheduleMoveCancel_FollowTheLifecycle()
    {
        var (person, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        var (stranger, _) = await Hosting.Accounts.NewJobSeekerAsync(App);
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using (person)
        using (stranger)
        {
            await GrantAsync(person, coach.OrganisationId, "plan");
            var id = await BookAsync(coach, personId, Tomorrow);

            using var strangers = await stranger.PostAsync($"/api/me/appointments/{id}/confirm", null);
            var confirmed = await ReadAsync(await person.PostAsync($"/api/me/appointments/{id}/confirm", null));
            using var confirmedAgain = await person.PostAsync($"/api/me/appointments/{id}/confirm", null);
            using var noMessage = await person.PostAsJsonAsync($"/api/me/appointments/{id}/reschedule-request", new { message = " " });
            var asked = await ReadAsync(await person.PostAsJsonAsync($"/api/me/appointments/{id}/reschedule-request", new { message = "Tuesday after 13:00 suits me." }));
            var coachSees = Assert.Single((await coach.Client.GetFromJsonAsync<JsonElement>($"/api/people/{personId}/appointments")).EnumerateArray());
            var later = Tomorrow.AddDays(1);
            var moved = await ReadAsync(await coach.Client.PutAsJsonAsync($"/api/people/{personId}/appointments/{id}", Body(later, later.AddMinutes(45))));
            using var noReason = await person.PostAsJsonAsync($"/api/me/appointments/{id}/cancel", new { reason = "" });
            var cancelled = await ReadAsync(await person.PostAsJsonAsync($"/api/me/appointments/{id}/cancel", new { reason = "I start a job that day." }));
            using var confirmCancelled = await person.PostAsync($"/api/me/appointments/{id}/confirm", null);
            using var moveCancelled = await coach.Client.PutAsJsonAsync($"/api/people/{personId}/appointments/{id}", Body(later, later.AddHours(1)));

            await ProblemAssert.IsProblemAsync(strangers, HttpStatusCode.NotFound);
            Assert.Equal("confirmed", confirmed.GetProperty("status").GetString());
            await ProblemAssert.IsProblemAsync(confirmedAgain, HttpStatusCode.Conflict);
            Assert.True((await ProblemAssert.IsProblemAsync(noMessage, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("message", out _));
            Assert.Equal("rescheduleRequested", asked.GetProperty("status").GetString());
            Assert.Equal("Tuesday after 13:00 suits me.", coachSees.GetProperty("rescheduleMessage").GetString());
            Assert.Equal("booked", moved.GetProperty("status").GetString());
            Assert.Equal(2, moved.GetProperty("version").GetInt32());
            Assert.Equal(later, moved.GetProperty("startsAt").GetDateTimeOffset());
            await ProblemAssert.IsProblemAsync(noReason, HttpStatusCode.BadRequest);
            Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
            Assert.Equal("person", cancelled.GetProperty("cancelledBy").GetString());
            Assert.Equal(3, cancelled.GetProperty("version").GetInt32());
            Assert.False(cancelled.GetProperty("upcoming").GetBoolean());
            await ProblemAssert.IsProblemAsync(confirmCancelled, HttpStatusCode.Conflict);
            await ProblemAssert.IsProblemAsync(moveCancelled, HttpStatusCode.Conflict);
        }
    }

    [Fact]
    public async Task Cancel_ByStaffOfAnotherOrganisation_Returns404AndChangesNothing()
    {
        var (person, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using var otherCoach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using (person)
        {
            await GrantAsync(person, coach.OrganisationId, "plan");
            await GrantAsync(person, otherCoach.OrganisationId, "plan");
            var id = await BookAsync(coach, personId, Tomorrow);

            using var cancel = await otherCoach.Client.PostAsJsonAsync($"/api/people/{personId}/appointments/{id}/cancel", new { reason = "Not ours" });
            var cancelledByCoach = await ReadAsync(await coach.Client.PostAsJsonAsync($"/api/people/{personId}/appointments/{id}/cancel", new { reason = "I am ill." }));

            await ProblemAssert.IsProblemAsync(cancel, HttpStatusCode.NotFound);
            Assert.Empty((await otherCoach.Client.GetFromJsonAsync<JsonElement>($"/api/people/{personId}/appointments")).EnumerateArray());
            Assert.Equal("staff", cancelledByCoach.GetProperty("cancelledBy").GetString());
            Assert.Equal("I am ill.", cancelledByCoach.GetProperty("cancelReason").GetString());
        }
    }

    [Fact]
    public async Task List_UpcomingFirst_ThenCancelled()
    {
        var (person, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using (person)
        {
            await GrantAsync(person, coach.OrganisationId, "plan");
            var soon = await BookAsync(coach, personId, Tomorrow);
            var cancelled = await BookAsync(coach, personId, Tomorrow.AddHours(-2));
            var later = await BookAsync(coach, personId, Tomorrow.AddDays(3));
            (await person.PostAsJsonAsync($"/api/me/appointments/{cancelled}/cancel", new { reason = "Too early." })).EnsureSuccessStatusCode();

            var ids = (await person.GetFromJsonAsync<JsonElement>("/api/me/appointments")).EnumerateArray().Select(item => item.GetProperty("id").GetGuid());

            Assert.Equal([soon, later, cancelled], ids);
        }
    }

    [Fact]
    public async Task CalendarFeed_ParsesStrictlyAtUtcAndStopsWhenRevoked()
    {
        var (person, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        var (other, otherId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using var anonymous = App.CreateClient();
        using (person)
        using (other)
        {
            await GrantAsync(person, coach.OrganisationId, "plan");
            await GrantAsync(other, coach.OrganisationId, "plan");
            var startsAt = Tomorrow;
            var id = await BookAsync(coach, personId, startsAt);
            var cancelledId = await BookAsync(coach, personId, startsAt.AddDays(2));
            await BookAsync(coach, otherId, startsAt);
            (await coach.Client.PostAsJsonAsync($"/api/people/{personId}/appointments/{cancelledId}/cancel", new { reason = "I am away." })).EnsureSuccessStatusCode();

            var url = await FeedUrlAsync(person, HttpMethod.Get);
            var again = await FeedUrlAsync(person, HttpMethod.Get);
            using var feed = await anonymous.GetAsync(new Uri(url).PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
            Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
            Assert.Equal("no-store", feed.Headers.CacheControl?.ToString());
            var events = StrictICalendar.Parse(await feed.Content.ReadAsStringAsync());

            Assert.Equal(url, again);
            Assert.Equal(2, events.Count);
            var booked = Assert.Single(events, calendarEvent => calendarEvent["UID"].StartsWith(id.ToString(), StringComparison.Ordinal));
            Assert.Equal(startsAt, booked.Utc("DTSTART"));
            Assert.Equal(startsAt.AddHours(1), booked.Utc("DTEND"));
            Assert.Equal("0", booked["SEQUENCE"]);
            Assert.Equal("TENTATIVE", booked["STATUS"]);
            Assert.Equal("Your plan for January", booked["SUMMARY"]);
            Assert.Equal("Town hall, room 2", booked["LOCATION"]);
            Assert.Contains("Your ID card", booked["DESCRIPTION"], StringComparison.Ordinal);
            var cancelled = Assert.Single(events, calendarEvent => calendarEvent["UID"].StartsWith(cancelledId.ToString(), StringComparison.Ordinal));
            Assert.Equal("CANCELLED", cancelled["STATUS"]);
            Assert.Equal("1", cancelled["SEQUENCE"]);

            var rotated = await FeedUrlAsync(person, HttpMethod.Post);
            using var oldAfterRotation = await anonymous.GetAsync(new Uri(url).PathAndQuery);
            using var newAfterRotation = await anonymous.GetAsync(new Uri(rotated).PathAndQuery);
            using var revoke = await person.DeleteAsync("/api/me/calendar-feed");
            using var revokeAgain = await person.DeleteAsync("/api/me/calendar-feed");
            using var newAfterRevocation = await anonymous.GetAsync(new Uri(rotated).PathAndQuery);
            using var guessed = await anonymous.GetAsync($"/calendar/{new string('A', 43)}.ics");

            Assert.NotEqual(url, rotated);
            await ProblemAssert.IsProblemAsync(oldAfterRotation, HttpStatusCode.NotFound);
            Assert.Equal(HttpStatusCode.OK, newAfterRotation.StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
            await ProblemAssert.IsProblemAsync(revokeAgain, HttpStatusCode.NotFound);
            await ProblemAssert.IsProblemAsync(newAfterRevocation, HttpStatusCode.NotFound);
            await ProblemAssert.IsProblemAsync(guessed, HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task CalendarFeed_WithoutSignIn_CannotBeAskedFor()
    {
        using var anonymous = App.CreateClient();

        using var response = await anonymous.GetAsync("/api/me/calendar-feed");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Download_OwnAppointment_IsOneStrictEventOthersGet404()
    {
        var (person, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        var (stranger, _) = await Hosting.Accounts.NewJobSeekerAsync(App);
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using (person)
        using (stranger)
        {
            await GrantAsync(person, coach.OrganisationId, "plan");
            var startsAt = Tomorrow;
            var id = await BookAsync(coach, personId, startsAt);

            using var download = await person.GetAsync($"/api/me/appointments/{id}.ics");
            using var strangers = await stranger.GetAsync($"/api/me/appointments/{id}.ics");

            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("text/calendar", download.Content.Headers.ContentType?.MediaType);
            var calendarEvent = Assert.Single(StrictICalendar.Parse(await download.Content.ReadAsStringAsync()));
            Assert.Equal(startsAt, calendarEvent.Utc("DTSTART"));
            await ProblemAssert.IsProblemAsync(strangers, HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Export_HoldsTheAppointmentsWithTheirHistory()
    {
        var (person, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using (person)
        {
            await GrantAsync(person, coach.OrganisationId, "plan");
            var id = await BookAsync(coach, personId, Tomorrow);
            (await person.PostAsync($"/api/me/appointments/{id}/confirm", null)).EnsureSuccessStatusCode();

            var export = await person.GetFromJsonAsync<JsonElement>("/api/me/export");

            var appointment = Assert.Single(export.GetProperty("appointments").EnumerateArray());
            Assert.Equal(id, appointment.GetProperty("id").GetGuid());
            Assert.Equal(["Booked", "Confirmed"], appointment.GetProperty("history").EnumerateArray().Select(change => change.GetProperty("event").GetString()));
        }
    }

    private static async Task<Guid> BookAsync(Staff.Member coach, Guid personId, DateTimeOffset startsAt)
    {
        using var response = await coach.Client.PostAsJsonAsync($"/api/people/{personId}/appointments", Body(startsAt, startsAt.AddHours(1)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }
    }

    private static async Task<string> FeedUrlAsync(HttpClient person, HttpMethod method)
    {
        using var response = await person.SendAsync(new HttpRequestMessage(method, "/api/me/calendar-feed"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
    }

    private static async Task<Guid> GrantAsync(HttpClient owner, Guid organisationId, params string[] categories)
    {
        using var response = await owner.PostAsJsonAsync("/api/me/consents", new { audience = new { organisationId }, categories, purpose = "Help with my plan" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteAppointmentsApiTests(SqliteWebAppFixture fixture) : AppointmentsApiTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresAppointmentsApiTests(PostgresWebAppFixture fixture) : AppointmentsApiTests(fixture);

/// <summary>The public feed is rate-limited per address, so tokens cannot be tried at speed.</summary>
public sealed class CalendarFeedRateLimitTests
{
    [Fact]
    public async Task Feed_OverTheRateLimit_Returns429ProblemWithRetryAfter()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new PassportApp(database, [new("RateLimits:CalendarFeedPermitsPerMinute", "2")]);
        app.StartServer();
        using var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var response = await client.GetAsync($"/calendar/{new string((char)('A' + attempt), 43)}.ics");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.Contains("Retry-After"));
            }
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
    }
}
