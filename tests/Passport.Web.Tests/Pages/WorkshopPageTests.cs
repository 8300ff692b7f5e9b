using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Passport.Web.Tests.Hosting;
using static Passport.Web.Tests.Pages.SprintPages;

namespace Passport.Web.Tests.Pages;

/// <summary>
/// The coach's live board in a real browser: a coach opens a workshop, a job seeker joins with its code after the
/// notice and plays a sprint, and the board (another browser) follows their progress live, without answers.
/// </summary>
[Collection(SqliteWebCollection.Name)]
public sealed class WorkshopPageTests(SqliteWebAppFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Coach = "coach@demo.test";

    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task Board_JobSeekerJoinsWithTheCodeAndPlays_CoachSeesProgressLiveAndDone()
    {
        var coach = await browser.NewPageAsync(_app.Address, 1024);
        await SignInAsync(coach, Coach, PassportApp.DemoPassword);
        var title = $"Group {Guid.NewGuid():N}"[..14];
        var code = await OpenWorkshopAsync(coach, title);
        await AssertAccessibleAsync(coach);

        var seeker = await SignedInAsNewJobSeekerAsync(_app, browser);
        await OpenMenuAsync(seeker);
        await seeker.GetByRole(AriaRole.Link, new() { Name = "Join a workshop" }).ClickAsync();
        await AssertAccessibleAsync(seeker);
        // Typed the way people type: lower case, with a dash in the middle.
        await seeker.GetByLabel("Workshop code").FillAsync($"{code[..3].ToLowerInvariant()}-{code[3..]}");
        await seeker.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Assertions.Expect(seeker.Locator("#notice-heading")).ToHaveTextAsync($"Join “{title}”?");
        await Assertions.Expect(seeker.Locator("main")).ToContainTextAsync(
            "Your coach Ingrid (Youth Desk) from Municipality of Eindhoven: Youth Desk will see: your first name, which sprint you play, how far you are and when you finish.");
        await Assertions.Expect(seeker.Locator("main")).ToContainTextAsync("They will not see your answers or your results.");
        await AssertAccessibleAsync(seeker);
        await seeker.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();
        await seeker.WaitForURLAsync("**/workshop/join?joined=true");
        await Assertions.Expect(seeker.Locator("#current-heading")).ToHaveTextAsync("Your workshop");
        await seeker.GotoAsync("/access-log");
        await Assertions.Expect(seeker.Locator("main")).ToContainTextAsync("Municipality of Eindhoven: Youth Desk (Ingrid (Youth Desk)) looked at");

        var card = coach.Locator(".board-card[data-name='Robin']");
        await Assertions.Expect(card).ToContainTextAsync("Not playing a sprint yet", new() { Timeout = 20_000 });
        await Assertions.Expect(coach.Locator("#participants-heading")).ToHaveTextAsync("Taking part: 1");
        var heightBefore = await HeightAsync(card);

        var sprint = await StartFirstSprintAsync(seeker);
        await Assertions.Expect(card.Locator(".board-sprint")).ToHaveTextAsync(sprint, new() { Timeout = 20_000 });
        await Assertions.Expect(card.Locator("progress")).ToHaveAttributeAsync("value", "0");
        for (var index = 0; index < 2; index++)
        {
            await AnswerByKeyboardAsync(seeker, await Question(seeker).GetAttributeAsync("data-kind") ?? "", index);
            await Assertions.Expect(seeker.Locator($"section.question[data-index='{index + 1}']")).ToBeVisibleAsync(Patiently);
            await Assertions.Expect(card.Locator("progress")).ToHaveAttributeAsync("value", $"{index + 1}", new() { Timeout = 20_000 });
            await Assertions.Expect(card.Locator(".board-count")).ToHaveTextAsync(new Regex($@"^\s*{index + 1} of up to \d+ questions\s*$"));
        }

        await PlayToEndAsync(seeker);

        await Assertions.Expect(card.Locator(".board-count")).ToHaveTextAsync(new Regex(@"^\s*Finished\s*$"), new() { Timeout = 20_000 });
        await Assertions.Expect(card.Locator(".board-done")).ToContainTextAsync(sprint);
        Assert.Equal(heightBefore, await HeightAsync(card));
        await Assertions.Expect(coach.Locator("main")).ToContainTextAsync("It never shows answers or results.");
        await AssertAccessibleAsync(coach);
    }

    [Theory]
    [InlineData(360, 640, true)]
    [InlineData(Wide, 800, false)]
    public async Task JoinThenStopForNow_TheJoinFormMakesWayForTheMembershipAndTheBoardShowsPausedLive(int width, int height, bool touch)
    {
        var coach = await browser.NewPageAsync(_app.Address, 1024);
        await SignInAsync(coach, Coach, PassportApp.DemoPassword);
        var code = await OpenWorkshopAsync(coach, $"Pause {Guid.NewGuid():N}"[..14]);
        var seeker = await SignedInAsNewJobSeekerAsync(_app, browser, width, height, touch);

        await seeker.GotoAsync("/workshop/join");
        await seeker.GetByLabel("Workshop code").FillAsync(code);
        await seeker.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await seeker.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();
        await seeker.WaitForURLAsync("**/workshop/join?joined=true");

        // Membership, from the workshop itself, instead of the form: also when the page is opened again later.
        await Assertions.Expect(seeker.Locator("#current-heading")).ToHaveTextAsync("Your workshop");
        await Assertions.Expect(seeker.GetByLabel("Workshop code")).ToHaveCountAsync(0);
        await AssertAccessibleAsync(seeker);
        Assert.True(await FitsWithoutSideScrollingAsync(seeker), "the membership fits the screen");
        await seeker.GotoAsync("/workshop/join");
        await Assertions.Expect(seeker.Locator("#current-heading")).ToHaveTextAsync("Your workshop");
        await Assertions.Expect(seeker.GetByLabel("Workshop code")).ToHaveCountAsync(0);

        var card = coach.Locator(".board-card[data-name='Robin']");
        await Assertions.Expect(card).ToContainTextAsync("Not playing a sprint yet", new() { Timeout = 20_000 });
        var heightBefore = await HeightAsync(card);
        await StartFirstSprintAsync(seeker);
        await AnswerByKeyboardAsync(seeker, await Question(seeker).GetAttributeAsync("data-kind") ?? "", 0);
        await Assertions.Expect(card.Locator(".board-status")).ToHaveTextAsync("Playing now", new() { Timeout = 20_000 });
        await Assertions.Expect(card.Locator("progress")).ToHaveAttributeAsync("value", "1", new() { Timeout = 20_000 });

        await seeker.GetByRole(AriaRole.Button, new() { Name = "Stop for now" }).ClickAsync();
        await seeker.WaitForURLAsync("**/sprints?paused=true");

        await Assertions.Expect(card.Locator(".board-status")).ToHaveTextAsync("Paused (stopped for now)", new() { Timeout = 20_000 });
        await Assertions.Expect(card).ToHaveAttributeAsync("data-activity", "Paused");
        await Assertions.Expect(coach.Locator("#participants-heading ~ [role=status]")).ToHaveTextAsync("Robin paused.");
        await Assertions.Expect(card.Locator("progress")).ToHaveAttributeAsync("value", "1");
        await AssertAccessibleAsync(coach);
        // The row keeps its height as it fills in, so nothing on the board moves.
        Assert.Equal(heightBefore, await HeightAsync(card));

        await seeker.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Continue") }).First.ClickAsync();
        await Assertions.Expect(Question(seeker)).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(card.Locator(".board-status")).ToHaveTextAsync("Playing now", new() { Timeout = 20_000 });
    }

    [Fact]
    public async Task Workshops_CoachClosesOne_TheCodeNoLongerJoins()
    {
        var coach = await browser.NewPageAsync(_app.Address);
        await SignInAsync(coach, Coach, PassportApp.DemoPassword);
        var title = $"Close {Guid.NewGuid():N}"[..14];
        var code = await OpenWorkshopAsync(coach, title);
        await coach.GotoAsync("/coach/workshops");
        await AssertAccessibleAsync(coach);
        Assert.True(await FitsWithoutSideScrollingAsync(coach), "the list fits 320 px");

        await coach.Locator(".workshop-card", new() { HasText = title }).GetByRole(AriaRole.Button, new() { Name = $"Close – {title}" }).ClickAsync();

        await coach.WaitForURLAsync("**/coach/workshops?closed=true");
        await Assertions.Expect(coach.Locator(".workshop-card", new() { HasText = title })).ToHaveCountAsync(0);
        var seeker = await SignedInAsNewJobSeekerAsync(_app, browser);
        await seeker.GotoAsync("/workshop/join");
        await seeker.GetByLabel("Workshop code").FillAsync(code);
        await seeker.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Assertions.Expect(seeker.Locator(".error-summary")).ToContainTextAsync("This workshop is closed.");
        await seeker.GetByLabel("Workshop code").FillAsync("O0I1");
        await seeker.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Assertions.Expect(seeker.Locator(".error-summary")).ToContainTextAsync("Type the 6 letters and numbers of the code.");
        await AssertAccessibleAsync(seeker);
    }

    [Theory]
    [InlineData("/coach/workshops")]
    [InlineData("/coach/workshops/0193a000-0000-7000-8000-000000000999")]
    public async Task CoachPages_JobSeeker_SeesTheDeniedPage(string path)
    {
        var page = await SignedInAsNewJobSeekerAsync(_app, browser);

        await page.GotoAsync(path);

        await page.WaitForURLAsync("**/account/denied**");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("You do not have access to this page");
    }

    [Fact]
    public async Task JoinPage_Coach_SeesTheDeniedPage()
    {
        var page = await browser.NewPageAsync(_app.Address);
        await SignInAsync(page, Coach, PassportApp.DemoPassword);
        await OpenMenuAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Join a workshop" })).ToHaveCountAsync(0);

        await page.GotoAsync("/workshop/join");

        await page.WaitForURLAsync("**/account/denied**");
    }

    [Fact]
    public async Task Board_StaffWhoAreNotCoaches_SeeTheDeniedPage()
    {
        var coach = await browser.NewPageAsync(_app.Address);
        await SignInAsync(coach, Coach, PassportApp.DemoPassword);
        await OpenWorkshopAsync(coach, "Not for others");
        var board = coach.Url;
        var employer = await browser.NewPageAsync(_app.Address);
        await SignInAsync(employer, "employer@demo.test", PassportApp.DemoPassword);

        await employer.GotoAsync(board);

        await employer.WaitForURLAsync("**/account/denied**");
    }

    private static Task<double> HeightAsync(ILocator card) => card.EvaluateAsync<double>("card => card.getBoundingClientRect().height");

    /// <summary>Opens a workshop from the coach's list; answers its join code, read off the board.</summary>
    private static async Task<string> OpenWorkshopAsync(IPage coach, string title)
    {
        await OpenMenuAsync(coach);
        await coach.GetByRole(AriaRole.Link, new() { Name = "Workshops" }).ClickAsync();
        await coach.GetByLabel("Name of the workshop").FillAsync(title);
        await coach.GetByRole(AriaRole.Button, new() { Name = "Open the workshop" }).ClickAsync();
        await coach.WaitForURLAsync(new Regex(@"/coach/workshops/[0-9a-f-]{36}$"));
        await Assertions.Expect(coach.Locator("h1")).ToHaveTextAsync(title);
        var code = (await coach.Locator("#join-code").InnerTextAsync()).Trim();
        Assert.Matches("^[A-Z2-9]{6}$", code);
        return code;
    }
}
