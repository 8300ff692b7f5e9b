using System.Globalization;
using Microsoft.Playwright;
using Passport.Domain.Insights.Cohort;
using Passport.Web.Tests.Hosting;
using static Passport.Web.Tests.Pages.SprintPages;

namespace Passport.Web.Tests.Pages;

/// <summary>
/// The municipality's knowledge base in a real browser: every table beside its server-drawn chart, no count of one to
/// four anywhere on the page, the value estimate with its inputs, reachable by keyboard, in four languages, at 320 px
/// and wide with no axe violations; and the barriers a young person ticks on their plan.
/// </summary>
[Collection(SqliteWebCollection.Name)]
public sealed class MunicipalityInsightsPageTests(SqliteWebAppFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Coach = "coach@demo.test";

    private static readonly string[] Tables =
    [
        CohortCalculator.StatusByDistrict, CohortCalculator.AgeByDistrict, CohortCalculator.BarriersByDistrict, CohortCalculator.SkillLevels,
        CohortCalculator.FlowsByMonth, CohortCalculator.OutcomesAfterPlanStart, CohortCalculator.HandoversByDistrict,
    ];

    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task KnowledgeBase_Coach_SeesProtectedTablesChartsAndTheValueByKeyboard()
    {
        var page = await SignedInAsync(_app, browser, Coach, PassportApp.DemoPassword);
        await OpenMenuAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Knowledge base", Exact = true })).ToHaveAttributeAsync("href", "/municipality/insights");
        // Counting everyone in the deployment takes a moment on a busy test machine.
        await page.GotoAsync("/municipality/insights", new() { Timeout = 120_000 });

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("What we know about our young people");
        foreach (var table in Tables)
        {
            await Assertions.Expect(page.Locator($"svg#{table}-chart")).ToHaveAttributeAsync("role", "img");
            Assert.True(await page.Locator($"#{table}-table tbody tr").CountAsync() > 0, $"{table} has rows");
        }

        // Every figure on the page is 0, five or more, or "hidden"; the demo's simulated young people give all three.
        var cells = await page.Locator(".data-table td").AllTextContentsAsync();
        var numbers = cells.Select(cell => cell.Trim()).Where(cell => cell.Length > 0 && cell != "hidden")
            .Select(cell => int.Parse(cell, NumberStyles.AllowThousands, CultureInfo.CurrentCulture)).ToList();
        Assert.DoesNotContain(numbers, number => number is > 0 and < DisclosureControl.Threshold);
        Assert.Contains("hidden", cells.Select(cell => cell.Trim()));
        Assert.Contains(numbers, number => number >= DisclosureControl.Threshold);
        await Assertions.Expect(page.Locator("#value-inputs")).ToContainTextAsync("EUR 20,000");
        await Assertions.Expect(page.Locator("#value-estimate")).ToContainTextAsync("EUR");
        await AssertAccessibleAtBothWidthsAsync(page);

        // By keyboard: tab to the contents, follow the link to the value estimate.
        var reached = false;
        for (var press = 0; press < 40 && !reached; press++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await page.EvaluateAsync<bool>("document.activeElement?.getAttribute('href') === '/municipality/insights#value-heading'");
        }

        Assert.True(reached, "the link to the value estimate is reachable by Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/municipality/insights#value-heading");
        await Assertions.Expect(page.Locator("#value-heading")).ToBeInViewportAsync();

        foreach (var (language, heading) in new[] { ("nl", "Wat we weten over onze jongeren"), ("da", "Det ved vi om vores unge"), ("nb", "Det vi vet om ungdommene våre") })
        {
            await page.GotoAsync($"/language/{language}?returnUrl=%2Fmunicipality%2Finsights", new() { Timeout = 120_000 });
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
            await AssertAccessibleAtBothWidthsAsync(page);
        }

        await page.GotoAsync("/language/en?returnUrl=%2Fmunicipality%2Finsights", new() { Timeout = 120_000 });
    }

    [Fact]
    public async Task KnowledgeBase_JobSeeker_SeesTheDeniedPageAndTicksBarriersOnTheirPlan()
    {
        var page = await SignedInAsNewJobSeekerAsync(_app, browser);
        await OpenMenuAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Knowledge base", Exact = true })).ToHaveCountAsync(0);
        await AssertDeniedAsync(page, "/municipality/insights");

        await page.GotoAsync("/plan");
        await page.Locator("#barrier-housing").CheckAsync();
        await page.Locator("#barrier-transport").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/plan?saved=true");

        await Assertions.Expect(page.Locator("#barrier-housing")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#barrier-transport")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#barrier-money")).Not.ToBeCheckedAsync();
        await AssertAccessibleAtBothWidthsAsync(page);
    }
}
