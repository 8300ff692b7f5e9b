using Microsoft.Playwright;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Pages;

[Collection(SqliteWebCollection.Name)]
public sealed class TmpScreenshotTests(SqliteWebAppFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Tmp_Screens()
    {
        var page = await SprintPages.SignedInAsNewJobSeekerAsync(fixture.App, browser, 320);
        await page.GotoAsync("/sprints");
        await page.ScreenshotAsync(new() { Path = "/tmp/sprintpages/list.png", FullPage = true });
        await SprintPages.StartFirstSprintAsync(page);
        var seen = new HashSet<string>();
        await SprintPages.PlayToEndAsync(page, async (p, kind) =>
        {
            if (seen.Add(kind))
            {
                if (kind == "rank")
                {
                    System.IO.File.WriteAllText("/tmp/sprintpages/rank.txt", await p.EvaluateAsync<string>("JSON.stringify([...document.querySelectorAll('.rank-buttons, .rank-buttons button, .rank-item')].slice(0,4).map(e => [e.className, e.getBoundingClientRect().width, getComputedStyle(e).display, getComputedStyle(e).flexWrap])) "));
                }

                await p.ScreenshotAsync(new() { Path = $"/tmp/sprintpages/q-{kind}.png", FullPage = true });
            }
        });
        await page.ScreenshotAsync(new() { Path = "/tmp/sprintpages/result.png", FullPage = true });
        await page.GotoAsync("/passport");
        await page.ScreenshotAsync(new() { Path = "/tmp/sprintpages/passport.png", FullPage = true });
        await page.Locator(".skill-card:has(.band)").First.ScreenshotAsync(new() { Path = "/tmp/sprintpages/skill.png" });
        await page.Locator("section.panel").First.ScreenshotAsync(new() { Path = "/tmp/sprintpages/progress.png" });
        await page.SetViewportSizeAsync(1280, 900);
        await page.ScreenshotAsync(new() { Path = "/tmp/sprintpages/passport-wide.png", FullPage = false });
        await page.GotoAsync("/sprints");
        await page.ScreenshotAsync(new() { Path = "/tmp/sprintpages/list-after.png", FullPage = true });
    }
}
