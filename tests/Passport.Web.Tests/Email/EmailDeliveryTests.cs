using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Passport.Application.Email;
using Passport.Data.Database;
using Passport.Data.Email;
using Passport.Data.Migrations;
using Passport.Testing;
using Passport.Testing.Smtp;

namespace Passport.Web.Tests.Email;

/// <summary>
/// Delivery rounds on the fake clock against a real SMTP server on loopback: a refused message is retried after its
/// backoff and arrives once; a message sent by a host that stopped before marking it is sent again only after the
/// lease, with the same Message-ID; attempts run out into Failed, kept with the error.
/// </summary>
public abstract class EmailDeliveryTests(StorageProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _test = default!;
    private PassportDatabase _database = default!;
    private TestSmtpServer _smtp = default!;
    private OutboxStore _store = default!;
    private EmailOptions _options = default!;

    public async Task InitializeAsync()
    {
        _test = await TestDatabase.CreateAsync(provider);
        _database = PassportDatabase.Create(_test.Options());
        Directory.CreateDirectory(Path.GetDirectoryName(_test.SqlitePath)!);
        new DatabaseMigrator(_database, NullLogger<DatabaseMigrator>.Instance).Migrate();
        _smtp = await TestSmtpServer.StartAsync();
        _store = new OutboxStore(_database);
        _options = new EmailOptions
        {
            From = "Passport <no-reply@passport.test>",
            Smtp = new SmtpOptions { Host = TestSmtpServer.Host, Port = _smtp.Port, UseTls = false, Timeout = TimeSpan.FromSeconds(20) },
            RetryDelay = TimeSpan.FromMinutes(1),
            MaxRetryDelay = TimeSpan.FromMinutes(10),
            MaxAttempts = 3,
        };
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await _database.DisposeAsync();
        await _test.DisposeAsync();
    }

    private EmailDelivery Delivery(IEmailSender? sender = null) => new(
        _store, sender ?? new SmtpEmailSender(Options.Create(_options)), Options.Create(_options), _time, NullLogger<EmailDelivery>.Instance);

    private async Task<OutgoingEmail> EnqueueAsync()
    {
        var email = new OutgoingEmail(
            Guid.CreateVersion7(), $"to-{Guid.NewGuid():N}@example.org", "da", "admin-test", "Emne", "Linje et\nLinje to\n", "<p>Linje et</p>", _time.GetUtcNow());
        await using var connection = await _database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await Outbox.EnqueueAsync(connection, transaction, email, CancellationToken.None);
        await transaction.CommitAsync();
        return email;
    }

    private string MessageId(Guid id) => EmailMessages.MessageId(id, MailboxAddress.Parse(_options.From));

    [Fact]
    public async Task DeliverDueAsync_Refused_RetriesAfterTheBackoffAndDeliversOnce()
    {
        var email = await EnqueueAsync();
        _smtp.RefuseNext(1);

        await Delivery().DeliverDueAsync(CancellationToken.None);

        var waiting = await _store.FindAsync(email.Id, CancellationToken.None);
        Assert.Equal((OutboxStatus.Pending, 1), (waiting!.Status, waiting.Attempts));
        Assert.Contains("451", waiting.LastError, StringComparison.Ordinal);
        Assert.Equal(_time.GetUtcNow() + _options.RetryDelay, waiting.NextAttemptAt);
        Assert.Equal(1, _smtp.Refused);

        _time.Advance(_options.RetryDelay - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await Delivery().DeliverDueAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Delivery().DeliverDueAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromDays(1));
        await Delivery().DeliverDueAsync(CancellationToken.None);

        var received = Assert.Single(_smtp.MessagesTo(email.To));
        Assert.Equal(MessageId(email.Id), received.MessageId);
        Assert.Equal("Linje et\nLinje to\n", received.TextBody!.ReplaceLineEndings("\n"));
        Assert.Equal("<p>Linje et</p>", received.HtmlBody!.Trim());
        Assert.Equal("da", received.Body!.Headers[HeaderId.ContentLanguage]);
        Assert.Equal("multipart/alternative", received.Body.ContentType.MimeType);
        var sent = await _store.FindAsync(email.Id, CancellationToken.None);
        Assert.Equal((OutboxStatus.Sent, 2), (sent!.Status, sent.Attempts));
    }

    [Fact]
    public async Task DeliverDueAsync_HostStoppedBetweenSendAndMark_SendsAgainAfterTheLeaseWithTheSameMessageId()
    {
        var email = await EnqueueAsync();
        // The first host claims and sends, then stops before it marks the message sent.
        var claim = Assert.Single(await _store.ClaimAsync(_time.GetUtcNow(), _options.Lease, 10, _options.MaxAttempts, CancellationToken.None));
        await new SmtpEmailSender(Options.Create(_options)).SendAsync(claim.Message, CancellationToken.None);

        _time.Advance(_options.Lease - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await Delivery().DeliverDueAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Delivery().DeliverDueAsync(CancellationToken.None));

        var received = _smtp.MessagesTo(email.To);
        Assert.Equal(2, received.Count);
        Assert.All(received, message => Assert.Equal(MessageId(email.Id), message.MessageId));
        Assert.Equal(OutboxStatus.Sent, (await _store.FindAsync(email.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task DeliverDueAsync_EveryAttemptRefused_FailsAfterMaxAttemptsAndKeepsTheError()
    {
        var email = await EnqueueAsync();
        _smtp.RefuseNext(100);

        for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            Assert.Equal(1, await Delivery().DeliverDueAsync(CancellationToken.None));
            _time.Advance(EmailDelivery.Backoff(attempt, _options));
        }

        _time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await Delivery().DeliverDueAsync(CancellationToken.None));
        var failed = await _store.FindAsync(email.Id, CancellationToken.None);
        Assert.Equal((OutboxStatus.Failed, _options.MaxAttempts), (failed!.Status, failed.Attempts));
        Assert.Contains("451", failed.LastError, StringComparison.Ordinal);
        Assert.Empty(_smtp.MessagesTo(email.To));
    }

    [Fact]
    public async Task DeliverDueAsync_RefusedForGood_FailsAtOnce()
    {
        var email = await EnqueueAsync();

        await Delivery(new RefusingSender()).DeliverDueAsync(CancellationToken.None);

        var failed = await _store.FindAsync(email.Id, CancellationToken.None);
        Assert.Equal((OutboxStatus.Failed, 1), (failed!.Status, failed.Attempts));
    }

    [Fact]
    public async Task PickupFolder_WrittenTwice_IsOneFileWithBothParts()
    {
        var email = await EnqueueAsync();
        var pickup = new PickupFolderSender(Options.Create(new EmailOptions()), Options.Create(_test.Options()));
        var message = (await _store.FindAsync(email.Id, CancellationToken.None))!;

        await pickup.SendAsync(message, CancellationToken.None);
        await pickup.SendAsync(message, CancellationToken.None);

        Assert.Equal(Path.Combine(_test.Folder, "data", "mail"), pickup.Folder);
        var file = Assert.Single(Directory.GetFiles(pickup.Folder));
        Assert.Equal(pickup.PathOf(email.Id), file);
        using var read = await MimeMessage.LoadAsync(file);
        Assert.Equal("Linje et\nLinje to\n", read.TextBody!.ReplaceLineEndings("\n"));
        Assert.NotNull(read.HtmlBody);
        Assert.Equal(email.To, read.To.Mailboxes.Single().Address);
    }

    [Theory]
    [InlineData(1, 60)]
    [InlineData(2, 120)]
    [InlineData(4, 480)]
    [InlineData(5, 600)]
    [InlineData(40, 600)]
    public void Backoff_Attempts_DoublesUpToTheMaximum(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), EmailDelivery.Backoff(attempts, new EmailOptions
        {
            RetryDelay = TimeSpan.FromMinutes(1),
            MaxRetryDelay = TimeSpan.FromMinutes(10),
        }));

    private sealed class RefusingSender : IEmailSender
    {
        public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken) =>
            throw new EmailRefusedException("550 no such mailbox", new InvalidOperationException("550"));
    }
}

public sealed class SqliteEmailDeliveryTests() : EmailDeliveryTests(StorageProvider.Sqlite);

[Trait("Category", "Postgres")]
public sealed class PostgresEmailDeliveryTests() : EmailDeliveryTests(StorageProvider.Postgres);
