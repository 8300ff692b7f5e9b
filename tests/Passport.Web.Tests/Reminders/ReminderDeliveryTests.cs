using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Passport.Application.Email;
using Passport.Application.Notifications;
using Passport.Application.Reminders;
using Passport.Data.Appointments;
using Passport.Data.Database;
using Passport.Data.Email;
using Passport.Data.Migrations;
using Passport.Data.Reminders;
using Passport.Domain.Appointments;
using Passport.Grains.Sprints;
using Passport.Testing;
using Passport.Testing.Smtp;

namespace Passport.Web.Tests.Reminders;

/// <summary>
/// Reminders on the fake clock against a real database and a real SMTP server on loopback: planned with the
/// appointment, moved and dropped with it, delivered once (also when two loops race or a loop dies mid-way), held
/// back by the quiet hours, and failed visibly when they cannot be delivered.
/// </summary>
public abstract class ReminderDeliveryTests(StorageProvider provider) : IAsyncLifetime
{
    // Monday 7 December 2026, 10:00 in Amsterdam.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly RemindersOptions _options = new() { LeadTimes = "1.00:00:00,02:00:00", QuietHours = "22:00-08:00", MaxAttempts = 3 };
    private TestDatabase _test = default!;
    private PassportDatabase _database = default!;
    private TestSmtpServer _smtp = default!;
    private ReminderStore _store = default!;
    private AppointmentRepository _appointments = default!;
    private ReminderPlanner _planner = default!;
    private EmailOptions _email = default!;
    private readonly CountingPush _push = new();

    public async Task InitializeAsync()
    {
        _test = await TestDatabase.CreateAsync(provider);
        _database = PassportDatabase.Create(_test.Options());
        Directory.CreateDirectory(Path.GetDirectoryName(_test.SqlitePath)!);
        new DatabaseMigrator(_database, NullLogger<DatabaseMigrator>.Instance).Migrate();
        _smtp = await TestSmtpServer.StartAsync();
        _store = new ReminderStore(_database);
        _appointments = new AppointmentRepository(_database);
        _planner = new ReminderPlanner(Options.Create(_options), Options.Create(new SprintOptions { TimeZone = "Europe/Amsterdam" }));
        _email = new EmailOptions
        {
            From = "Passport <no-reply@passport.test>",
            PublicBaseUrl = "https://passport.example.org",
            Smtp = new SmtpOptions { Host = TestSmtpServer.Host, Port = _smtp.Port, UseTls = false, Timeout = TimeSpan.FromSeconds(20) },
        };
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await _database.DisposeAsync();
        await _test.DisposeAsync();
    }

    private ReminderDelivery Delivery() => new(
        _store, new EmailComposer(new EmailLinks(Options.Create(_email), new ServiceCollection().BuildServiceProvider())), _planner, _push,
        Options.Create(_options), _time, NullLogger<ReminderDelivery>.Instance);

    private Task<int> SendEmailsAsync() =>
        new EmailDelivery(new OutboxStore(_database), new SmtpEmailSender(Options.Create(_email)), Options.Create(_email), _time, NullLogger<EmailDelivery>.Instance)
            .DeliverDueAsync(CancellationToken.None);

    /// <summary>A person (with their language and address), a coach's organisation and an appointment booked now, with its reminders.</summary>
    private async Task<(Appointment Appointment, string Email)> BookAsync(DateTimeOffset startsAt, string language = "en", bool inApp = true, bool email = true)
    {
        var (personId, address) = await NewUserAsync(language);
        var (coachId, _) = await NewUserAsync("en");
        var organisationId = Guid.CreateVersion7();
        await using (var connection = await _database.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                "INSERT INTO organisations (id, kind, name, is_demo, created_at, updated_at) VALUES (@organisationId, 'Municipality', 'Town of Tests', FALSE, @now, @now)",
                new { organisationId, now = _time.GetUtcNow() });
            if (!inApp || !email)
            {
                await connection.ExecuteAsync(
                    "INSERT INTO notification_channels (person_id, in_app, email, changed_at) VALUES (@personId, @inApp, @email, @now)",
                    new { personId, inApp, email, now = _time.GetUtcNow() });
            }
        }

        var now = _time.GetUtcNow();
        var appointment = Appointment.Book(
            Guid.CreateVersion7(), personId, organisationId, coachId, "Sam Coach", "Town of Tests",
            new AppointmentDetails(startsAt, startsAt.AddHours(1), AppointmentKind.Place, "Town hall, room 2", null, "Your plan for January", "Your ID card"), now);
        await _appointments.CreateAsync(
            appointment, AppointmentEvent.Of(appointment, AppointmentParty.Staff, coachId, AppointmentEventKind.Booked, null), _planner.Plan(startsAt, now));
        return (appointment, address);
    }

    private async Task<(Guid Id, string Email)> NewUserAsync(string language)
    {
        var id = Guid.CreateVersion7();
        var email = $"rem-{id:N}@example.org";
        await using var connection = await _database.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO users (id, email, normalized_email, display_name, language, security_stamp, concurrency_stamp, created_at)
            VALUES (@id, @email, @normalized, 'Robin', @language, 'stamp', 'stamp', @now)
            """,
            new { id, email, normalized = email.ToUpperInvariant(), language, now = _time.GetUtcNow() });
        return (id, email);
    }

    private async Task<long> CountAsync(string sql, object parameters)
    {
        await using var connection = await _database.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    /// <summary>Tomorrow at <paramref name="hour"/> on Amsterdam's clock, in UTC as the database takes it.</summary>
    private static DateTimeOffset Tomorrow(int hour, int minute = 0) => new DateTimeOffset(2026, 12, 8, hour, minute, 0, TimeSpan.FromHours(1)).ToUniversalTime();

    [Fact]
    public async Task Book_TwoLeadTimes_StoresOnePendingReminderPerLeadAtItsTime()
    {
        var (appointment, _) = await BookAsync(Tomorrow(14));

        var reminders = await _store.ListAllAsync(appointment.Id);

        Assert.Equal(
            [(TimeSpan.FromDays(1), new DateTimeOffset(2026, 12, 7, 14, 0, 0, TimeSpan.FromHours(1))), (TimeSpan.FromHours(2), Tomorrow(12))],
            reminders.Select(reminder => (reminder.Lead, reminder.DueAt)));
        Assert.All(reminders, reminder => Assert.Equal((ReminderStatus.Pending, 1), (reminder.Status, reminder.AppointmentVersion)));
    }

    [Fact]
    public async Task Move_PendingReminders_AreDroppedAndTheNewVersionsWritten()
    {
        var (appointment, _) = await BookAsync(Tomorrow(14));
        var (status, version) = (appointment.Status, appointment.Version);
        var moved = appointment.Details with { StartsAt = Tomorrow(16), EndsAt = Tomorrow(17) };
        Assert.True(appointment.Move(moved, _time.GetUtcNow()));

        Assert.True(await _appointments.UpdateAsync(
            appointment, status, version, AppointmentEvent.Of(appointment, AppointmentParty.Staff, null, AppointmentEventKind.Moved, null),
            _planner.Plan(moved.StartsAt, _time.GetUtcNow())));

        var reminders = await _store.ListAllAsync(appointment.Id);
        Assert.Equal(
            [(1, ReminderStatus.Dropped), (1, ReminderStatus.Dropped)],
            reminders.Where(reminder => reminder.AppointmentVersion == 1).Select(reminder => (reminder.AppointmentVersion, reminder.Status)));
        Assert.Equal(
            [Tomorrow(16).AddDays(-1), Tomorrow(14)],
            reminders.Where(reminder => reminder.AppointmentVersion == 2 && reminder.Status == ReminderStatus.Pending).Select(reminder => reminder.DueAt));
    }

    [Fact]
    public async Task Cancel_PendingReminders_AreDroppedAndNothingIsSent()
    {
        var (appointment, address) = await BookAsync(Tomorrow(14));
        var (status, version) = (appointment.Status, appointment.Version);
        Assert.True(appointment.Cancel(AppointmentParty.Person, "I am ill", _time.GetUtcNow()));

        Assert.True(await _appointments.UpdateAsync(
            appointment, status, version, AppointmentEvent.Of(appointment, AppointmentParty.Person, appointment.PersonId, AppointmentEventKind.Cancelled, "I am ill"), []));
        _time.Advance(TimeSpan.FromDays(2));

        Assert.Equal(0, await Delivery().DeliverDueAsync(CancellationToken.None));
        Assert.All(await _store.ListAllAsync(appointment.Id), reminder => Assert.Equal(ReminderStatus.Dropped, reminder.Status));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM outgoing_emails WHERE recipient = @address", new { address }));
    }

    [Fact]
    public async Task Deliver_Due_WritesOneMessageAndOneEmailThatStartsWithTheSummary()
    {
        var (appointment, address) = await BookAsync(Tomorrow(14));
        _time.Advance(TimeSpan.FromHours(4) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await Delivery().DeliverDueAsync(CancellationToken.None));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Delivery().DeliverDueAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await Delivery().DeliverDueAsync(CancellationToken.None));
        await SendEmailsAsync();

        var received = Assert.Single(_smtp.MessagesTo(address));
        var lines = received.TextBody!.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("Reminder: Your plan for January, Tuesday 8 December, 14:00.", lines[0]);
        Assert.Equal("Where: Town hall, room 2. Bring: Your ID card.", lines[1]);
        Assert.Contains("https://passport.example.org/appointments", received.TextBody, StringComparison.Ordinal);
        var first = (await _store.ListAllAsync(appointment.Id))[0];
        Assert.Equal((ReminderStatus.Sent, OutboxStatus.Sent), (first.Status, first.EmailStatus));
        Assert.Equal(EmailMessages.MessageId(first.Id, MimeKit.MailboxAddress.Parse(_email.From)), received.MessageId);
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM notifications WHERE person_id = @PersonId AND kind = 'appointment-reminder'", new { appointment.PersonId }));
        Assert.Equal([appointment.PersonId], _push.People);
    }

    [Fact]
    public async Task Deliver_PersonsLanguage_WritesTheTimeOnTheirClockInIt()
    {
        var (_, address) = await BookAsync(Tomorrow(14), language: "da");
        _time.Advance(TimeSpan.FromHours(4));

        await Delivery().DeliverDueAsync(CancellationToken.None);
        await SendEmailsAsync();

        var received = Assert.Single(_smtp.MessagesTo(address));
        Assert.StartsWith("Påmindelse: Your plan for January, tirsdag 8. december, 14.00.\nHvor: Town hall, room 2. Tag med: Your ID card.\n",
            received.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_TwoLoopsRacing_DeliverOnce()
    {
        var (appointment, address) = await BookAsync(Tomorrow(14));
        _time.AdjustTime(Tomorrow(12));

        var claimed = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Delivery().DeliverDueAsync(CancellationToken.None))));
        await SendEmailsAsync();

        Assert.Equal(2, claimed.Sum());
        Assert.All(await _store.ListAllAsync(appointment.Id), reminder => Assert.Equal(ReminderStatus.Sent, reminder.Status));
        Assert.Equal(2, _smtp.MessagesTo(address).Count);
        Assert.Equal(2, await CountAsync("SELECT COUNT(*) FROM notifications WHERE person_id = @PersonId", new { appointment.PersonId }));
    }

    [Fact]
    public async Task Deliver_LoopDiedAfterClaiming_AnotherDeliversOnceAfterTheLease()
    {
        var (appointment, address) = await BookAsync(Tomorrow(14));
        _time.Advance(TimeSpan.FromHours(4));
        // The first loop claims, then its host dies before the delivering transaction commits: nothing was written.
        Assert.Single(await _store.ClaimAsync(_time.GetUtcNow(), _options.Lease, 10, _options.MaxAttempts, CancellationToken.None));

        _time.Advance(_options.Lease - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await Delivery().DeliverDueAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Delivery().DeliverDueAsync(CancellationToken.None));
        await SendEmailsAsync();

        Assert.Single(_smtp.MessagesTo(address));
        var first = (await _store.ListAllAsync(appointment.Id))[0];
        Assert.Equal((ReminderStatus.Sent, 2), (first.Status, first.Attempts));
    }

    [Fact]
    public async Task Deliver_LeaseRanOutBeforeTheDelivery_WritesNothingAndTheNextHolderDeliversOnce()
    {
        var (appointment, address) = await BookAsync(Tomorrow(14));
        _time.Advance(TimeSpan.FromHours(4));
        var slow = Assert.Single(await _store.ClaimAsync(_time.GetUtcNow(), _options.Lease, 10, _options.MaxAttempts, CancellationToken.None));
        _time.Advance(_options.Lease);
        Assert.Equal(1, await Delivery().DeliverDueAsync(CancellationToken.None));

        var late = await _store.DeliverAsync(slow, _time.GetUtcNow(), (a, r) => Delivery().Compose(slow.Reminder.Id, a, r, _time.GetUtcNow()), CancellationToken.None);
        await SendEmailsAsync();

        Assert.Equal(ReminderDelivered.LeaseLost, late);
        Assert.Single(_smtp.MessagesTo(address));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM notifications WHERE person_id = @PersonId", new { appointment.PersonId }));
    }

    [Fact]
    public async Task Deliver_DueInTheQuietHours_WaitsUntilEightInTheMorning()
    {
        // Booked at 10:00 for 09:00 tomorrow: the day-ahead time has passed, the two-hour one (07:00) is in the quiet hours.
        var (appointment, address) = await BookAsync(Tomorrow(9));
        Assert.Equal([Tomorrow(8)], (await _store.ListAllAsync(appointment.Id)).Select(reminder => reminder.DueAt));

        _time.AdjustTime(Tomorrow(7, 59));
        Assert.Equal(0, await Delivery().DeliverDueAsync(CancellationToken.None));
        _time.AdjustTime(Tomorrow(8));
        Assert.Equal(1, await Delivery().DeliverDueAsync(CancellationToken.None));
        await SendEmailsAsync();

        Assert.Single(_smtp.MessagesTo(address));
    }

    [Fact]
    public async Task Deliver_AppointmentStartedFirst_FailsVisiblyWithoutSending()
    {
        var (appointment, address) = await BookAsync(Tomorrow(14));
        // The hosts were all down from before the day-ahead reminder until after the start.
        _time.AdjustTime(Tomorrow(15));

        Assert.Equal(2, await Delivery().DeliverDueAsync(CancellationToken.None));

        Assert.All(await _store.ListAllAsync(appointment.Id), reminder =>
        {
            Assert.Equal(ReminderStatus.Failed, reminder.Status);
            Assert.Contains("started", reminder.LastError, StringComparison.Ordinal);
        });
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM outgoing_emails WHERE recipient = @address", new { address }));
    }

    [Fact]
    public async Task Deliver_ChannelsOff_WritesOnlyTheChosenOneAndStillMarksSent()
    {
        var (noEmail, noEmailAddress) = await BookAsync(Tomorrow(14), email: false);
        var (noApp, noAppAddress) = await BookAsync(Tomorrow(14), inApp: false);
        _time.Advance(TimeSpan.FromHours(4));

        Assert.Equal(2, await Delivery().DeliverDueAsync(CancellationToken.None));

        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM outgoing_emails WHERE recipient = @noEmailAddress", new { noEmailAddress }));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM notifications WHERE person_id = @PersonId", new { noEmail.PersonId }));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM outgoing_emails WHERE recipient = @noAppAddress", new { noAppAddress }));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM notifications WHERE person_id = @PersonId", new { noApp.PersonId }));
        Assert.Equal(ReminderStatus.Sent, (await _store.ListAllAsync(noEmail.Id))[0].Status);
    }

    [Fact]
    public async Task MarkFailed_EveryAttempt_FailsAfterMaxAttemptsWithTheError()
    {
        var (appointment, _) = await BookAsync(Tomorrow(14));
        _time.Advance(TimeSpan.FromHours(4));

        for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            var claim = Assert.Single(await _store.ClaimAsync(_time.GetUtcNow(), _options.Lease, 10, _options.MaxAttempts, CancellationToken.None));
            var status = await _store.MarkFailedAsync(
                claim, "boom", _time.GetUtcNow(), _time.GetUtcNow() + ReminderDelivery.Backoff(attempt, _options), _options.MaxAttempts, CancellationToken.None);
            Assert.Equal(attempt < _options.MaxAttempts ? ReminderStatus.Pending : ReminderStatus.Failed, status);
            _time.Advance(ReminderDelivery.Backoff(attempt, _options));
        }

        var failed = (await _store.ListAllAsync(appointment.Id))[0];
        Assert.Equal((ReminderStatus.Failed, "boom"), (failed.Status, failed.LastError));
    }

    private sealed class CountingPush : INotificationPush
    {
        private readonly List<Guid> _people = [];

        public IReadOnlyList<Guid> People
        {
            get
            {
                lock (_people)
                {
                    return [.. _people];
                }
            }
        }

        public void Changed(Guid personId)
        {
            lock (_people)
            {
                _people.Add(personId);
            }
        }
    }
}

public sealed class SqliteReminderDeliveryTests() : ReminderDeliveryTests(StorageProvider.Sqlite);

[Trait("Category", "Postgres")]
public sealed class PostgresReminderDeliveryTests() : ReminderDeliveryTests(StorageProvider.Postgres);
