using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Passport.Application.Email;
using Passport.Data.Database;
using Passport.Data.Reminders;
using Passport.Domain.Organisations;
using Passport.Testing;
using Passport.Testing.Smtp;
using Passport.Web.Tests.Email;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Reminders;

/// <summary>
/// A host with short reminder leads (2:55, so an appointment booked three minutes ahead is reminded within seconds),
/// no quiet hours, a one-second reminder poll and one e-mail attempt, pointed at the loopback SMTP server.
/// </summary>
public abstract class ReminderWebAppFixture : SmtpWebAppFixture
{
    public const string Lead = "00:02:55";

    public static IEnumerable<KeyValuePair<string, string?>> Settings(TestSmtpServer smtp, string lead)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        return
        [
            .. smtp.Settings(),
            new("Reminders:LeadTimes", lead),
            new("Reminders:QuietHours", ""),
            new("Reminders:PollInterval", "00:00:01"),
            new("Email:MaxAttempts", "1"),
        ];
    }

    protected override IEnumerable<KeyValuePair<string, string?>> Settings(TestSmtpServer smtp) => Settings(smtp, Lead);
}

public sealed class SqliteReminderWebAppFixture : ReminderWebAppFixture
{
    public override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresReminderWebAppFixture : ReminderWebAppFixture
{
    public override StorageProvider Provider => StorageProvider.Postgres;
}

/// <summary>
/// Reminders through a real host: booked with the appointment, one e-mail that starts with the two-line summary,
/// moved and dropped with the appointment (either side cancelling), across a host restart neither lost nor repeated,
/// and a reminder that could not be delivered shown to the contact person, and to nobody of another organisation.
/// </summary>
public abstract class RemindersApiTests(ReminderWebAppFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    private PassportApp App => fixture.App;

    /// <summary>Three minutes ahead at a whole second.</summary>
    private static DateTimeOffset SoonStart()
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(3);
        return new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, at.Second, TimeSpan.Zero);
    }

    private static object Body(DateTimeOffset startsAt) => new
    {
        startsAt,
        endsAt = startsAt.AddHours(1),
        kind = "place",
        location = "Town hall, room 2",
        topic = "Your plan for January",
        bring = "Your ID card",
    };

    private static async Task<(HttpClient Person, Guid PersonId, string Email, Staff.Member Coach)> PairAsync(PassportApp app)
    {
        var (person, email) = await Hosting.Accounts.NewJobSeekerAsync(app);
        var personId = (await person.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetGuid();
        var coach = await Staff.NewAsync(app, OrganisationKind.Municipality);
        using var granted = await person.PostAsJsonAsync(
            "/api/me/consents", new { audience = new { organisationId = coach.OrganisationId }, categories = new[] { "plan" }, purpose = "Help with my plan" });
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        return (person, personId, email, coach);
    }

    private static async Task<JsonElement> BookAsync(Staff.Member coach, Guid personId, DateTimeOffset startsAt)
    {
        using var booked = await coach.Client.PostAsJsonAsync($"/api/people/{personId}/appointments", Body(startsAt));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        return await booked.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> StaffViewAsync(Staff.Member coach, Guid personId, Guid appointmentId) =>
        (await coach.Client.GetFromJsonAsync<JsonElement>($"/api/people/{personId}/appointments")).EnumerateArray()
            .Single(appointment => appointment.GetProperty("id").GetGuid() == appointmentId);

    private static Task<JsonElement> ReminderWhenAsync(Staff.Member coach, Guid personId, Guid appointmentId, Func<JsonElement, bool> condition, string description) =>
        Eventually.HoldsAsync(
            async () => (await StaffViewAsync(coach, personId, appointmentId)).GetProperty("reminders")[0],
            condition,
            Patience,
            description);

    private static string MessageId(Guid reminderId) => EmailMessages.MessageId(reminderId, MailboxAddress.Parse(new EmailOptions().From));

    [Fact]
    public async Task Book_ThreeMinutesAhead_ExactlyOneReminderEmailStartingWithTheSummary()
    {
        var (person, personId, email, coach) = await PairAsync(App);
        using var _ = person;
        using var __ = coach;
        var startsAt = SoonStart();

        var appointment = await BookAsync(coach, personId, startsAt);

        var planned = Assert.Single(appointment.GetProperty("reminders").EnumerateArray());
        Assert.Equal("pending", planned.GetProperty("status").GetString());
        Assert.Equal(startsAt - TimeSpan.Parse(ReminderWebAppFixture.Lead, CultureInfo.InvariantCulture), planned.GetProperty("dueAt").GetDateTimeOffset());
        var reminderId = planned.GetProperty("id").GetGuid();
        var received = await fixture.Smtp.WaitForAsync(message => message.MessageId == MessageId(reminderId), Patience);
        var lines = received.TextBody!.ReplaceLineEndings("\n").Split('\n');
        Assert.StartsWith("Reminder: Your plan for January, ", lines[0], StringComparison.Ordinal);
        Assert.Equal("Where: Town hall, room 2. Bring: Your ID card.", lines[1]);
        Assert.Contains("/appointments", received.TextBody, StringComparison.Ordinal);
        var sent = await ReminderWhenAsync(
            coach, personId, appointment.GetProperty("id").GetGuid(), reminder => reminder.GetProperty("emailStatus").GetString() == "sent", "the reminder e-mail sent");
        Assert.Equal("sent", sent.GetProperty("status").GetString());
        Assert.Single(fixture.Smtp.MessagesTo(email), message => message.MessageId == MessageId(reminderId));
        Assert.False((await person.GetFromJsonAsync<JsonElement>("/api/me/appointments"))[0].TryGetProperty("reminders", out var ___));
    }

    [Fact]
    public async Task MoveAndCancel_BySideEither_DropThePendingReminders()
    {
        var (person, personId, _, coach) = await PairAsync(App);
        using var _ = person;
        using var __ = coach;
        var far = DateTimeOffset.UtcNow.AddDays(3);
        far = new DateTimeOffset(far.Year, far.Month, far.Day, far.Hour, 0, 0, TimeSpan.Zero);
        var byCoach = (await BookAsync(coach, personId, far)).GetProperty("id").GetGuid();
        var byPerson = (await BookAsync(coach, personId, far.AddHours(2))).GetProperty("id").GetGuid();
        var store = App.Services.GetRequiredService<ReminderStore>();

        using var moved = await coach.Client.PutAsJsonAsync($"/api/people/{personId}/appointments/{byCoach}", Body(far.AddDays(1)));
        var movedBody = await moved.Content.ReadFromJsonAsync<JsonElement>();
        var afterMove = await store.ListAllAsync(byCoach);
        using var cancelled = await coach.Client.PostAsJsonAsync($"/api/people/{personId}/appointments/{byCoach}/cancel", new { reason = "I am ill" });
        using var cancelledByPerson = await person.PostAsJsonAsync($"/api/me/appointments/{byPerson}/cancel", new { reason = "I have a job interview" });

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(far.AddDays(1) - TimeSpan.Parse(ReminderWebAppFixture.Lead, CultureInfo.InvariantCulture),
            Assert.Single(movedBody.GetProperty("reminders").EnumerateArray()).GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal([(1, ReminderStatus.Dropped), (2, ReminderStatus.Pending)], afterMove.Select(reminder => (reminder.AppointmentVersion, reminder.Status)));
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cancelledByPerson.StatusCode);
        Assert.All(await store.ListAllAsync(byCoach), reminder => Assert.Equal(ReminderStatus.Dropped, reminder.Status));
        Assert.All(await store.ListAllAsync(byPerson), reminder => Assert.Equal(ReminderStatus.Dropped, reminder.Status));
        Assert.Empty((await StaffViewAsync(coach, personId, byPerson)).GetProperty("reminders").EnumerateArray());
    }

    [Fact]
    public async Task Failed_EmailRefused_IsShownToTheContactPersonOnlyAndOnTheirPage()
    {
        var (person, personId, _, coach) = await PairAsync(App);
        using var _ = person;
        using var __ = coach;
        using var stranger = await Staff.NewAsync(App, OrganisationKind.Municipality);
        var appointmentId = (await BookAsync(coach, personId, SoonStart())).GetProperty("id").GetGuid();
        fixture.Smtp.RefuseNext(1000);
        try
        {
            var failed = await ReminderWhenAsync(
                coach, personId, appointmentId, reminder => reminder.GetProperty("emailStatus").GetString() == "failed", "the reminder e-mail failing");

            Assert.Equal("failed", failed.GetProperty("status").GetString());
            Assert.Contains("451", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            fixture.Smtp.RefuseNext(0);
        }

        using var strangers = await stranger.Client.GetAsync($"/api/people/{personId}/appointments");
        await ProblemAssert.IsProblemAsync(strangers, HttpStatusCode.NotFound);
        using var session = await PageSession.SignInAsync(App, coach.Email, Hosting.Accounts.Password);
        var page = await session.GetPageAsync($"/people/{personId}/appointments");
        Assert.Contains("data-reminder-failed", page, StringComparison.Ordinal);
        Assert.Contains("A reminder was not delivered.", page, StringComparison.Ordinal);
    }

    /// <summary>
    /// The first host books and stops before the reminder is due; the next host, on the same database, sends it once;
    /// a later reminder sent by that host shows its loop went on without sending the first again.
    /// </summary>
    [Fact]
    public async Task Delivery_HostRestartedBetweenBookingAndDueTime_DeliversOnce()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(fixture.Provider);
        var settings = ReminderWebAppFixture.Settings(smtp, lead: "00:02:40").ToList();
        Guid reminderId;
        Guid appointmentId;
        await using (var first = new PassportApp(database, settings))
        {
            first.StartServer();
            var (person, personId, _, coach) = await PairAsync(first);
            using var _ = person;
            using var __ = coach;
            var booked = await BookAsync(coach, personId, SoonStart());
            reminderId = booked.GetProperty("reminders")[0].GetProperty("id").GetGuid();
            appointmentId = booked.GetProperty("id").GetGuid();
        }

        await using (var between = PassportDatabase.Create(database.Options()))
        {
            // The restart came before the due time: nothing was sent yet.
            Assert.Equal(ReminderStatus.Pending, Assert.Single(await new ReminderStore(between).ListAllAsync(appointmentId)).Status);
        }

        await using var second = new PassportApp(database, settings);
        second.StartServer();

        await smtp.WaitForAsync(message => message.MessageId == MessageId(reminderId), Patience);
        var (person2, personId2, _, coach2) = await PairAsync(second);
        using (person2)
        using (coach2)
        {
            var marker = (await BookAsync(coach2, personId2, SoonStart())).GetProperty("reminders")[0].GetProperty("id").GetGuid();
            await smtp.WaitForAsync(message => message.MessageId == MessageId(marker), Patience);
        }

        Assert.Single(smtp.Messages, message => message.MessageId == MessageId(reminderId));
        Assert.Equal(ReminderStatus.Sent, Assert.Single(await second.Services.GetRequiredService<ReminderStore>().ListAllAsync(appointmentId)).Status);
    }
}

public sealed class SqliteRemindersApiTests(SqliteReminderWebAppFixture fixture) : RemindersApiTests(fixture), IClassFixture<SqliteReminderWebAppFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresRemindersApiTests(PostgresReminderWebAppFixture fixture) : RemindersApiTests(fixture), IClassFixture<PostgresReminderWebAppFixture>;
