using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Passport.Application.Email;
using Passport.Data.Database;
using Passport.Data.Email;
using Passport.Testing;
using Passport.Testing.Smtp;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Email;

/// <summary>A host pointed at the loopback SMTP server, on its own database.</summary>
public abstract class SmtpWebAppFixture : IAsyncLifetime
{
    public abstract StorageProvider Provider { get; }

    public TestSmtpServer Smtp { get; private set; } = default!;

    public TestDatabase Database { get; private set; } = default!;

    public PassportApp App { get; private set; } = default!;

    /// <summary>The host's settings: the mail server's, and whatever a test class adds.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings(TestSmtpServer smtp)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        return smtp.Settings();
    }

    public async Task InitializeAsync()
    {
        Smtp = await TestSmtpServer.StartAsync();
        Database = await TestDatabase.CreateAsync(Provider);
        App = new PassportApp(Database, Settings(Smtp));
        App.StartServer();
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        if (Smtp is not null)
        {
            await Smtp.DisposeAsync();
        }
    }
}

public sealed class SqliteSmtpWebAppFixture : SmtpWebAppFixture
{
    public override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresSmtpWebAppFixture : SmtpWebAppFixture
{
    public override StorageProvider Provider => StorageProvider.Postgres;
}

/// <summary>
/// E-mail through a real host and a real SMTP server on loopback: a queued message arrives once with both parts in
/// the recipient's language and its stable Message-ID; a host restart between queuing and delivery neither loses nor
/// repeats it; the Admin routes refuse everyone else.
/// </summary>
public abstract class EmailApiTests(SmtpWebAppFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly PassportApp _app = fixture.App;

    private Task<HttpClient> AdminAsync() => _app.CreateClientForAsync("admin@demo.test", PassportApp.DemoPassword);

    private static Task<JsonElement> StatusAsync(HttpClient admin, Guid id) =>
        Eventually.HoldsAsync(
            async () => (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/email/{id}")).GetProperty("email"),
            email => email.GetProperty("status").GetString() != "pending",
            Patience,
            $"e-mail {id} leaving the outbox");

    [Fact]
    public async Task SendTest_Admin_ArrivesOnceWithBothPartsAndIsListedAsSent()
    {
        using var admin = await AdminAsync();

        using var queued = await admin.PostAsync("/api/admin/email/test", null);

        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        var body = await queued.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        var messageId = body.GetProperty("messageId").GetString();
        Assert.Equal("admin@demo.test", body.GetProperty("to").GetString());
        var received = await fixture.Smtp.WaitForAsync(message => message.MessageId == messageId, Patience);
        Assert.Equal("multipart/alternative", received.Body!.ContentType.MimeType);
        var lines = received.TextBody!.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("This is a test e-mail from Passport.", lines[0]);
        Assert.StartsWith("An admin sent it on ", lines[1], StringComparison.Ordinal);
        Assert.Contains("<strong>This is a test e-mail from Passport.</strong>", received.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"{_app.Address.GetLeftPart(UriPartial.Authority)}/admin/email", received.TextBody, StringComparison.Ordinal);
        Assert.Equal("en", received.Body.Headers[HeaderId.ContentLanguage]);

        var sent = await StatusAsync(admin, id);
        Assert.Equal("sent", sent.GetProperty("status").GetString());
        Assert.Equal(1, sent.GetProperty("attempts").GetInt32());
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/admin/email?pageSize=50");
        Assert.Contains(listed.EnumerateArray(), row => row.GetProperty("id").GetGuid() == id && row.GetProperty("kind").GetString() == "admin-test");
        Assert.Single(fixture.Smtp.Messages, message => message.MessageId == messageId);
    }

    [Fact]
    public async Task Eml_MailServerSet_IsNotFoundProblem()
    {
        using var admin = await AdminAsync();
        using var queued = await admin.PostAsync("/api/admin/email/test", null);
        var id = (await queued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await StatusAsync(admin, id);

        using var file = await admin.GetAsync($"/api/admin/email/{id}/eml");

        await ProblemAssert.IsProblemAsync(file, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_UnknownId_IsNotFoundProblem()
    {
        using var admin = await AdminAsync();

        using var response = await admin.GetAsync($"/api/admin/email/{Guid.NewGuid()}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AdminRoutes_JobSeekerOrAnonymous_AreRefusedAndNothingIsQueued()
    {
        var (jobSeeker, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using var _ = jobSeeker;
        using var anonymous = _app.CreateClient();
        var before = await CountAsync();

        using var list = await jobSeeker.GetAsync("/api/admin/email");
        using var one = await jobSeeker.GetAsync($"/api/admin/email/{Guid.NewGuid()}");
        using var test = await jobSeeker.PostAsync("/api/admin/email/test", null);
        using var anonymousTest = await anonymous.PostAsync("/api/admin/email/test", null);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, one.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, test.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousTest.StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task List_PageOutOfRange_IsValidationProblem()
    {
        using var admin = await AdminAsync();

        using var response = await admin.GetAsync("/api/admin/email?page=0");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    private async Task<long> CountAsync()
    {
        await using var connection = await _app.Services.GetRequiredService<PassportDatabase>().OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outgoing_emails");
    }

    /// <summary>
    /// The first host cannot reach the mail server (nothing listens on its port), records the failed attempt and
    /// stops; the next host, on the same database, delivers the message once, with its Message-ID.
    /// </summary>
    [Fact]
    public async Task Delivery_HostRestartedBetweenQueuingAndDelivery_DeliversOnce()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(fixture.Provider);
        var quick = new Dictionary<string, string?> { ["Email:RetryDelay"] = "00:00:01", ["Email:MaxRetryDelay"] = "00:00:02", ["Email:MaxAttempts"] = "1000" };
        Guid id;
        string messageId;
        await using (var first = new PassportApp(database, [.. quick, .. smtp.Settings(), new("Email:Smtp:Port", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture))]))
        {
            first.StartServer();
            using var admin = await first.CreateClientForAsync("admin@demo.test", PassportApp.DemoPassword);
            using var queued = await admin.PostAsync("/api/admin/email/test", null);
            var body = await queued.Content.ReadFromJsonAsync<JsonElement>();
            (id, messageId) = (body.GetProperty("id").GetGuid(), body.GetProperty("messageId").GetString()!);
            var failedOnce = await Eventually.HoldsAsync(
                () => first.Services.GetRequiredService<OutboxStore>().FindAsync(id, CancellationToken.None),
                message => message?.LastError is not null,
                Patience,
                "the first attempt failing");
            Assert.Equal(OutboxStatus.Pending, failedOnce!.Status);
        }

        await using var second = new PassportApp(database, [.. quick, .. smtp.Settings()]);
        second.StartServer();

        var received = await smtp.WaitForAsync(message => message.MessageId == messageId, Patience);
        var sent = await Eventually.HoldsAsync(
            () => second.Services.GetRequiredService<OutboxStore>().FindAsync(id, CancellationToken.None),
            message => message?.Status == OutboxStatus.Sent,
            Patience,
            "the message marked sent");
        // A later message delivered after it shows the loop went on; the first was still sent only once.
        using var admin2 = await second.CreateClientForAsync("admin@demo.test", PassportApp.DemoPassword);
        using var marker = await admin2.PostAsync("/api/admin/email/test", null);
        var markerId = (await marker.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messageId").GetString();
        await smtp.WaitForAsync(message => message.MessageId == markerId, Patience);
        Assert.Single(smtp.Messages, message => message.MessageId == messageId);
        Assert.Equal(EmailMessages.MessageId(id, MailboxAddress.Parse(new EmailOptions().From)), received.MessageId);
        Assert.True(sent!.Attempts >= 2);
    }
}

public sealed class SqliteEmailApiTests(SqliteSmtpWebAppFixture fixture) : EmailApiTests(fixture), IClassFixture<SqliteSmtpWebAppFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresEmailApiTests(PostgresSmtpWebAppFixture fixture) : EmailApiTests(fixture), IClassFixture<PostgresSmtpWebAppFixture>;
