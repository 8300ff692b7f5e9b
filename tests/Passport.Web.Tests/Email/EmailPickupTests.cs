using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Passport.Application.Email;
using Passport.Data.Email;
using Passport.Testing;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Email;

/// <summary>
/// Without a mail server (the embedded default) a message becomes an .eml file that an Admin can read back; a person's
/// e-mails are in their export and go with their account.
/// </summary>
public abstract class EmailPickupTests(WebAppFixture fixture)
{
    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task SendTest_NoMailServer_WritesAnEmlFileWithBothParts()
    {
        using var admin = await _app.CreateClientForAsync("admin@demo.test", PassportApp.DemoPassword);
        using var queued = await admin.PostAsync("/api/admin/email/test", null);
        var id = (await queued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var file = await Eventually.HoldsAsync(
            () => admin.GetAsync($"/api/admin/email/{id}/eml"),
            response => response.StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30),
            "the .eml file written");

        Assert.Equal("message/rfc822", file.Content.Headers.ContentType?.MediaType);
        using var message = await MimeMessage.LoadAsync(await file.Content.ReadAsStreamAsync());
        Assert.Equal($"{id:N}@passport.invalid", message.MessageId);
        Assert.StartsWith("This is a test e-mail from Passport.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("This is a test e-mail from Passport.", message.HtmlBody, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(fixture.Database.Folder, "data", "mail", $"{id:N}.eml")));
    }

    [Fact]
    public async Task Erase_PersonWithAnEmail_ExportsItThenDeletesTheRowAndTheFile()
    {
        var (person, email) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using var _ = person;
        var outgoing = _app.Services.GetRequiredService<EmailComposer>().Compose(
            Guid.CreateVersion7(), email.ToUpperInvariant(), "nl", "admin-test", ["nu"], null, _app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var store = _app.Services.GetRequiredService<OutboxStore>();
        await store.EnqueueAsync(outgoing, CancellationToken.None);
        var file = Path.Combine(fixture.Database.Folder, "data", "mail", $"{outgoing.Id:N}.eml");
        await Eventually.HoldsAsync(() => Task.FromResult(File.Exists(file)), written => written, TimeSpan.FromSeconds(30), "the .eml file written");

        var export = await person.GetFromJsonAsync<JsonElement>("/api/me/export");
        var exported = Assert.Single(export.GetProperty("emails").EnumerateArray());
        Assert.Equal(outgoing.Id, exported.GetProperty("id").GetGuid());
        Assert.Equal("Test-e-mail van Passport", exported.GetProperty("subject").GetString());

        using var erased = await Hosting.Accounts.EraseAsync(person);

        Assert.True(erased.IsSuccessStatusCode, erased.StatusCode.ToString());
        Assert.Null(await store.FindAsync(outgoing.Id, CancellationToken.None));
        Assert.False(File.Exists(file));
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteEmailPickupTests(SqliteWebAppFixture fixture) : EmailPickupTests(fixture);

[Trait("Category", "Postgres")]
[Collection(PostgresWebCollection.Name)]
public sealed class PostgresEmailPickupTests(PostgresWebAppFixture fixture) : EmailPickupTests(fixture);
