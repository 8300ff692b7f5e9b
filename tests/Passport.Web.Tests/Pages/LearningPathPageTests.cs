using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;
using Passport.Web.Tests.Matching;
using static Passport.Web.Tests.Matching.MatchingScenario;
using static Passport.Web.Tests.Pages.SprintPages;

namespace Passport.Web.Tests.Pages;

/// <summary>
/// A learning path in a real browser: a job seeker on a phone (360 × 640, touch) opens a path from their list, sees
/// provider, place, distance and dates, and asks about it (the tick box is required); the education partner on a
/// desktop sees the question with the contact details; the young person's access log shows that read.
/// </summary>
[Collection(SqliteWebCollection.Name)]
public sealed class LearningPathPageTests(SqliteWebAppFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // Roskilde is a town no other test uses; the path is there, so it is "where you live".
    private const string Home = "roskilde";

    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task LearningPath_JobSeekerAsksOnAPhone_ProviderSeesTheQuestionAndTheAccessLogShowsTheRead()
    {
        using var school = await Staff.NewAsync(_app, OrganisationKind.EducationProvider, "education");
        var place = PlaceOf(_app, Home);
        var title = $"Bike mechanic {Guid.NewGuid():N}"[..22];
        var pathwayId = await OpenPathwayAsync(school.Client, title, place.Latitude, place.Longitude, place.Name);
        var (seeker, _) = await TestCandidates.AddAsync(_app, new CandidateSpec(new Dictionary<string, int> { ["planning"] = 3 }, Home, Findable: false));
        using var _seeker = seeker;
        var email = (await seeker.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("email").GetString()!;
        var phone = await browser.NewPageAsync(_app.Address, 360, 640, touch: true);
        await SignInAsync(phone, email, Hosting.Accounts.Password);

        await OpenMenuAsync(phone);
        await phone.GetByRole(AriaRole.Link, new() { Name = "Learning paths", Exact = true }).TapAsync();
        await phone.WaitForURLAsync("**/pathways");
        var card = phone.Locator(".pathway-card", new() { HasText = title });
        await Assertions.Expect(card).ToContainTextAsync("Roskilde (where you live)");
        await Assertions.Expect(card).ToContainTextAsync("1 February 2027 to 30 April 2027");
        await Assertions.Expect(card).Not.ToContainTextAsync("Opens no new jobs");
        await AssertAccessibleAtBothWidthsAsync(phone);
        await phone.SetViewportSizeAsync(360, 640);
        await card.GetByRole(AriaRole.Link, new() { Name = title }).TapAsync();

        await phone.WaitForURLAsync($"**/pathways/{pathwayId}");
        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync(title);
        var facts = phone.Locator("#pathway-facts");
        await Assertions.Expect(facts).ToContainTextAsync($"Test EducationProvider {school.OrganisationId:N}");
        await Assertions.Expect(facts).ToContainTextAsync("Roskilde (where you live)");
        await Assertions.Expect(facts).ToContainTextAsync("1 February 2027 to 30 April 2027");
        await Assertions.Expect(phone.Locator("#teaches-planning")).ToHaveTextAsync("Planning: about 1 level higher");
        await AssertAccessibleAtBothWidthsAsync(phone);
        await phone.SetViewportSizeAsync(360, 640);

        // Without the tick the question is not sent, and the form says why, next to the box.
        await phone.GetByLabel("Your question (you may leave it empty)").FillAsync("Can I start in spring?");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Ask about this path" }).TapAsync();
        await Assertions.Expect(phone.Locator("#shareContact-error")).ToHaveTextAsync("Tick the box to agree. They need your name and e-mail address to answer you.");
        await Assertions.Expect(phone.Locator(".error-summary")).ToBeVisibleAsync();
        Assert.Empty((await seeker.GetFromJsonAsync<JsonElement>("/api/me/consents")).EnumerateArray());
        await AssertAccessibleAtBothWidthsAsync(phone);
        await phone.SetViewportSizeAsync(360, 640);

        await phone.GetByLabel("Your question (you may leave it empty)").FillAsync("Can I start in spring?");
        await phone.GetByLabel($"I agree that Test EducationProvider {school.OrganisationId:N} may see my name and e-mail address to answer me.").CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Ask about this path" }).TapAsync();

        await phone.WaitForURLAsync($"**/pathways/{pathwayId}?done=asked");
        await Assertions.Expect(phone.Locator(".notice")).ToContainTextAsync("can now see your question, your name and your e-mail address.");
        var asked = phone.Locator(".questions .question");
        await Assertions.Expect(asked).ToContainTextAsync("Can I start in spring?");
        await Assertions.Expect(asked).ToContainTextAsync("can see your name and e-mail address.");
        await AssertAccessibleAtBothWidthsAsync(phone);

        // The education partner, on a desktop, finds the question from their pathways.
        var desk = await browser.NewPageAsync(_app.Address, SprintPages.Wide, 800);
        await SignInAsync(desk, school.Email, Hosting.Accounts.Password);
        await desk.GotoAsync("/education/pathways");
        await desk.Locator($"[data-pathway='{pathwayId}']").GetByRole(AriaRole.Link, new() { Name = "Questions from young people: 1" }).ClickAsync();

        await desk.WaitForURLAsync($"**/education/pathways/{pathwayId}/questions");
        var question = desk.Locator(".question-card");
        await Assertions.Expect(question).ToContainTextAsync("Can I start in spring?");
        await Assertions.Expect(question.GetByRole(AriaRole.Link, new() { Name = email })).ToHaveAttributeAsync("href", $"mailto:{email}");
        await AssertAccessibleAtBothWidthsAsync(desk);

        // The young person's access log shows the read, by whom and why.
        await phone.GotoAsync("/access-log");
        var entry = phone.Locator(".access-entry").First;
        await Assertions.Expect(entry).ToContainTextAsync($"Test EducationProvider {school.OrganisationId:N}");
        await Assertions.Expect(entry).ToContainTextAsync(title);
        await AssertAccessibleAtBothWidthsAsync(phone);
    }

    [Fact]
    public async Task LearningPath_UnknownPath_ShowsNotFoundAndAnotherProviderSeesNoQuestions()
    {
        using var owner = await Staff.NewAsync(_app, OrganisationKind.EducationProvider, "education");
        using var other = await Staff.NewAsync(_app, OrganisationKind.EducationProvider, "education");
        var place = PlaceOf(_app, Home);
        var pathwayId = await OpenPathwayAsync(owner.Client, $"Private {Guid.NewGuid():N}"[..16], place.Latitude, place.Longitude, place.Name);
        var phone = await SignedInAsNewJobSeekerAsync(_app, browser, 360, 640, touch: true);

        await phone.GotoAsync($"/pathways/{Guid.NewGuid()}");

        await Assertions.Expect(phone.Locator("#not-found")).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Button, new() { Name = "Ask about this path" })).ToHaveCountAsync(0);
        await AssertAccessibleAtBothWidthsAsync(phone);
        var desk = await SignedInAsync(_app, browser, other.Email);
        await desk.GotoAsync($"/education/pathways/{pathwayId}/questions");
        await Assertions.Expect(desk.Locator("#not-found")).ToBeVisibleAsync();
        await Assertions.Expect(desk.Locator(".question-card")).ToHaveCountAsync(0);
        await AssertAccessibleAtBothWidthsAsync(desk);
    }

    [Fact]
    public async Task PathwayEditor_PartnerChangesDates_AnEndBeforeTheStartIsRefusedThenStartsAnyTime()
    {
        using var school = await Staff.NewAsync(_app, OrganisationKind.EducationProvider, "education");
        var place = PlaceOf(_app, Home);
        var pathwayId = await OpenPathwayAsync(school.Client, $"Dated {Guid.NewGuid():N}"[..14], place.Latitude, place.Longitude, place.Name);
        var page = await SignedInAsync(_app, browser, school.Email);
        await page.GotoAsync($"/education/pathways/{pathwayId}");
        await Assertions.Expect(page.Locator("#startsOn")).ToHaveValueAsync("2027-02-01");
        await Assertions.Expect(page.Locator("#endsOn")).ToHaveValueAsync("2027-04-30");

        await page.Locator("#endsOn").FillAsync("2027-01-15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Assertions.Expect(page.Locator("#endsOn-error")).ToHaveTextAsync("The end date must be on or after the start date.");
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("The end date must be on or after the start date.");
        await AssertAccessibleAtBothWidthsAsync(page);
        await page.Locator("#startsOn").FillAsync("");
        await page.Locator("#endsOn").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await page.WaitForURLAsync($"**/education/pathways/{pathwayId}?done=saved");
        await Assertions.Expect(page.Locator("#startsOn")).ToHaveValueAsync("");
        var stored = await school.Client.GetFromJsonAsync<JsonElement>($"/api/education/pathways/{pathwayId}");
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("startsOn").ValueKind);
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("endsOn").ValueKind);
    }

    private static async Task<Guid> OpenPathwayAsync(HttpClient school, string title, double latitude, double longitude, string place)
    {
        using var created = await school.PostAsJsonAsync("/api/education/pathways", new
        {
            title,
            modules = new[] { new { title = "Brakes and gears", weeks = 6 } },
            location = new { latitude, longitude, place },
            capacity = 10,
            entryRequirements = Array.Empty<object>(),
            gains = new[] { new { skillId = "planning", expectedGain = 1.0 } },
            startsOn = "2027-02-01",
            endsOn = "2027-04-30",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var opened = await school.PostAsync($"/api/education/pathways/{id}/open", null);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        return id;
    }
}
