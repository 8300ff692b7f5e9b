using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passport.Web.Tests.Accounts;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Sharing;

/// <summary>The share links page's stop form as a browser posts it: a link stops only after the confirmation step.</summary>
public abstract class ShareLinkFormsTests(WebAppFixture fixture)
{
    private PassportApp App => fixture.App;

    [Theory]
    [InlineData(null)]
    [InlineData("no")]
    public async Task Stop_FormWithoutTheConfirmation_AsksAgainAndTheLinkStillWorks(string? confirm)
    {
        var (owner, page, id) = await OwnerWithLinkAsync();
        using (owner)
        using (page)
        {
            List<KeyValuePair<string, string>> fields = confirm is null ? [] : [new("confirm", confirm)];

            using var refused = await PageForms.PostFormAsync(page, $"/sharing/links?stop={id}", "stop-link", fields);

            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Stop this link?", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal("active", await StatusAsync(owner, id));
        }
    }

    [Fact]
    public async Task Stop_FormWithTheConfirmation_StopsTheLink()
    {
        var (owner, page, id) = await OwnerWithLinkAsync();
        using (owner)
        using (page)
        {
            using var stopped = await PageForms.PostFormAsync(page, $"/sharing/links?stop={id}", "stop-link", [new("confirm", "yes")]);

            Assert.Equal(HttpStatusCode.Found, stopped.StatusCode);
            Assert.EndsWith("/sharing/links?revoked=true", stopped.Headers.Location!.OriginalString, StringComparison.Ordinal);
            Assert.Equal("revoked", await StatusAsync(owner, id));
            Assert.DoesNotContain("Stop this link?", await page.GetStringAsync($"/sharing/links?stop={id}"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task StopQuestion_AnotherOwnersLink_IsNotAsked()
    {
        var (owner, ownerPage, id) = await OwnerWithLinkAsync();
        ownerPage.Dispose();
        var (stranger, strangerPage, _) = await OwnerWithLinkAsync();
        using (owner)
        using (stranger)
        using (strangerPage)
        {
            var html = await strangerPage.GetStringAsync($"/sharing/links?stop={id}");

            Assert.DoesNotContain("Stop this link?", html, StringComparison.Ordinal);
            Assert.Equal("active", await StatusAsync(owner, id));
        }
    }

    private async Task<(HttpClient Owner, HttpClient Page, Guid LinkId)> OwnerWithLinkAsync()
    {
        var (owner, email) = await Hosting.Accounts.NewJobSeekerAsync(App);
        using var response = await owner.PostAsJsonAsync("/api/me/share-links", new { categories = new[] { "skills" }, expiresAt = DateTimeOffset.UtcNow.AddDays(7), label = "Job fair" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var page = PageForms.NewBrowserlikeClient(App);
        (await PageForms.SignInAsync(page, email, Hosting.Accounts.Password)).Dispose();
        return (owner, page, id);
    }

    private static async Task<string?> StatusAsync(HttpClient owner, Guid id)
    {
        var links = await owner.GetFromJsonAsync<JsonElement>("/api/me/share-links");
        return links.EnumerateArray().Single(link => link.GetProperty("id").GetGuid() == id).GetProperty("status").GetString();
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteShareLinkFormsTests(SqliteWebAppFixture fixture) : ShareLinkFormsTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresShareLinkFormsTests(PostgresWebAppFixture fixture) : ShareLinkFormsTests(fixture);
