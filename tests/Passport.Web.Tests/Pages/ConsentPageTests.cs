using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;
using Passport.Web.Tests.Sprints;
using static Passport.Web.Tests.Pages.SprintPages;

namespace Passport.Web.Tests.Pages;

/// <summary>
/// The consent pages in a real browser: a job seeker shares, answers requests and reads their access log; staff see
/// a person's passport only while it is shared with them, and the same not-found view for every other reason.
/// </summary>
[Collection(SqliteWebCollection.Name)]
public sealed class ConsentPageTests(SqliteWebAppFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task Sharing_JobSeekerGrantsSkillsByKeyboard_SeesItListedAndRevokesIt()
    {
        var (owner, email, personId) = await NewOwnerAsync();
        owner.Dispose();
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var organisation = OrganisationName(employer);
        var page = await browser.NewPageAsync(_app.Address);
        await SignInAsync(page, email, Hosting.Accounts.Password);
        await OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Sharing" }).ClickAsync();
        await page.WaitForURLAsync("**/sharing");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("You share nothing now. Nobody can see your data.");
        await AssertAccessibleAtBothWidthsAsync(page);

        await page.Locator("#audience-organisation").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#organisation")).ToBeFocusedAsync();
        // Type-to-select, as on a closed drop-down list.
        await page.Keyboard.TypeAsync(organisation);
        await Assertions.Expect(page.Locator("#organisation")).ToHaveValueAsync(employer.OrganisationId.ToString());
        await page.Locator("#category-skills").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Locator("#purpose").FocusAsync();
        await page.Keyboard.TypeAsync("Apply for the warehouse job");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync("**/sharing?done=shared");
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("Done. You now share this.");
        var card = page.Locator("section[aria-labelledby='active-heading'] .consent-card", new() { HasText = organisation });
        await Assertions.Expect(card).ToContainTextAsync("Skills");
        await Assertions.Expect(card).ToContainTextAsync("Apply for the warehouse job");
        await Assertions.Expect(card).ToContainTextAsync("Until you stop it");
        await AssertAccessibleAtBothWidthsAsync(page);

        await card.GetByRole(AriaRole.Link, new() { Name = $"What was recorded – {organisation}" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("What was recorded");
        await Assertions.Expect(page.Locator(".record-card").First).ToContainTextAsync("You said yes");
        await page.GetByText("Show the full record, as a computer reads it").ClickAsync();
        await Assertions.Expect(page.Locator(".raw-record pre")).ToContainTextAsync("ISO/IEC TS 27560:2023");
        await AssertAccessibleAtBothWidthsAsync(page);

        await page.GotoAsync("/sharing");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Stop sharing – {organisation}" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync("**/sharing?done=stopped");
        await Assertions.Expect(page.Locator("section[aria-labelledby='active-heading']")).ToContainTextAsync("You share nothing now.");
        await page.GetByText("Show what ended (1)").ClickAsync();
        await Assertions.Expect(page.Locator("details.ended .consent-card", new() { HasText = organisation })).ToContainTextAsync("You stopped sharing");
        await AssertAccessibleAtBothWidthsAsync(page);
        using var read = await employer.Client.GetAsync($"/api/people/{personId}/passport");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task Sharing_RequestFromStaff_IsApprovedOnThePageAndOpensTheData()
    {
        var (owner, email, personId) = await NewOwnerAsync();
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var organisation = OrganisationName(employer);
        using (owner)
        using (var asked = await employer.Client.PostAsJsonAsync($"/api/people/{personId}/consent-requests", new
        {
            categories = new[] { "skills", "contact" },
            purpose = "Invitation to talk about the warehouse job",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        }

        var page = await browser.NewPageAsync(_app.Address);
        await SignInAsync(page, email, Hosting.Accounts.Password);
        await page.GotoAsync("/sharing");
        var request = page.Locator("section[aria-labelledby='waiting-heading'] .consent-card");
        await Assertions.Expect(request.Locator("h3")).ToHaveTextAsync($"{organisation} asks for your data");
        await Assertions.Expect(request).ToContainTextAsync("Invitation to talk about the warehouse job");
        await Assertions.Expect(request).ToContainTextAsync("Name and e-mail");
        await AssertAccessibleAtBothWidthsAsync(page);

        await request.GetByRole(AriaRole.Button, new() { Name = $"Approve – {organisation}" }).ClickAsync();

        await page.WaitForURLAsync("**/sharing?done=approved");
        await Assertions.Expect(page.Locator("section[aria-labelledby='waiting-heading']")).ToContainTextAsync("Nobody is waiting for an answer.");
        await Assertions.Expect(page.Locator("section[aria-labelledby='active-heading'] .consent-card", new() { HasText = organisation })).ToBeVisibleAsync();
        var shared = await employer.Client.GetFromJsonAsync<JsonElement>($"/api/people/{personId}/passport");
        Assert.Equal(["skills", "contact"], shared.GetProperty("categories").EnumerateArray().Select(category => category.GetString()));
    }

    [Fact]
    public async Task Sharing_EmptyForm_ListsEveryProblemAndSharesNothing()
    {
        var page = await SignedInAsNewJobSeekerAsync(_app, browser);
        await page.GotoAsync("/sharing");

        await page.GetByRole(AriaRole.Button, new() { Name = "Share", Exact = true }).ClickAsync();

        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Choose who may see it");
        await Assertions.Expect(summary).ToContainTextAsync("Choose at least one kind of information to share.");
        await Assertions.Expect(summary).ToContainTextAsync("Say why you share this");
        await Assertions.Expect(page.Locator("#purpose")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("section[aria-labelledby='active-heading']")).ToContainTextAsync("You share nothing now.");
        await AssertAccessibleAtBothWidthsAsync(page);
    }

    [Fact]
    public async Task AccessLog_EmployerRead_IsListedAsASentence()
    {
        var (owner, email, personId) = await NewOwnerAsync();
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        using (owner)
        {
            var page = await browser.NewPageAsync(_app.Address);
            await SignInAsync(page, email, Hosting.Accounts.Password);
            await page.GotoAsync("/sharing");
            await page.GetByRole(AriaRole.Link, new() { Name = "Who looked at your data" }).ClickAsync();
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Nobody has looked at your data.");
            await AssertAccessibleAtBothWidthsAsync(page);

            await GrantAsync(owner, employer.OrganisationId, ["skills"], "Apply for the installer traineeship");
            (await employer.Client.GetAsync($"/api/people/{personId}/passport")).Dispose();
            await page.ReloadAsync();

            var entry = Assert.Single(await page.Locator(".access-entry").AllAsync());
            await Assertions.Expect(entry).ToContainTextAsync($"{OrganisationName(employer)} ({employer.DisplayName}) looked at your skills");
            await Assertions.Expect(entry).ToContainTextAsync("for: Apply for the installer traineeship");
            await AssertAccessibleAtBothWidthsAsync(page);
        }
    }

    [Fact]
    public async Task AccessLog_MoreThanAPage_OlderLeadsToTheRest()
    {
        var (owner, email, personId) = await NewOwnerAsync();
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        using (owner)
        {
            await GrantAsync(owner, employer.OrganisationId, ["skills"], "Paging");
            for (var read = 0; read < 21; read++)
            {
                (await employer.Client.GetAsync($"/api/people/{personId}/passport")).Dispose();
            }

            var page = await browser.NewPageAsync(_app.Address);
            await SignInAsync(page, email, Hosting.Accounts.Password);
            await page.GotoAsync("/access-log");
            await Assertions.Expect(page.Locator(".access-entry")).ToHaveCountAsync(20);

            await page.GetByRole(AriaRole.Link, new() { Name = "Older" }).ClickAsync();

            await page.WaitForURLAsync("**/access-log?before=*");
            await Assertions.Expect(page.Locator(".access-entry")).ToHaveCountAsync(1);
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Older" })).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Newest" })).ToBeVisibleAsync();
            await AssertAccessibleAtBothWidthsAsync(page);
        }
    }

    [Fact]
    public async Task PersonPage_Employer_SeesSkillsOnlyAfterConsentAndTheSameNotFoundViewOtherwise()
    {
        var (owner, email, personId) = await NewOwnerAsync();
        using (owner)
        {
            await using (var player = await SprintPlayer.ConnectAsync(_app, await _app.LoginAsync(email, Hosting.Accounts.Password)))
            {
                await player.PlayToEndAsync((await player.StartAsync("fix-it")).GetProperty("sessionId").GetString()!);
            }

            using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
            var page = await browser.NewPageAsync(_app.Address);
            await SignInAsync(page, employer.Email, Hosting.Accounts.Password);
            await OpenMenuAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "People" }).ClickAsync();
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Nobody shares with your organisation now.");
            await AssertAccessibleAtBothWidthsAsync(page);

            await page.GotoAsync($"/people/{personId}");
            var notShared = await page.Locator("main").InnerTextAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Not found.");
            await Assertions.Expect(page.Locator(".skill-card")).ToHaveCountAsync(0);
            await AssertAccessibleAtBothWidthsAsync(page);
            await page.GotoAsync($"/people/{Guid.NewGuid()}");
            Assert.Equal(notShared, await page.Locator("main").InnerTextAsync());
            await page.GotoAsync($"/people/{employer.UserId}");
            Assert.Equal(notShared, await page.Locator("main").InnerTextAsync());

            await GrantAsync(owner, employer.OrganisationId, ["skills"], "Apply for the warehouse job");
            await page.GotoAsync($"/people/{personId}");

            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("A person who shares with you");
            await Assertions.Expect(page.Locator("#skill-problem-solving")).ToContainTextAsync("Level");
            await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(email);
            await Assertions.Expect(page.Locator("#contact-heading")).ToHaveCountAsync(0);
            await AssertAccessibleAtBothWidthsAsync(page);
            await GrantAsync(owner, employer.OrganisationId, ["contact"], "Invite for a talk");
            await page.ReloadAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Robin");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(email);
            await AssertAccessibleAtBothWidthsAsync(page);
            await page.GotoAsync("/people");
            await Assertions.Expect(page.Locator($".person-card[data-person='{personId}']")).ToContainTextAsync("Skills and Name and e-mail");
            await AssertAccessibleAtBothWidthsAsync(page);
            var log = await owner.GetFromJsonAsync<JsonElement>("/api/me/access-log");
            Assert.Contains(log.EnumerateArray(), entry => entry.GetProperty("channel").GetString() == "page");
        }
    }

    [Fact]
    public async Task PersonPage_EmployerAsksForAccess_TheRequestWaitsForTheOwner()
    {
        var (owner, _, personId) = await NewOwnerAsync();
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        using (owner)
        {
            var page = await browser.NewPageAsync(_app.Address);
            await SignInAsync(page, employer.Email, Hosting.Accounts.Password);
            await page.GotoAsync($"/people/{personId}");

            await page.GetByLabel("Name and e-mail").CheckAsync();
            await page.GetByLabel("Why do you ask?").FillAsync("Invitation to talk about the warehouse job");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();

            await page.WaitForURLAsync($"**/people/{personId}?asked=true");
            await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Your request was sent.");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Not found.");
            // The waiting request, not a form to send it again: also when the page is opened afresh.
            await page.GotoAsync($"/people/{personId}");
            await Assertions.Expect(page.Locator("#ask-waiting")).ToContainTextAsync("Your organisation already asked this person. The answer is not in yet.");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send the request" })).ToHaveCountAsync(0);
            await AssertAccessibleAsync(page);
            await page.GotoAsync("/people");
            await Assertions.Expect(page.Locator($".request-card[data-person='{personId}']")).ToContainTextAsync("No answer yet");
            var request = Assert.Single((await owner.GetFromJsonAsync<JsonElement>("/api/me/consents")).EnumerateArray());
            Assert.Equal("requested", request.GetProperty("status").GetString());
            Assert.Equal(["contact"], request.GetProperty("categories").EnumerateArray().Select(category => category.GetString()));
        }
    }

    [Fact]
    public async Task PersonPage_CoachRecordsTheGuardiansConsent_TheMinorMayThenApproveAnEmployer()
    {
        var (minorClient, minorId, email) = await Hosting.Accounts.NewMinorAsync(_app);
        using var minor = minorClient;
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        using var coach = await Staff.NewAsync(_app, OrganisationKind.Municipality);
        (await employer.Client.PostAsJsonAsync($"/api/people/{minorId}/consent-requests", new { categories = new[] { "skills" }, purpose = "Holiday job" })).Dispose();
        await GrantAsync(minor, coach.OrganisationId, ["plan"], "Coaching");
        var youth = await browser.NewPageAsync(_app.Address);
        await SignInAsync(youth, email, Hosting.Accounts.Password);
        await youth.GotoAsync("/sharing");
        var request = youth.Locator("section[aria-labelledby='waiting-heading'] .consent-card");
        await Assertions.Expect(request).ToContainTextAsync("a parent or guardian must agree first");
        await Assertions.Expect(request.GetByRole(AriaRole.Button, new() { Name = $"Approve – {OrganisationName(employer)}" })).ToHaveCountAsync(0);
        await AssertAccessibleAtBothWidthsAsync(youth);

        var page = await browser.NewPageAsync(_app.Address);
        await SignInAsync(page, coach.Email, Hosting.Accounts.Password);
        await page.GotoAsync($"/people/{minorId}");
        await page.GetByLabel("Name of the parent or guardian").FillAsync("Alex Jansen");
        await page.GetByLabel("How did they agree?").FillAsync("Signed form at the youth desk");
        await AssertAccessibleAtBothWidthsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await page.WaitForURLAsync($"**/people/{minorId}?guardian=saved");
        await youth.ReloadAsync();
        await request.GetByRole(AriaRole.Button, new() { Name = $"Approve – {OrganisationName(employer)}" }).ClickAsync();
        await youth.WaitForURLAsync("**/sharing?done=approved");
    }

    [Theory]
    [InlineData("/sharing")]
    [InlineData("/access-log")]
    public async Task OwnerPages_Staff_SeeTheDeniedPage(string path)
    {
        var page = await browser.NewPageAsync(_app.Address);
        await SignInAsync(page, "employer@demo.test", PassportApp.DemoPassword);
        await OpenMenuAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sharing" })).ToHaveCountAsync(0);

        await page.GotoAsync(path);

        await page.WaitForURLAsync("**/account/denied**");
    }

    [Fact]
    public async Task PeoplePage_JobSeeker_SeesTheDeniedPage()
    {
        var page = await SignedInAsNewJobSeekerAsync(_app, browser);
        await OpenMenuAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "People", Exact = true })).ToHaveCountAsync(0);

        await page.GotoAsync($"/people/{Guid.NewGuid()}");

        await page.WaitForURLAsync("**/account/denied**");
    }

    private static string OrganisationName(Staff.Member member) => $"Test Employer {member.OrganisationId:N}";

    private async Task<(HttpClient Client, string Email, Guid PersonId)> NewOwnerAsync()
    {
        var (client, email) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        var id = (await client.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetGuid();
        return (client, email, id);
    }

    private static async Task GrantAsync(HttpClient owner, Guid organisationId, string[] categories, string purpose)
    {
        using var response = await owner.PostAsJsonAsync("/api/me/consents", new { audience = new { organisationId }, categories, purpose });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
