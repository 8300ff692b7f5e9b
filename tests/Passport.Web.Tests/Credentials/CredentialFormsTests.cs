using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passport.Web.Tests.Accounts;
using Passport.Web.Tests.Hosting;
using static Passport.Web.Tests.Credentials.CredentialClient;

namespace Passport.Web.Tests.Credentials;

/// <summary>
/// The <c>/credentials</c> page's forms as a browser posts them: making a credential records it and the page lists
/// it after the redirect (one source of truth), its file waits for its owner alone, and revoking asks first.
/// </summary>
public abstract class CredentialFormsTests(WebAppFixture fixture)
{
    private PassportApp App => fixture.App;

    [Fact]
    public async Task Make_Form_RecordsTheCredentialThenThePageListsItAndHandsOverItsFile()
    {
        var (api, _, skills, email) = await NewMeasuredJobSeekerWithEmailAsync(App);
        using var page = await SignedInPageClientAsync(email);
        using (api)
        {
            using var made = await PageForms.PostFormAsync(page, "/credentials", "", [new("skillId", skills[0])], action: "/credentials/download");

            Assert.Equal(HttpStatusCode.Found, made.StatusCode);
            var location = made.Headers.Location!.OriginalString;
            Assert.StartsWith("/credentials?made=", location, StringComparison.Ordinal);
            var id = Guid.Parse(location["/credentials?made=".Length..]);
            var listed = await api.GetFromJsonAsync<JsonElement>("/api/me/credentials");
            Assert.Equal(id, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetGuid());
            var html = await page.GetStringAsync(location);
            Assert.Contains("Your proof is ready", html, StringComparison.Ordinal);
            Assert.Contains($"data-id=\"{id}\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("You have not made a credential yet.", html, StringComparison.Ordinal);

            using var file = await page.GetAsync($"/credentials/{id}/file");
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("application/vc+jwt", file.Content.Headers.ContentType?.MediaType);
            using var anonymous = App.CreateClient();
            var credential = await VerifyWithJoseAsync(anonymous, await file.Content.ReadAsStringAsync());
            Assert.Equal($"urn:uuid:{id}", credential.GetProperty("id").GetString());
        }
    }

    [Fact]
    public async Task File_OfAnotherJobSeeker_IsNotHandedOver()
    {
        var (owner, _, skills, email) = await NewMeasuredJobSeekerWithEmailAsync(App);
        using var ownerPage = await SignedInPageClientAsync(email);
        var (other, otherEmail) = await Hosting.Accounts.NewJobSeekerAsync(App);
        other.Dispose();
        using var otherPage = await SignedInPageClientAsync(otherEmail);
        using (owner)
        {
            using var made = await PageForms.PostFormAsync(ownerPage, "/credentials", "", [new("skillId", skills[0])], action: "/credentials/download");
            var id = made.Headers.Location!.OriginalString["/credentials?made=".Length..];

            using var refused = await otherPage.GetAsync($"/credentials/{id}/file");
            using var unknown = await ownerPage.GetAsync($"/credentials/{Guid.NewGuid()}/file");

            Assert.Equal(HttpStatusCode.Found, refused.StatusCode);
            Assert.Equal("/credentials?error=gone", refused.Headers.Location!.OriginalString);
            Assert.Equal("/credentials?error=gone", unknown.Headers.Location!.OriginalString);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("true")]
    public async Task Revoke_FormWithoutTheConfirmation_AsksAgainAndKeepsTheCredential(string? confirm)
    {
        var (api, _, skills, email) = await NewMeasuredJobSeekerWithEmailAsync(App);
        using var page = await SignedInPageClientAsync(email);
        using (api)
        {
            var (id, _) = await CreateAsync(api, new { skillId = skills[0] });
            List<KeyValuePair<string, string>> fields = [new("id", id.ToString())];
            if (confirm is not null)
            {
                fields.Add(new("confirm", confirm));
            }

            using var refused = await PageForms.PostFormAsync(page, "/credentials", "", fields, action: "/credentials/revoke");

            Assert.Equal(HttpStatusCode.Found, refused.StatusCode);
            Assert.Equal($"/credentials?stop={id}#stop-heading", refused.Headers.Location!.OriginalString);
            Assert.Equal("Issued", (await api.GetFromJsonAsync<JsonElement>($"/api/me/credentials/{id}")).GetProperty("status").GetString());
            var question = await page.GetStringAsync($"/credentials?stop={id}");
            Assert.Contains("Stop this proof?", question, StringComparison.Ordinal);
            Assert.Contains("name=\"confirm\" value=\"yes\"", question, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Revoke_FormWithTheConfirmation_RevokesIt()
    {
        var (api, _, skills, email) = await NewMeasuredJobSeekerWithEmailAsync(App);
        using var page = await SignedInPageClientAsync(email);
        using (api)
        {
            var (id, _) = await CreateAsync(api, new { skillId = skills[0] });

            using var revoked = await PageForms.PostFormAsync(
                page, $"/credentials?stop={id}", "", [new("id", id.ToString()), new("confirm", "yes")], action: "/credentials/revoke");

            Assert.Equal("/credentials?revoked=true", revoked.Headers.Location!.OriginalString);
            Assert.Equal("Revoked", (await api.GetFromJsonAsync<JsonElement>($"/api/me/credentials/{id}")).GetProperty("status").GetString());
            Assert.DoesNotContain("Stop this proof?", await page.GetStringAsync($"/credentials?stop={id}"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Revoke_FormOfAnotherJobSeekersCredential_ChangesNothing()
    {
        var (owner, _, skills, _) = await NewMeasuredJobSeekerWithEmailAsync(App);
        var (_, _, _, otherEmail) = await NewMeasuredJobSeekerWithEmailAsync(App);
        using var otherPage = await SignedInPageClientAsync(otherEmail);
        using (owner)
        {
            var (id, _) = await CreateAsync(owner, new { skillId = skills[0] });

            using var refused = await PageForms.PostFormAsync(
                otherPage, "/credentials", "", [new("id", id.ToString()), new("confirm", "yes")], action: "/credentials/revoke");
            var question = await otherPage.GetStringAsync($"/credentials?stop={id}");

            Assert.Equal(HttpStatusCode.Found, refused.StatusCode);
            Assert.Equal("Issued", (await owner.GetFromJsonAsync<JsonElement>($"/api/me/credentials/{id}")).GetProperty("status").GetString());
            Assert.DoesNotContain("Stop this proof?", question, StringComparison.Ordinal);
        }
    }

    private async Task<HttpClient> SignedInPageClientAsync(string email)
    {
        var client = PageForms.NewBrowserlikeClient(App);
        using var signedIn = await PageForms.SignInAsync(client, email, Hosting.Accounts.Password);
        Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
        return client;
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteCredentialFormsTests(SqliteWebAppFixture fixture) : CredentialFormsTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresCredentialFormsTests(PostgresWebAppFixture fixture) : CredentialFormsTests(fixture);
