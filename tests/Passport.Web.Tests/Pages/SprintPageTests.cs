using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Passport.Web.Tests.Hosting;
using static Passport.Web.Tests.Pages.SprintPages;

namespace Passport.Web.Tests.Pages;

/// <summary>
/// The sprint list, the live player (Blazor Interactive Server) and the passport in a real browser: a whole
/// sprint played by keyboard, continuing after a reload, stopping and quitting, who may see the pages, WCAG 2.1 AA.
/// </summary>
[Collection(SqliteWebCollection.Name)]
public sealed class SprintPageTests(SqliteWebAppFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task Player_NewJobSeekerPlaysAWholeSprintByKeyboard_SeesTheResultAndTheSkillsInThePassport()
    {
        var page = await SignedInAsNewJobSeekerAsync(_app, browser);
        var errors = CollectConsoleErrors(page);
        var title = await StartFirstSprintAsync(page);
        await Assertions.Expect(page.Locator(".question-counter")).ToHaveTextAsync(new Regex(@"^Question 1 of up to \d+$"));
        await Assertions.Expect(page.Locator("progress#sprint-progress")).ToHaveAttributeAsync("value", "0");

        var kinds = await PlayToEndAsync(page, async (question, kind) =>
        {
            await Assertions.Expect(question.Locator(".question-counter")).ToHaveTextAsync(new Regex(@"^Question \d+ of up to \d+$"));
            if (kind == "timed")
            {
                await Assertions.Expect(question.Locator(".countdown-text")).ToHaveTextAsync(new Regex(@"^(\d+ seconds left|1 second left|Time is up)$"));
            }
        });

        await Assertions.Expect(page.Locator("#result-heading")).ToHaveTextAsync($"Well done! You finished “{title}”");
        await Assertions.Expect(page.Locator("#result-heading")).ToBeFocusedAsync();
        var skills = Result(page).Locator(".skill-card");
        var names = await skills.Locator("h4").AllInnerTextsAsync();
        Assert.NotEmpty(names);
        foreach (var card in await skills.AllAsync())
        {
            await Assertions.Expect(card.Locator(".skill-level")).ToHaveTextAsync(new Regex(@"^Level [1-5] of 5$"));
            await Assertions.Expect(card).ToContainTextAsync("What you do well:");
            await Assertions.Expect(card).ToContainTextAsync("Try this next:");
        }

        await Assertions.Expect(Result(page)).ToContainTextAsync("First steps");
        await Assertions.Expect(Result(page)).ToContainTextAsync("You finished your first sprint.");
        Assert.DoesNotMatch(@"-?\d+[.,]\d{2,}", await Result(page).InnerTextAsync());
        Assert.True(await FitsWithoutSideScrollingAsync(page), "the result fits 320 px");

        await page.GetByRole(AriaRole.Link, new() { Name = "See my passport" }).ClickAsync();
        await page.WaitForURLAsync("**/passport");
        foreach (var name in names)
        {
            var card = page.Locator(".skill-card").Filter(new() { Has = page.Locator("h3", new() { HasTextRegex = new Regex($"^{Regex.Escape(name)}$") }) });
            await Assertions.Expect(card.Locator(".skill-level")).ToHaveTextAsync(new Regex(@"^Level [1-5] of 5$"));
            await Assertions.Expect(card.Locator(".band-text")).ToHaveTextAsync(new Regex(@"^(Probably level [1-5], could be [1-5] to [1-5]|Very likely level [1-5])$"));
            await Assertions.Expect(card.Locator(".evidence")).ToContainTextAsync(title);
            await Assertions.Expect(card.Locator(".history-table tbody tr")).ToHaveCountAsync(1);
        }

        await Assertions.Expect(page.Locator(".skill-card .not-measured").First).ToBeVisibleAsync();
        await page.GotoAsync("/sprints");
        await Assertions.Expect(page.Locator(".sprint-card", new() { HasText = title }).Locator(".cooling")).ToHaveTextAsync(new Regex(@"^Well played! You can play this again at \d\d:\d\d, with new questions\.$"));
        // The home's next step follows: a new account has chosen no kind of work yet, which matching needs first.
        await page.GotoAsync("/home");
        await Assertions.Expect(page.Locator("#next-step")).ToHaveAttributeAsync("data-step", "FinishProfile");
        await Assertions.Expect(page.Locator("#next-step a")).ToHaveAttributeAsync("href", "/profile");
        Assert.NotEmpty(kinds);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Home_NewJobSeeker_LandsOnItAndItsFirstSprintLinkStartsASprint()
    {
        var page = await SignedInAsNewJobSeekerAsync(_app, browser);
        Assert.Equal("/home", new Uri(page.Url).AbsolutePath);
        var next = page.Locator("#next-step");
        await Assertions.Expect(next.Locator("h2")).ToHaveTextAsync("Play your first sprint");
        await AssertAccessibleAtBothWidthsAsync(page);

        await next.GetByRole(AriaRole.Link, new() { Name = "Play your first sprint" }).ClickAsync();

        await page.WaitForURLAsync(new Regex(@"/sprints/[^/]+/play$"));
        await Assertions.Expect(Question(page)).ToBeVisibleAsync(Patiently);
    }

    [Fact]
    public async Task Player_WithReducedMotion_ShowsTheXpWithoutAnimation()
    {
        var page = await SignedInAsNewJobSeekerAsync(_app, browser);
        await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        await StartFirstSprintAsync(page);

        await AnswerByKeyboardAsync(page, await Question(page).GetAttributeAsync("data-kind") ?? "", 0);

        await Assertions.Expect(page.Locator(".xp-gain")).ToHaveTextAsync(new Regex(@"^\+\d+ XP$"), new() { Timeout = 20_000 });
        Assert.Equal("none", await page.Locator(".xp-gain").EvaluateAsync<string>("element => getComputedStyle(element).animationName"));
        await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.NoPreference });
        Assert.Equal("xp-pop", await page.Locator(".xp-gain").EvaluateAsync<string>("element => getComputedStyle(element).animationName"));
    }

    [Fact]
    public async Task Player_ReloadedMidSprint_ContinuesAtTheSameQuestion()
    {
        var page = await SignedInAsNewJobSeekerAsync(_app, browser);
        await StartFirstSprintAsync(page);
        var kind = await Question(page).GetAttributeAsync("data-kind") ?? "";
        await AnswerByKeyboardAsync(page, kind, 0);
        await Assertions.Expect(page.Locator("section.question[data-index='1']")).ToBeVisibleAsync(Patiently);
        var prompt = await page.Locator(".question-prompt").InnerTextAsync();

        await page.ReloadAsync();

        await Assertions.Expect(page.Locator("section.question[data-index='1']")).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(page.Locator(".question-prompt")).ToHaveTextAsync(prompt);
        await Assertions.Expect(page.Locator(".question-counter")).ToHaveTextAsync(new Regex("^Question 2 of up to"));
        await Assertions.Expect(page.Locator("#question-heading")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Player_ConnectionDropsBriefly_SaysSoInPlainWordsAndCarriesOn()
    {
        var page = await SignedInAsNewJobSeekerAsync(_app, browser);
        IWebSocketRoute? client = null;
        IWebSocketRoute? server = null;
        await page.RouteWebSocketAsync(new Regex("/_blazor"), socket =>
        {
            client = socket;
            server = socket.ConnectToServer();
        });
        await StartFirstSprintAsync(page);
        // Blazor reconnects at once, so what the player saw is recorded as it happens.
        await page.EvaluateAsync("""
            () => {
                window.reconnectStates = [];
                const element = document.getElementById('components-reconnect-modal');
                element.addEventListener('components-reconnect-state-changed', event =>
                    window.reconnectStates.push({ state: event.detail.state, display: getComputedStyle(element).display, text: element.innerText.trim() }));
            }
            """);

        await server!.CloseAsync();
        await client!.CloseAsync();

        await page.WaitForFunctionAsync("() => window.reconnectStates.some(entry => entry.state === 'hide')");
        var shown = await page.EvaluateAsync<string>("() => JSON.stringify(window.reconnectStates.find(entry => entry.state === 'show'))");
        Assert.Contains("\"display\":\"block\"", shown, StringComparison.Ordinal);
        Assert.Contains("The connection is lost. We are trying to connect again. Your answers are saved.", shown, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync();
        await AnswerByKeyboardAsync(page, await Question(page).GetAttributeAsync("data-kind") ?? "", 0);
        await Assertions.Expect(page.Locator("section.question[data-index='1']")).ToBeVisibleAsync(Patiently);
    }

    [Fact]
    public async Task Player_SameSprintOpenInTwoTabs_BothFollowTheSession()
    {
        var first = await SignedInAsNewJobSeekerAsync(_app, browser);
        await StartFirstSprintAsync(first);
        var second = await first.Context.NewPageAsync();
        await second.GotoAsync(first.Url);
        await Assertions.Expect(second.Locator("section.question[data-index='0']")).ToBeVisibleAsync(Patiently);

        // The second tab took the session's pushes; the first still gets its own answer's next step.
        await AnswerByKeyboardAsync(first, await Question(first).GetAttributeAsync("data-kind") ?? "", 0);

        await Assertions.Expect(first.Locator("section.question[data-index='1']")).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(second.Locator("section.question[data-index='1']")).ToBeVisibleAsync(Patiently);
    }

    [Fact]
    public async Task Player_StopForNow_KeepsThePlaceAndTheListOffersToContinue()
    {
        var page = await SignedInAsNewJobSeekerAsync(_app, browser);
        var title = await StartFirstSprintAsync(page);
        await AnswerByKeyboardAsync(page, await Question(page).GetAttributeAsync("data-kind") ?? "", 1);
        await Assertions.Expect(page.Locator("section.question[data-index='1']")).ToBeVisibleAsync(Patiently);

        await page.GetByRole(AriaRole.Button, new() { Name = "Stop for now" }).ClickAsync();
        await page.WaitForURLAsync("**/sprints?paused=true");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your sprint is saved. You can carry on whenever you like.");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Continue – {title}" }).ClickAsync();

        await Assertions.Expect(page.Locator("section.question[data-index='1']")).ToBeVisibleAsync(Patiently);
    }

    [Fact]
    public async Task Player_QuitAfterConfirming_EndsTheSprintAndItCanBeStartedAfresh()
    {
        var page = await SignedInAsNewJobSeekerAsync(_app, browser);
        var title = await StartFirstSprintAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Quit this sprint" }).ClickAsync();
        await Assertions.Expect(page.Locator("#quit-heading")).ToBeFocusedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "No, keep playing" }).ClickAsync();
        await Assertions.Expect(page.Locator("#question-heading")).ToBeFocusedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Quit this sprint" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, quit" }).ClickAsync();

        await Assertions.Expect(page.Locator("#quit-done-heading")).ToHaveTextAsync("You stopped this sprint. The answers you gave are in your passport.");
        await Assertions.Expect(page.Locator("#quit-done-heading")).ToBeFocusedAsync();
        await page.GotoAsync("/sprints");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Play – {title}" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Play – {title}" }).ClickAsync();
        await Assertions.Expect(page.Locator("section.question[data-index='0']")).ToBeVisibleAsync(Patiently);
    }

    [Fact]
    public async Task Player_InDutch_AsksAndCountsInDutch()
    {
        var page = await SignedInAsNewJobSeekerAsync(_app, browser);
        await page.GotoAsync("/sprints");
        await OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Nederlands" }).ClickAsync();
        // The URL is /sprints before and after the switch, so wait for the page to speak Dutch instead.
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        await page.Locator(".sprint-card").First.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Spelen – ") }).ClickAsync();

        await Assertions.Expect(page.Locator(".question-counter")).ToHaveTextAsync(new Regex(@"^Vraag 1 van hooguit \d+$"), new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator(".answer-form button[type=submit]")).ToHaveTextAsync("Stuur mijn antwoord");
    }

    [Fact]
    public async Task SprintList_ShowsEachSprintsSkillsTimeAndKindsOfQuestions()
    {
        var page = await SignedInAsNewJobSeekerAsync(_app, browser);

        await page.GotoAsync("/sprints");

        var card = page.Locator(".sprint-card").First;
        await Assertions.Expect(card.Locator("dl")).ToContainTextAsync("Skills");
        await Assertions.Expect(card.Locator("dl")).ToContainTextAsync(new Regex(@"About \d+ minutes"));
        await Assertions.Expect(card.Locator("dl")).ToContainTextAsync(new Regex("pick the best answer|put answers in order|say how you would act|answer before the time is up"));
        await OpenMenuAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" }).GetByRole(AriaRole.Link, new() { Name = "My passport" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Passport_BeforeAnySprint_ListsEverySkillAsNotMeasuredAndTheBadgesToEarn()
    {
        var page = await SignedInAsNewJobSeekerAsync(_app, browser);

        await page.GotoAsync("/passport");

        Assert.Equal(await page.Locator(".skill-card").CountAsync(), await page.Locator(".skill-card .not-measured").CountAsync());
        await Assertions.Expect(page.Locator(".to-earn .badge")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("progress#level-progress")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("/sprints")]
    [InlineData("/passport")]
    [InlineData("/sprints/fix-it/play")]
    public async Task SprintPages_Anonymous_AreSentToSignIn(string path)
    {
        var page = await browser.NewPageAsync(_app.Address);

        await page.GotoAsync(path);

        await page.WaitForURLAsync($"**/account/signin?ReturnUrl={Uri.EscapeDataString(path)}");
    }

    [Theory]
    [InlineData("/sprints")]
    [InlineData("/passport")]
    [InlineData("/sprints/fix-it/play")]
    public async Task SprintPages_Staff_SeeTheDeniedPage(string path)
    {
        var page = await browser.NewPageAsync(_app.Address);
        await SignInAsync(page, "employer@demo.test", PassportApp.DemoPassword);

        await page.GotoAsync(path);

        await page.WaitForURLAsync("**/account/denied**");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("You do not have access to this page");
        await OpenMenuAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "My passport" })).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData(320)]
    [InlineData(1280)]
    public async Task SprintPages_ListQuestionsResultAndPassport_MeetWcag21AA(int width)
    {
        var page = await SignedInAsNewJobSeekerAsync(_app, browser, width);
        await page.GotoAsync("/sprints");
        await AssertAccessibleAsync(page);
        Assert.True(await FitsWithoutSideScrollingAsync(page), "the sprint list fits");
        await StartFirstSprintAsync(page);

        // Every question shown is checked, so each kind the sprint presents is covered.
        await PlayToEndAsync(page, async (question, _) =>
        {
            await AssertAccessibleAsync(question);
            Assert.True(await FitsWithoutSideScrollingAsync(question), "the question fits");
        });
        await AssertAccessibleAsync(page);

        await page.GotoAsync("/passport");
        await AssertAccessibleAsync(page);
        Assert.True(await FitsWithoutSideScrollingAsync(page), "the passport fits");
    }

    private static List<string> CollectConsoleErrors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }
}
