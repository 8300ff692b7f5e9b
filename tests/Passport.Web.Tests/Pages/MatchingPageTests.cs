using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Passport.Data.Matching;
using Passport.Domain.Organisations;
using Passport.Matching.Training;
using Passport.Web.Tests.Hosting;
using Passport.Web.Tests.Matching;
using static Passport.Web.Tests.Matching.MatchingScenario;
using static Passport.Web.Tests.Pages.SprintPages;

namespace Passport.Web.Tests.Pages;

/// <summary>
/// The matching pages in a real browser: an employer reads the advice notice and ranked cards, invites and records
/// outcomes by keyboard and sees the shared data once the candidate said yes; other employers and job seekers get
/// nothing; a job seeker sees the jobs that fit and the learning paths that open more; an admin oversees the models.
/// </summary>
[Collection(SqliteWebCollection.Name)]
public sealed partial class MatchingPageTests(SqliteWebAppFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task CandidateMatches_Employer_SeesAdviceAndCardsInvitesByKeyboardAndRecordsAnOutcome()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var vacancyId = await PublishVacancyAsync(_app, employer.Client, "aarhus", [("teamwork", 3, 3), ("planning", 1, 2)]);
        // Two strong and two weak candidates who read alike in pairs, so each card can show all it has.
        var (strong, _) = await TestCandidates.AddAsync(_app, new CandidateSpec(
            new Dictionary<string, int> { ["teamwork"] = 5, ["planning"] = 3 }, "aarhus", 32, ["logistics"]));
        using var _strong = strong;
        var (alike, _) = await TestCandidates.AddAsync(_app, new CandidateSpec(
            new Dictionary<string, int> { ["teamwork"] = 5, ["planning"] = 3 }, "aarhus", 32, ["logistics"]));
        using var _alike = alike;
        for (var i = 0; i < 2; i++)
        {
            (await TestCandidates.AddAsync(_app, new CandidateSpec(
                new Dictionary<string, int> { ["teamwork"] = 2, ["planning"] = 3 }, "aarhus", 24))).Client.Dispose();
        }

        var page = await browser.NewPageAsync(_app.Address);
        await SignInAsync(page, employer.Email, Hosting.Accounts.Password);

        await page.GotoAsync($"/employer/vacancies/{vacancyId}/matches");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Candidates for “Test job in Aarhus”");
        await Assertions.Expect(page.Locator(".advice")).ToContainTextAsync("This list is advice. A person decides, never the computer");
        var cards = page.Locator(".candidate-card");
        await Assertions.Expect(cards).ToHaveCountAsync(4);
        var first = cards.First;
        var last = cards.Last;
        var firstRef = await first.GetAttributeAsync("data-candidate") ?? "";
        var lastRef = await last.GetAttributeAsync("data-candidate") ?? "";
        Assert.Matches("^C-[0-9A-Z]{8}$", firstRef);
        await Assertions.Expect(first.Locator("h2")).ToHaveTextAsync($"Number 1: candidate {firstRef}");
        await Assertions.Expect(first.Locator(".skill-levels")).ToContainTextAsync("Teamwork: ●●●●● Level 5 of 5: excellent ·");
        await Assertions.Expect(first.Locator(".reason.raised", new() { HasText = "Strong in “Teamwork”, which this job weighs highly." })).ToContainTextAsync("For:");
        await Assertions.Expect(first).ToContainTextAsync("Not invited yet");
        await Assertions.Expect(last.Locator(".gaps")).ToContainTextAsync("Teamwork: level 2, the job asks 3.");
        await Assertions.Expect(last.Locator(".gaps")).ToContainTextAsync("Solar panel fitter");
        await Assertions.Expect(last).ToContainTextAsync("fewer hours than this job");
        await Assertions.Expect(first).ToContainTextAsync("within 10 km");
        await Assertions.Expect(page.Locator(".held-back")).ToHaveCountAsync(0);
        await AssertAccessibleAtBothWidthsAsync(page);

        // Invite by keyboard: focus the card's button and press Enter.
        await first.GetByRole(AriaRole.Button, new() { Name = $"Invite – {firstRef}" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync("**/matches?*done=invited*");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync($"Candidate {firstRef} is invited.");
        var invited = page.Locator($"#candidate-{firstRef}");
        await Assertions.Expect(invited).ToContainTextAsync("Invited, no answer yet");
        await Assertions.Expect(invited.GetByRole(AriaRole.Button, new() { Name = $"Invite – {firstRef}" })).ToHaveCountAsync(0);
        var request = Assert.Single((await strong.GetFromJsonAsync<JsonElement>("/api/me/consents")).EnumerateArray()
            .Concat((await alike.GetFromJsonAsync<JsonElement>("/api/me/consents")).EnumerateArray()));
        Assert.Equal("requested", request.GetProperty("status").GetString());
        Assert.Equal(["skills", "experiences", "contact"], request.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));

        // The outcome, chosen and saved with the keyboard too.
        var other = page.Locator($"#candidate-{lastRef}");
        await other.GetByLabel($"What happened? – {lastRef}").FocusAsync();
        await other.GetByLabel($"What happened? – {lastRef}").SelectOptionAsync("interviewed");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(":focus")).ToHaveAccessibleNameAsync($"Save what happened – {lastRef}");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync("**/matches?*done=outcome*");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync($"Saved what happened with candidate {lastRef}.");
        await Assertions.Expect(page.Locator($"#candidate-{lastRef} dl")).ToContainTextAsync("Interviewed");
        var detail = await employer.Client.GetFromJsonAsync<JsonElement>($"/api/employer/vacancies/{vacancyId}/candidates/{lastRef}");
        Assert.Equal("interviewed", detail.GetProperty("outcome").GetProperty("outcome").GetString());
        await AssertAccessibleAtBothWidthsAsync(page);
    }

    [Fact]
    public async Task CandidatePage_CandidateAccepts_TheSharedDataShows()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var vacancyId = await PublishVacancyAsync(_app, employer.Client, "den-haag", [("empathy", 2, 2)]);
        var (candidate, _) = await TestCandidates.AddAsync(_app, new CandidateSpec(new Dictionary<string, int> { ["empathy"] = 4 }, "den-haag"));
        using var _candidate = candidate;
        var email = (await candidate.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("email").GetString()!;
        var reference = (await MatchesAsync(employer.Client, vacancyId)).GetProperty("candidates")[0].GetProperty("candidateRef").GetString()!;
        var page = await browser.NewPageAsync(_app.Address);
        await SignInAsync(page, employer.Email, Hosting.Accounts.Password);

        await page.GotoAsync($"/employer/vacancies/{vacancyId}/matches");
        await page.Locator($"#candidate-{reference}").GetByRole(AriaRole.Link, new() { Name = $"Open the candidate – {reference}" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Candidate {reference}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("This candidate shares nothing with you yet.");
        await Assertions.Expect(page.Locator("#contact-heading")).ToHaveCountAsync(0);
        await AssertAccessibleAtBothWidthsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Invite" }).ClickAsync();
        await page.WaitForURLAsync($"**/candidates/{reference}?done=invited");
        await Assertions.Expect(page.Locator("#invitation-heading + .status")).ToHaveTextAsync("Invited, no answer yet");
        var consentId = Assert.Single((await candidate.GetFromJsonAsync<JsonElement>("/api/me/consents")).EnumerateArray()).GetProperty("id").GetGuid();
        using (var approved = await candidate.PostAsync($"/api/me/consents/{consentId}/approve", null))
        {
            Assert.True(approved.IsSuccessStatusCode, $"approve: {(int)approved.StatusCode}");
        }

        await page.ReloadAsync();

        await Assertions.Expect(page.Locator("#invitation-heading + .status")).ToHaveTextAsync("Said yes: they share their data with you");
        await Assertions.Expect(page.Locator("#contact-heading")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(email);
        await Assertions.Expect(page.Locator("#skill-empathy")).ToContainTextAsync("Level 4 of 5");
        await AssertAccessibleAtBothWidthsAsync(page);
        var log = await candidate.GetFromJsonAsync<JsonElement>("/api/me/access-log");
        Assert.Contains(log.EnumerateArray(), entry => entry.GetProperty("channel").GetString() == "page");
    }

    [Fact]
    public async Task CandidateMatches_AnotherEmployer_SeesTheSameNotFoundViewAsForAnUnknownVacancy()
    {
        using var owner = await Staff.NewAsync(_app, OrganisationKind.Employer);
        using var other = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var vacancyId = await PublishVacancyAsync(_app, owner.Client, "copenhagen", [("integrity", 2, 2)]);
        (await TestCandidates.AddAsync(_app, new CandidateSpec(new Dictionary<string, int> { ["integrity"] = 3 }, "copenhagen"))).Client.Dispose();
        var reference = (await MatchesAsync(owner.Client, vacancyId)).GetProperty("candidates")[0].GetProperty("candidateRef").GetString();
        var page = await browser.NewPageAsync(_app.Address);
        await SignInAsync(page, other.Email, Hosting.Accounts.Password);

        await page.GotoAsync($"/employer/vacancies/{vacancyId}/matches");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Vacancy not found.");
        await Assertions.Expect(page.Locator(".candidate-card")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".advice")).ToHaveCountAsync(0);
        var notFound = await page.Locator("main").InnerTextAsync();
        await AssertAccessibleAtBothWidthsAsync(page);
        await page.GotoAsync($"/employer/vacancies/{Guid.NewGuid()}/matches");
        Assert.Equal(notFound, await page.Locator("main").InnerTextAsync());

        await page.GotoAsync($"/employer/vacancies/{vacancyId}/candidates/{reference}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Candidate not found");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Invite" })).ToHaveCountAsync(0);
        await AssertAccessibleAtBothWidthsAsync(page);
    }

    [Fact]
    public async Task CandidateMatches_OwnDraftVacancy_SaysItIsNotPublishedAndShowsNobody()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var vacancyId = await DraftVacancyAsync(_app, employer.Client, "copenhagen", [("integrity", 2, 2)]);
        var page = await browser.NewPageAsync(_app.Address);
        await SignInAsync(page, employer.Email, Hosting.Accounts.Password);

        await page.GotoAsync($"/employer/vacancies/{vacancyId}/matches");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("This vacancy is not published.");
        await Assertions.Expect(page.Locator("#not-published")).ToContainTextAsync("Only a published vacancy has candidates.");
        await Assertions.Expect(page.Locator(".candidate-card")).ToHaveCountAsync(0);
        await AssertAccessibleAtBothWidthsAsync(page);
    }

    [Fact]
    public async Task JobsForYou_MeasuredJobSeeker_SeesTheVacancyWithReasonsGapsAndTheLearningPathThatClosesIt()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        await PublishVacancyAsync(_app, employer.Client, "drammen", [("teamwork", 3, 3), ("planning", 1, 2)], hours: 36);
        // Learning paths are limited to the matching distance: the one that closes the gap is taught in Drammen too.
        using var school = await Staff.NewAsync(_app, OrganisationKind.EducationProvider, "education");
        var drammen = PlaceOf(_app, "drammen");
        using (var created = await school.Client.PostAsJsonAsync("/api/education/pathways", new
        {
            title = "Teamwork on the work floor",
            modules = new[] { new { title = "Working in a team", weeks = 4 } },
            location = new { latitude = drammen.Latitude, longitude = drammen.Longitude, place = drammen.Name },
            capacity = 12,
            entryRequirements = Array.Empty<object>(),
            gains = new[] { new { skillId = "teamwork", expectedGain = 1.0 } },
        }))
        {
            var pathwayId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            (await school.Client.PostAsync($"/api/education/pathways/{pathwayId}/open", null)).Dispose();
        }

        var (seeker, _) = await TestCandidates.AddAsync(_app, new CandidateSpec(
            new Dictionary<string, int> { ["teamwork"] = 2, ["planning"] = 3 }, "drammen", 36, Findable: false));
        using var _seeker = seeker;
        var email = (await seeker.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("email").GetString()!;
        var page = await browser.NewPageAsync(_app.Address);
        await SignInAsync(page, email, Hosting.Accounts.Password);

        await OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Jobs for you" }).ClickAsync();

        await page.WaitForURLAsync("**/matches");
        await Assertions.Expect(page.Locator("#not-findable")).ToContainTextAsync("Employers cannot find you now.");
        await Assertions.Expect(page.Locator("#not-findable a")).ToHaveAttributeAsync("href", "/profile#openToMatching");
        var card = page.Locator(".match-card", new() { HasText = "Test job in Drammen" });
        await Assertions.Expect(card).ToContainTextAsync($"Test Employer {employer.OrganisationId:N}");
        await Assertions.Expect(card).ToContainTextAsync("Drammen (where you live)");
        await Assertions.Expect(card).ToContainTextAsync("36 hours a week");
        // A fit is said only when it is good news; "many fit better" would be on most cards and help nobody.
        Assert.All(await card.Locator(".fit").AllInnerTextsAsync(), fit => Assert.Matches(FitPhrase(), fit));
        await Assertions.Expect(card).Not.ToContainTextAsync("fit better for now");
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = "See this job – Test job in Drammen" })).ToHaveAttributeAsync("href", new Regex("^/jobs/"));
        Assert.True(await card.Locator(".reason").CountAsync() > 0, "the card gives reasons");
        await Assertions.Expect(card.Locator(".gaps")).ToContainTextAsync("Teamwork: level 2, the job asks 3.");
        var pathway = card.Locator(".gaps").GetByRole(AriaRole.Link, new() { Name = "Teamwork on the work floor" });
        await Assertions.Expect(pathway).ToHaveAttributeAsync("href", new Regex("^/pathways/[0-9a-f-]{36}$"));
        await AssertAccessibleAtBothWidthsAsync(page);

        await OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Learning paths", Exact = true }).ClickAsync();

        await page.WaitForURLAsync("**/pathways");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Learning paths for you");
        var path = page.Locator(".pathway-card", new() { HasText = "Teamwork on the work floor" });
        await Assertions.Expect(path).ToContainTextAsync("More jobs within your reach: 1.");
        await Assertions.Expect(path).ToContainTextAsync("Teamwork from level 2 to 3 (jobs that ask this: 1)");
        await Assertions.Expect(path).ToContainTextAsync("Yes, you can start now.");
        await Assertions.Expect(path).ToContainTextAsync("weeks");
        await Assertions.Expect(page.Locator(".pathway-card").First).ToContainTextAsync("More jobs within your reach: 1.");
        await AssertAccessibleAtBothWidthsAsync(page);
    }

    [Fact]
    public async Task JobsForYou_NotMeasuredYet_IsAskedKindlyToPlayASprint()
    {
        var page = await SignedInAsNewJobSeekerAsync(_app, browser);

        await page.GotoAsync("/matches");

        await Assertions.Expect(page.Locator("#not-measured")).ToContainTextAsync("Play a sprint first");
        await Assertions.Expect(page.Locator("#not-measured").GetByRole(AriaRole.Link, new() { Name = "Play a sprint" })).ToHaveAttributeAsync("href", "/sprints");
        await Assertions.Expect(page.Locator("#not-findable")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".match-card")).ToHaveCountAsync(0);
        await AssertAccessibleAtBothWidthsAsync(page);
        await page.GotoAsync("/pathways");
        await Assertions.Expect(page.Locator("#not-measured")).ToContainTextAsync("Play a sprint first");
        await AssertAccessibleAtBothWidthsAsync(page);
    }

    [Fact]
    public async Task RankerOversight_AdminRetrains_SeesNotEnoughOutcomesWithTheFigures()
    {
        var page = await browser.NewPageAsync(_app.Address);
        await SignInAsync(page, "admin@demo.test", PassportApp.DemoPassword);

        await OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Matching" }).ClickAsync();

        await page.WaitForURLAsync("**/admin/matching");
        var table = page.Locator("table.models-table");
        await Assertions.Expect(table.Locator("caption")).ToHaveTextAsync("Every model, newest first");
        await Assertions.Expect(table.Locator("tbody tr", new() { HasText = "In use now" })).ToHaveCountAsync(1);
        await Assertions.Expect(table.Locator("tbody tr", new() { HasText = "In use now" })).ToContainTextAsync("Simulated market");
        await AssertAccessibleAtBothWidthsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Retrain now" }).ClickAsync();

        var result = page.Locator("#retrain-result");
        await Assertions.Expect(result).ToContainTextAsync("Not enough outcomes");
        await Assertions.Expect(result).ToContainTextAsync(new Regex(@"(\d+ vacancies have|1 vacancy has) two or more different outcomes; 10 are needed \((\d+|<5) outcomes in all\)\. Nothing changed\."));
        await AssertAccessibleAtBothWidthsAsync(page);
    }

    [Fact]
    public async Task RankerOversight_MakeActive_AsksFirstThenRollsBack()
    {
        var models = _app.Services.GetRequiredService<RankerModelRepository>();
        var store = _app.Services.GetRequiredService<RankerStore>();
        await store.GetAsync();
        var active = (await models.GetActiveAsync())!;
        var earlier = $"sim-test-{Guid.NewGuid():N}"[..20];
        await models.AddAsync(
            new RankerModelRow
            {
                Version = earlier,
                Source = active.Source,
                Status = "Retired",
                TrainedAt = active.TrainedAt,
                TrainingPairs = active.TrainingPairs,
                TrainingVacancies = active.TrainingVacancies,
                HeldOutNdcg = active.HeldOutNdcg,
                Metadata = active.Metadata,
                CreatedAt = active.CreatedAt.AddSeconds(-1),
            },
            (await models.GetModelAsync(active.Version))!);
        try
        {
            var page = await browser.NewPageAsync(_app.Address);
            await SignInAsync(page, "admin@demo.test", PassportApp.DemoPassword);
            await page.GotoAsync("/admin/matching");
            var row = page.Locator($"tr[data-version='{earlier}']");
            await Assertions.Expect(row).ToContainTextAsync("Used before");

            await row.GetByRole(AriaRole.Link, new() { Name = $"Make active – {earlier}" }).ClickAsync();
            await Assertions.Expect(page.Locator("#confirm h2")).ToHaveTextAsync($"Make model {earlier} active?");
            await AssertAccessibleAtBothWidthsAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
            await page.WaitForURLAsync("**/admin/matching");
            await Assertions.Expect(page.Locator("#confirm")).ToHaveCountAsync(0);
            Assert.Equal(active.Version, await models.GetActiveVersionAsync());

            await row.GetByRole(AriaRole.Link, new() { Name = $"Make active – {earlier}" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = $"Yes, make {earlier} active" }).ClickAsync();

            await page.WaitForURLAsync("**/admin/matching?activated=*");
            await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync($"Done. Model {earlier} is in use now.");
            await Assertions.Expect(page.Locator($"tr[data-version='{earlier}']")).ToContainTextAsync("In use now");
            await Assertions.Expect(page.Locator($"tr[data-version='{active.Version}']")).ToContainTextAsync("Used before");
            Assert.Equal(earlier, await models.GetActiveVersionAsync());
        }
        finally
        {
            // Other tests share this host: the model that was active is active again.
            await store.ActivateAsync(active.Version);
        }
    }

    [Theory]
    [InlineData("/employer/vacancies/{0}/matches")]
    [InlineData("/employer/vacancies/{0}/candidates/C-00000000")]
    [InlineData("/admin/matching")]
    public async Task StaffPages_JobSeeker_SeesTheDeniedPage(string path)
    {
        var page = await SignedInAsNewJobSeekerAsync(_app, browser);
        await OpenMenuAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Matching", Exact = true })).ToHaveCountAsync(0);

        await page.GotoAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, Guid.NewGuid()));

        await page.WaitForURLAsync("**/account/denied**");
    }

    [Theory]
    [InlineData("/matches")]
    [InlineData("/pathways")]
    public async Task JobSeekerPages_Employer_SeesTheDeniedPage(string path)
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var page = await browser.NewPageAsync(_app.Address);
        await SignInAsync(page, employer.Email, Hosting.Accounts.Password);
        await OpenMenuAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Jobs for you" })).ToHaveCountAsync(0);

        await page.GotoAsync(path);

        await page.WaitForURLAsync("**/account/denied**");
    }

    [GeneratedRegex(@"^You fit better than (most|some) candidates \(\d+ in 10\)\.$")]
    private static partial Regex FitPhrase();
}
