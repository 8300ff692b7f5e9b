using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Passport.Data.Matching;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;
using Passport.Web.Tests.Matching;
using static Passport.Web.Tests.Matching.MatchingScenario;
using static Passport.Web.Tests.Pages.SprintPages;

namespace Passport.Web.Tests.Pages;

/// <summary>
/// The interest journey in a browser, on a phone (360 × 640, touch) and a desktop: a job seeker opens a job from
/// "Jobs for you" and says they are interested; the employer finds them as interested on that vacancy's list, opens
/// them and records a hire only after confirming it; the job seeker's access log shows the employer's read.
/// </summary>
[Collection(SqliteWebCollection.Name)]
public sealed class JobInterestPageTests(SqliteWebAppFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // A town no other test uses: only this test's vacancies are near the job seeker.
    private const string Place = "maastricht";

    private readonly PassportApp _app = fixture.App;

    [Theory]
    [InlineData(360, 640, true)]
    [InlineData(1280, 800, false)]
    public async Task Interest_JobSeekerSaysInterested_EmployerSeesOpensAndConfirmsAHireAndTheAccessLogShowsTheRead(int width, int height, bool touch)
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var vacancyId = await PublishVacancyAsync(_app, employer.Client, Place, [("teamwork", 3, 3), ("planning", 1, 2)], hours: 28);
        // Not findable: only their interest brings them to the employer.
        var (seeker, _) = await TestCandidates.AddAsync(_app, new CandidateSpec(
            new Dictionary<string, int> { ["teamwork"] = 4, ["planning"] = 1 }, Place, 28, Findable: false));
        using var _seeker = seeker;
        var email = (await seeker.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("email").GetString()!;
        var organisation = $"Test Employer {employer.OrganisationId:N}";

        // The job seeker opens the job from "Jobs for you".
        var page = await browser.NewPageAsync(_app.Address, width, height, touch);
        await SignInAsync(page, email, Hosting.Accounts.Password);
        await OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Jobs for you" }).ClickAsync();
        await page.WaitForURLAsync("**/matches");
        var card = page.Locator($".match-card[data-vacancy='{vacancyId}']");
        await card.GetByRole(AriaRole.Link, new() { Name = "See this job – Test job in Maastricht" }).ClickAsync();

        await page.WaitForURLAsync($"**/jobs/{vacancyId}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Test job in Maastricht");
        await Assertions.Expect(page.Locator(".facts")).ToContainTextAsync(organisation);
        await Assertions.Expect(page.Locator(".facts")).ToContainTextAsync("Maastricht (where you live)");
        await Assertions.Expect(page.Locator(".facts")).ToContainTextAsync("28 hours a week");
        await Assertions.Expect(page.Locator("#asks [data-skill='teamwork']")).ToContainTextAsync("You: level 4. That is more than asked.");
        await Assertions.Expect(page.Locator("#asks [data-skill='planning']")).ToContainTextAsync("You: level 1. That is less than asked.");
        // Nothing is ticked for them: sharing is their choice.
        await Assertions.Expect(page.Locator("#interest input[type=checkbox]:checked")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#interest input[type=checkbox]")).ToHaveCountAsync(3);
        await AssertAccessibleAtBothWidthsAsync(page);
        await page.SetViewportSizeAsync(width, height);

        await page.GetByRole(AriaRole.Button, new() { Name = "I’m interested" }).ClickAsync();
        await Assertions.Expect(page.Locator("#interest-errors")).ToContainTextAsync("Choose at least one kind of information to share.");
        await AssertAccessibleAsync(page);

        await page.GetByLabel("Skills").CheckAsync();
        await page.GetByLabel("Name and e-mail").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "I’m interested" }).ClickAsync();

        await page.WaitForURLAsync($"**/jobs/{vacancyId}?done=interested*");
        await Assertions.Expect(page.Locator("#done")).ToContainTextAsync($"{organisation} can now see that you are interested");
        await Assertions.Expect(page.Locator("#interest-status")).ToContainTextAsync("You said you are interested");
        await Assertions.Expect(page.Locator("#interest")).ToContainTextAsync($"{organisation} can see: Skills and Name and e-mail.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "I’m interested" })).ToHaveCountAsync(0);
        await AssertAccessibleAtBothWidthsAsync(page);

        // The employer finds them as interested on the vacancy's list and opens them.
        var staff = await browser.NewPageAsync(_app.Address, width, height, touch);
        await SignInAsync(staff, employer.Email, Hosting.Accounts.Password);
        await staff.GotoAsync($"/employer/vacancies/{vacancyId}/matches");
        var interested = staff.Locator("#interested li[data-interested]");
        await Assertions.Expect(interested).ToHaveCountAsync(1);
        await Assertions.Expect(interested).ToContainTextAsync("shares Skills and Name and e-mail");
        var reference = await interested.GetAttributeAsync("data-interested") ?? "";
        await Assertions.Expect(staff.Locator($"#candidate-{reference}")).ToHaveCountAsync(0);
        await AssertAccessibleAtBothWidthsAsync(staff);
        await staff.SetViewportSizeAsync(width, height);
        await interested.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();

        await staff.WaitForURLAsync($"**/candidates/{reference}");
        await Assertions.Expect(staff.Locator("h1")).ToHaveTextAsync($"Candidate {reference}");
        await Assertions.Expect(staff.Locator("#contact-state-status")).ToContainTextAsync("Interested in this job");
        await Assertions.Expect(staff.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(staff.Locator("main")).Not.ToContainTextAsync("Not invited yet");
        await Assertions.Expect(staff.Locator("main")).ToContainTextAsync(email);
        // No outcome is chosen beforehand.
        await Assertions.Expect(staff.Locator("#outcome")).ToHaveValueAsync("");
        await AssertAccessibleAtBothWidthsAsync(staff);
        await staff.SetViewportSizeAsync(width, height);

        // "Hired" takes a second step; until then nothing is recorded.
        await staff.Locator("#outcome").SelectOptionAsync("hired");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save what happened" }).ClickAsync();
        await Assertions.Expect(staff.Locator("#confirm-hired")).ToContainTextAsync($"Did you hire {reference}?");
        var detail = await employer.Client.GetFromJsonAsync<JsonElement>($"/api/employer/vacancies/{vacancyId}/candidates/{reference}");
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("outcome").ValueKind);
        await AssertAccessibleAtBothWidthsAsync(staff);
        await staff.SetViewportSizeAsync(width, height);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Yes, record “Hired”" }).ClickAsync();

        await staff.WaitForURLAsync($"**/candidates/{reference}?done=outcome");
        await Assertions.Expect(staff.Locator("#outcome-recorded")).ToContainTextAsync("Hired");
        await Assertions.Expect(staff.Locator("#contact-state-status")).ToContainTextAsync("Interested in this job");

        // The job seeker's access log shows the employer's read, for the vacancy.
        await page.GotoAsync("/access-log");
        var entry = page.Locator(".access-entry", new() { HasText = organisation });
        await Assertions.Expect(entry.First).ToContainTextAsync("Interested in the vacancy “Test job in Maastricht”");
        await AssertAccessibleAtBothWidthsAsync(page);
    }

    [Fact]
    public async Task CandidateMatches_HiredFromTheListCard_AsksToConfirmAndThePlaceholderIsRefusedInPlainWords()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var vacancyId = await PublishVacancyAsync(_app, employer.Client, Place, [("creativity", 3, 2)]);
        var (seeker, seekerId) = await TestCandidates.AddAsync(_app, new CandidateSpec(new Dictionary<string, int> { ["creativity"] = 5 }, Place));
        using var _seeker = seeker;
        var page = await SignedInAsync(_app, browser, employer.Email);
        await page.GotoAsync($"/employer/vacancies/{vacancyId}/matches");
        var reference = (await _app.Services.GetRequiredService<MatchRepository>().FindForUserAsync(vacancyId, seekerId))!.CandidateRef;
        var card = page.Locator($"#candidate-{reference}");
        await Assertions.Expect(card.GetByLabel($"What happened? – {reference}")).ToHaveValueAsync("");

        await card.GetByRole(AriaRole.Button, new() { Name = $"Save what happened – {reference}" }).ClickAsync();

        await Assertions.Expect(page.Locator("#outcome-errors")).ToContainTextAsync("Choose what happened first.");
        await AssertAccessibleAtBothWidthsAsync(page);

        await page.GotoAsync($"/employer/vacancies/{vacancyId}/matches");
        await card.GetByLabel($"What happened? – {reference}").SelectOptionAsync("hired");
        await card.GetByRole(AriaRole.Button, new() { Name = $"Save what happened – {reference}" }).ClickAsync();

        await Assertions.Expect(page.Locator("#confirm-hired")).ToContainTextAsync($"Did you hire {reference}?");
        await page.GetByRole(AriaRole.Link, new() { Name = "No, go back" }).ClickAsync();
        await page.WaitForURLAsync($"**/matches*");
        await Assertions.Expect(card.Locator("dl")).ToContainTextAsync("Nothing saved yet");
        await card.GetByLabel($"What happened? – {reference}").SelectOptionAsync("hired");
        await card.GetByRole(AriaRole.Button, new() { Name = $"Save what happened – {reference}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, record “Hired”" }).ClickAsync();

        await page.WaitForURLAsync("**/matches?*done=outcome*");
        await Assertions.Expect(card.Locator("dl")).ToContainTextAsync("Hired");
    }

    [Fact]
    public async Task CandidatePage_AskedForAnotherVacancyThenInvitedHere_SaysOneContactStateAfterEachAction()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        using var scenario = await TwoVacanciesOneCandidateAsync(_app, employer.Client, Place);
        var (_, first, refFirst, second, refSecond) = scenario;
        var page = await browser.NewPageAsync(_app.Address, 360, 640, touch: true);
        await SignInAsync(page, employer.Email, Hosting.Accounts.Password);

        // Invited from the first vacancy's page: the page says so, and offers no second invitation.
        await page.GotoAsync($"/employer/vacancies/{first}/candidates/{refFirst}");
        await Assertions.Expect(page.Locator("#contact-state-status")).ToHaveTextAsync("Not invited yet");
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/candidates/{refFirst}?done=invited*");
        await Assertions.Expect(page.Locator("#contact-state-status")).Not.ToHaveTextAsync("Not invited yet");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true })).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page);

        // The same person for the second vacancy: asked already, not "not invited yet" beside an Invite button.
        await page.GotoAsync($"/employer/vacancies/{second}/candidates/{refSecond}");
        await Assertions.Expect(page.Locator("#contact-state-status")).ToContainTextAsync("Your organisation already asked this person");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Not invited yet");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true })).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Job_DraftOrUnknown_ShowsNotFoundAndNoInterestForm()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var draft = await DraftVacancyAsync(_app, employer.Client, Place, [("teamwork", 2, 2)]);
        var page = await SignedInAsNewJobSeekerAsync(_app, browser);

        await page.GotoAsync($"/jobs/{draft}");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Job not found");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "I’m interested" })).ToHaveCountAsync(0);
        var notFound = await page.Locator("main").InnerTextAsync();
        await AssertAccessibleAtBothWidthsAsync(page);
        await page.GotoAsync($"/jobs/{Guid.NewGuid()}");
        Assert.Equal(notFound, await page.Locator("main").InnerTextAsync());
    }

    [Fact]
    public async Task Job_Employer_SeesTheDeniedPage()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var vacancyId = await PublishVacancyAsync(_app, employer.Client, Place, [("teamwork", 2, 2)]);
        var page = await SignedInAsync(_app, browser, employer.Email);

        await AssertDeniedAsync(page, $"/jobs/{vacancyId}");
    }
}
