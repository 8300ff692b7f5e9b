using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Passport.Data.Database;
using Passport.Data.Staff;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Email;
using Passport.Web.Tests.Hosting;
using Passport.Web.Tests.OrganisationStaff;

namespace Passport.Web.Tests.People;

/// <summary>
/// The young person is told, in the app and by e-mail, whenever their contact persons change (assigned, ended, handed
/// over when a coach leaves) and whenever staff book, move or cancel their appointment; the coach who booked is told
/// in the app when the young person answers. Each notice is written with its change, once, on the channels the
/// person chose. Through a real SMTP server on loopback.
/// </summary>
public abstract class PeopleNoticeTests(SmtpWebAppFixture fixture)
{
    private PassportApp App => fixture.App;

    [Fact]
    public async Task Deactivate_CoachWithSuccessor_MovesTheirPeopleAndTellsEachOnce()
    {
        using var admin = await StaffInvitationTests.OrganisationAdminAsync(App, OrganisationKind.Municipality);
        using var leaver = await Staff.ColleagueAsync(App, admin, OrganisationKind.Municipality);
        using var successor = await Staff.ColleagueAsync(App, admin, OrganisationKind.Municipality);
        var (first, firstId, firstEmail) = await YouthWithContactPersonAsync(leaver);
        var (second, secondId, secondEmail) = await YouthWithContactPersonAsync(leaver);
        using (first)
        using (second)
        {
            using var response = await admin.Client.PostAsJsonAsync($"/api/organisation/staff/{leaver.UserId}/deactivate", new { successorUserId = successor.UserId });

            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            foreach (var (youth, id, email) in new[] { (first, firstId, firstEmail), (second, secondId, secondEmail) })
            {
                var people = await youth.GetFromJsonAsync<JsonElement>("/api/me/people");
                Assert.Equal(successor.DisplayName, Assert.Single(people.EnumerateArray()).GetProperty("name").GetString());
                var message = await fixture.Smtp.WaitForAsync(mail =>
                    mail.To.Mailboxes.Any(to => to.Address == email) && mail.Subject == $"{successor.DisplayName} is your new contact person");
                var lines = message.TextBody!.Split('\n');
                Assert.StartsWith($"{successor.DisplayName} from Test Municipality", lines[0], StringComparison.Ordinal);
                Assert.Equal($"{leaver.DisplayName} has stopped. {successor.DisplayName} takes over from today.", lines[1].TrimEnd('\r'));
                Assert.Single(await Mail.ForAsync(App, email), queued => queued.Kind == "contact-person-replaced");
                var notice = Assert.Single(await NotificationsAsync(id), notification => notification.Kind == "contact-person-replaced");
                Assert.Equal(lines[0].TrimEnd('\r'), notice.Title);
                Assert.Equal("/my-people", notice.Link);
            }

            await using var connection = await App.Services.GetRequiredService<PassportDatabase>().OpenConnectionAsync();
            var ended = await connection.QuerySingleAsync<(string Reason, Guid Successor)>(
                "SELECT ended_reason, successor_user_id FROM contact_persons WHERE person_id = @firstId AND staff_user_id = @leaver",
                new { firstId, leaver = leaver.UserId });
            Assert.Equal(("reassigned", successor.UserId), ended);
            Assert.Single(fixture.Smtp.MessagesTo(firstEmail), mail => mail.Subject == $"{successor.DisplayName} is your new contact person");
        }
    }

    [Fact]
    public async Task AssignAndEnd_ContactPerson_TellTheYouthInTheAppAndByEmail()
    {
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        var (youth, youthId, email) = await YouthWithContactPersonAsync(coach);
        using (youth)
        {
            var assigned = Assert.Single(await Mail.ForAsync(App, email), queued => queued.Kind == "contact-person-assigned");
            Assert.StartsWith($"{coach.DisplayName} from Test Municipality", assigned.Text, StringComparison.Ordinal);
            Assert.Single(await NotificationsAsync(youthId), notice => notice.Kind == "contact-person-assigned");

            using (var ended = await coach.Client.DeleteAsync($"/api/people/{youthId}/contact-persons/{coach.UserId}"))
            {
                Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
            }

            using (var again = await coach.Client.DeleteAsync($"/api/people/{youthId}/contact-persons/{coach.UserId}"))
            {
                await ProblemAssert.IsProblemAsync(again, HttpStatusCode.NotFound);
            }

            var endedMail = Assert.Single(await Mail.ForAsync(App, email), queued => queued.Kind == "contact-person-ended");
            Assert.Equal($"{coach.DisplayName} is no longer your contact person", endedMail.Subject);
            Assert.Single(await NotificationsAsync(youthId), notice => notice.Kind == "contact-person-ended");
            Assert.Empty((await youth.GetFromJsonAsync<JsonElement>("/api/me/people")).EnumerateArray());
        }
    }

    [Fact]
    public async Task Assign_WithoutPlanConsent_Returns404AndTellsNobody()
    {
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        var (youth, email) = await Hosting.Accounts.NewJobSeekerAsync(App);
        using (youth)
        {
            var youthId = (await youth.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetGuid();

            using var response = await coach.Client.PostAsJsonAsync($"/api/people/{youthId}/contact-persons", new { });

            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
            Assert.Empty(await Mail.ForAsync(App, email));
            Assert.Empty(await NotificationsAsync(youthId));
        }
    }

    [Fact]
    public async Task RevokePlanConsent_EndsThatOrganisationsContactPersons()
    {
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        var (youth, youthId, _) = await YouthWithContactPersonAsync(coach);
        using (youth)
        {
            var consents = await youth.GetFromJsonAsync<JsonElement>("/api/me/consents");
            var consentId = consents.EnumerateArray().First().GetProperty("id").GetString();

            using (var revoked = await youth.DeleteAsync($"/api/me/consents/{consentId}"))
            {
                revoked.EnsureSuccessStatusCode();
            }

            await using var connection = await App.Services.GetRequiredService<PassportDatabase>().OpenConnectionAsync();
            var reason = await connection.QuerySingleAsync<string?>(
                "SELECT ended_reason FROM contact_persons WHERE person_id = @youthId AND staff_user_id = @coach",
                new { youthId, coach = coach.UserId });
            Assert.Equal("consent-revoked", reason);
        }
    }

    [Fact]
    public async Task StaffBookMoveCancel_TellTheYouth_AndTheYouthsAnswersTellTheCoach()
    {
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        var (youth, youthId, email) = await YouthWithContactPersonAsync(coach);
        using (youth)
        {
            var startsAt = new DateTimeOffset(DateTimeOffset.UtcNow.AddDays(3).Date, TimeSpan.Zero).AddHours(9);
            var booked = await BookAsync(coach, youthId, startsAt);
            var bookedMail = Assert.Single(await Mail.ForAsync(App, email), queued => queued.Kind == "appointment-booked");
            var summary = bookedMail.Text.Split('\n');
            Assert.StartsWith($"New appointment with {coach.DisplayName} on ", summary[0], StringComparison.Ordinal);
            Assert.Equal("Where: Town hall, room 2. Bring: Your ID card.", summary[1]);

            (await youth.PostAsync($"/api/me/appointments/{booked}/confirm", null)).EnsureSuccessStatusCode();
            using (var moved = await coach.Client.PutAsJsonAsync($"/api/people/{youthId}/appointments/{booked}", Body(startsAt.AddDays(1))))
            {
                moved.EnsureSuccessStatusCode();
            }

            (await youth.PostAsJsonAsync($"/api/me/appointments/{booked}/reschedule-request", new { message = "Tuesday after 13:00 suits me." }))
                .EnsureSuccessStatusCode();
            (await coach.Client.PostAsJsonAsync($"/api/people/{youthId}/appointments/{booked}/cancel", new { reason = "I am ill." })).EnsureSuccessStatusCode();
            var other = await BookAsync(coach, youthId, startsAt.AddDays(2));
            (await youth.PostAsJsonAsync($"/api/me/appointments/{other}/cancel", new { reason = "I start a job that day." })).EnsureSuccessStatusCode();

            Assert.Equal(
                ["appointment-booked", "appointment-booked", "appointment-cancelled", "appointment-moved", "contact-person-assigned"],
                (await Mail.ForAsync(App, email)).Select(queued => queued.Kind).Order());
            var cancelled = Assert.Single(await NotificationsAsync(youthId), notice => notice.Kind == "appointment-cancelled");
            Assert.EndsWith("The reason: I am ill.", cancelled.Body, StringComparison.Ordinal);
            var coachNotices = await NotificationsAsync(coach.UserId);
            Assert.Equal(
                ["appointment-cancelled-by-person", "appointment-confirmed", "appointment-reschedule-requested"],
                coachNotices.Select(notice => notice.Kind).Order());
            var asked = Assert.Single(coachNotices, notice => notice.Kind == "appointment-reschedule-requested");
            Assert.Equal("The message: Tuesday after 13:00 suits me.", asked.Body);
            Assert.Equal($"/people/{youthId}/appointments", asked.Link);
            // The coach's answers come in the app only.
            Assert.Empty(await Mail.ForAsync(App, coach.Email));
        }
    }

    [Fact]
    public async Task Book_EndingBeforeItStarts_Returns400AndTellsNobody()
    {
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        var (youth, youthId, email) = await YouthWithContactPersonAsync(coach);
        using (youth)
        {
            var startsAt = DateTimeOffset.UtcNow.AddDays(2);

            using var response = await coach.Client.PostAsJsonAsync($"/api/people/{youthId}/appointments", Body(startsAt, startsAt.AddHours(-1)));

            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.DoesNotContain(await Mail.ForAsync(App, email), queued => queued.Kind.StartsWith("appointment", StringComparison.Ordinal));
            Assert.DoesNotContain(await NotificationsAsync(youthId), notice => notice.Kind.StartsWith("appointment", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Notices_OnlyOnTheChannelsThePersonChose(bool inApp, bool byEmail)
    {
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        var (youth, email) = await Hosting.Accounts.NewJobSeekerAsync(App);
        using (youth)
        {
            var youthId = (await youth.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetGuid();
            await using (var connection = await App.Services.GetRequiredService<PassportDatabase>().OpenConnectionAsync())
            {
                await connection.ExecuteAsync(
                    "INSERT INTO notification_channels (person_id, in_app, email, changed_at) VALUES (@youthId, @inApp, @byEmail, @now)",
                    new { youthId, inApp, byEmail, now = DateTimeOffset.UtcNow });
            }

            await GrantPlanAsync(youth, coach.OrganisationId);
            (await coach.Client.PostAsJsonAsync($"/api/people/{youthId}/contact-persons", new { })).EnsureSuccessStatusCode();
            await BookAsync(coach, youthId, DateTimeOffset.UtcNow.AddDays(2));

            Assert.Equal(byEmail ? 2 : 0, (await Mail.ForAsync(App, email)).Count);
            Assert.Equal(inApp ? 2 : 0, (await NotificationsAsync(youthId)).Count);
        }
    }

    private sealed record Notice(string Kind, string Title, string Body, string? Link);

    private async Task<IReadOnlyList<Notice>> NotificationsAsync(Guid personId)
    {
        await using var connection = await App.Services.GetRequiredService<PassportDatabase>().OpenConnectionAsync();
        return [.. await connection.QueryAsync<Notice>(
            "SELECT kind AS Kind, title AS Title, body AS Body, link AS Link FROM notifications WHERE person_id = @personId ORDER BY created_at, id",
            new { personId })];
    }

    /// <summary>A new young person who shares their plan with the coach's organisation and has the coach as contact person.</summary>
    private async Task<(HttpClient Client, Guid Id, string Email)> YouthWithContactPersonAsync(Staff.Member coach)
    {
        var (youth, email) = await Hosting.Accounts.NewJobSeekerAsync(App);
        var youthId = (await youth.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetGuid();
        await GrantPlanAsync(youth, coach.OrganisationId);
        using var assigned = await coach.Client.PostAsJsonAsync($"/api/people/{youthId}/contact-persons", new { });
        Assert.Equal(HttpStatusCode.Created, assigned.StatusCode);
        return (youth, youthId, email);
    }

    private static async Task GrantPlanAsync(HttpClient youth, Guid organisationId)
    {
        using var response = await youth.PostAsJsonAsync("/api/me/consents", new { audience = new { organisationId }, categories = new[] { "plan" }, purpose = "Work on my plan" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<Guid> BookAsync(Staff.Member coach, Guid personId, DateTimeOffset startsAt)
    {
        using var response = await coach.Client.PostAsJsonAsync($"/api/people/{personId}/appointments", Body(startsAt));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static object Body(DateTimeOffset startsAt, DateTimeOffset? endsAt = null) => new
    {
        startsAt,
        endsAt = endsAt ?? startsAt.AddHours(1),
        kind = "place",
        location = "Town hall, room 2",
        topic = "Your plan",
        bring = "Your ID card",
    };
}

public sealed class SqlitePeopleNoticeTests(SqliteSmtpWebAppFixture fixture) : PeopleNoticeTests(fixture), IClassFixture<SqliteSmtpWebAppFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresPeopleNoticeTests(PostgresSmtpWebAppFixture fixture) : PeopleNoticeTests(fixture), IClassFixture<PostgresSmtpWebAppFixture>;
