using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MimeKit;
using Passport.Testing;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Email;

/// <summary>Without a mail server (the embedded default) a message becomes an .eml file that an Admin can read back.</summary>
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
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteEmailPickupTests(SqliteWebAppFixture fixture) : EmailPickupTests(fixture);

[Trait("Category", "Postgres")]
[Collection(PostgresWebCollection.Name)]
public sealed class PostgresEmailPickupTests(PostgresWebAppFixture fixture) : EmailPickupTests(fixture);
