using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;
using static Passport.Web.Tests.Pages.SprintPages;

namespace Passport.Web.Tests.Pages;

/// <summary>
/// The education insights page in a real browser: demand against supply as a table and a server-drawn chart, the
/// filters, the what-if of a pathway or of one skill, and small counts shown as "&lt;5" like the API shows them.
/// </summary>
[Collection(SqliteWebCollection.Name)]
public sealed class InsightsPageTests(SqliteWebAppFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string School = "school@demo.test";

    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task Insights_Partner_SeesTheTableTheChartAndWhatIfResults()
    {
        var page = await SignedInAsync(_app, browser, School, PassportApp.DemoPassword);
        await OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Insights", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/education/insights");

        var rows = page.Locator("#demand-table tbody tr");
        Assert.True(await rows.CountAsync() > 0, "the table has rows");
        await Assertions.Expect(page.Locator("#demand-table caption")).ToHaveTextAsync("Demand and supply per skill and level");
        await Assertions.Expect(page.Locator("svg#demand-chart")).ToHaveAttributeAsync("role", "img");
        await Assertions.Expect(page.Locator("#demand-chart-desc")).ToContainTextAsync("The table with the chart has the same numbers.");
        await Assertions.Expect(page.Locator("svg#demand-chart rect.bar-demand")).ToHaveCountAsync(await rows.CountAsync());
        await AssertCountsAreShownOrSuppressedAsync(page);
        var allSummary = await page.Locator("#insights-summary").InnerTextAsync();
        await AssertAccessibleAtBothWidthsAsync(page);

        await page.Locator("#sector").SelectOptionAsync("logistics");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/education/insights?sector=logistics&region=");
        await Assertions.Expect(page.Locator("#sector")).ToHaveValueAsync("logistics");
        Assert.True(await rows.CountAsync() > 0, "logistics vacancies ask for skills");
        Assert.NotEqual(allSummary, await page.Locator("#insights-summary").InnerTextAsync());

        await page.Locator("#skillId").SelectOptionAsync("creativity");
        await page.Locator("#delta").SelectOptionAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Test this growth" }).ClickAsync();

        var result = page.Locator("#what-if-result");
        await Assertions.Expect(result).ToContainTextAsync("Growth in levels: Creativity +2.");
        var now = int.Parse(await page.Locator("#qualifying-now").InnerTextAsync(), CultureInfo.InvariantCulture);
        var after = int.Parse(await page.Locator("#qualifying-after").InnerTextAsync(), CultureInfo.InvariantCulture);
        Assert.True(after >= now, $"{after} >= {now}");
        await Assertions.Expect(page.Locator("#skillId")).ToHaveValueAsync("creativity");
        await AssertAccessibleAtBothWidthsAsync(page);

        await page.Locator("#pathwayId").SelectOptionAsync("0193a000-0000-7000-8000-000000000301");
        await page.GetByRole(AriaRole.Button, new() { Name = "Test this pathway" }).ClickAsync();

        await page.WaitForURLAsync("**/education/insights?pathwayId=0193a000-0000-7000-8000-000000000301*");
        await Assertions.Expect(result).ToContainTextAsync("Growth in levels: Problem solving +1, Planning +0.5, Reliability +1 and Communication +0.5.");
        await Assertions.Expect(page.Locator("#pathwayId")).ToHaveValueAsync("0193a000-0000-7000-8000-000000000301");
        await AssertAccessibleAtBothWidthsAsync(page);
    }

    [Fact]
    public async Task WhatIf_AnotherProvidersDraftOrABadDelta_ShowsTheErrorAndNoResult()
    {
        using var other = await Staff.NewAsync(_app, OrganisationKind.EducationProvider, "education");
        Guid draft;
        using (var created = await other.Client.PostAsJsonAsync("/api/education/pathways", new
        {
            title = "Hidden draft",
            modules = new[] { new { title = "One", weeks = 1 } },
            location = new { latitude = 51.44, longitude = 5.47, place = "Eindhoven" },
            capacity = 10,
            gains = new[] { new { skillId = "teamwork", expectedGain = 1 } },
        }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            draft = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        var page = await SignedInAsync(_app, browser, School, PassportApp.DemoPassword);
        await Assertions.Expect(page.Locator("#pathwayId option", new() { HasText = "Hidden draft" })).ToHaveCountAsync(0);

        await page.GotoAsync($"/education/insights?pathwayId={draft}");

        await Assertions.Expect(page.Locator("#pathwayId-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#what-if-result")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Hidden draft");

        await page.GotoAsync("/education/insights?skillId=teamwork&delta=7");

        await Assertions.Expect(page.Locator("#delta-error")).ToHaveTextAsync("Enter a growth from 0.5 to 2 levels, in steps of 0.5.");
        await Assertions.Expect(page.Locator("#what-if-result")).ToHaveCountAsync(0);
        await AssertAccessibleAtBothWidthsAsync(page);
    }

    [Fact]
    public async Task Insights_PartnerSeesTheSameCountsAsTheApi()
    {
        using var school = await _app.CreateClientForAsync(School);
        var page = await SignedInAsync(_app, browser, School, PassportApp.DemoPassword);

        await page.GotoAsync("/education/insights?all=true");
        var api = await school.GetFromJsonAsync<JsonElement>("/api/education/insights");

        var shown = await page.Locator("#demand-table tbody tr").EvaluateAllAsync<string[][]>(
            "rows => rows.map(row => [...row.querySelectorAll('th, td')].map(cell => cell.textContent.trim()))");
        var expected = api.GetProperty("skills").EnumerateArray()
            .Select(row => $"{row.GetProperty("minimumLevel").GetInt32()}|{row.GetProperty("vacancies").GetInt32()}|{row.GetProperty("supply").GetProperty("label").GetString()}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, shown.Select(cells => $"{cells[1]}|{cells[2]}|{cells[4]}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Chart_OnAPhone_FitsOneScreenIsSortedByTheGapAndHasItsTable()
    {
        var page = await browser.NewPageAsync(_app.Address, 360, 640, touch: true);
        await SignInAsync(page, School, PassportApp.DemoPassword);
        await page.GotoAsync("/education/insights");

        var chart = page.Locator("svg#demand-chart");
        var bars = chart.Locator("g.chart-row");
        var rows = page.Locator("#demand-table tbody tr");
        await Assertions.Expect(bars).ToHaveCountAsync(8);
        await Assertions.Expect(rows).ToHaveCountAsync(8);
        var box = await chart.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Width <= 360 && box.Height <= 640, $"the chart fits one phone screen ({box.Width} x {box.Height} px)");
        Assert.True(await FitsWithoutSideScrollingAsync(page), "the page fits 360 px");
        await Assertions.Expect(page.Locator("#demand-shown")).ToContainTextAsync("The first 8 of");
        AssertSortedByGap(await TableRowsAsync(page));
        // The chart's rows are the table's rows, in the same order.
        var labels = await bars.EvaluateAllAsync<string[]>("rows => rows.map(row => row.dataset.vacancies + '|' + row.dataset.supply)");
        Assert.Equal((await TableRowsAsync(page)).Select(row => $"{row[2]}|{row[4]}"), labels);
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Show all" }).ClickAsync();
        await page.WaitForURLAsync("**/education/insights?*all=true*");
        var all = await TableRowsAsync(page);
        Assert.True(all.Length > 8, $"all {all.Length} rows");
        await Assertions.Expect(bars).ToHaveCountAsync(all.Length);
        AssertSortedByGap(all);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Show the first 8 only" })).ToBeVisibleAsync();
        await AssertAccessibleAtBothWidthsAsync(page);
    }

    [Fact]
    public async Task Chart_OneVacancy_SaysVacancyNotVacancies()
    {
        var page = await SignedInAsync(_app, browser, School, PassportApp.DemoPassword);
        await page.GotoAsync("/education/insights?all=true");

        var values = await page.Locator("svg#demand-chart text.chart-value").AllTextContentsAsync();
        Assert.Contains("1 vacancy", values);
        Assert.DoesNotContain(values, value => value.StartsWith("1 vacancies", StringComparison.Ordinal));
        Assert.Contains(values, value => System.Text.RegularExpressions.Regex.IsMatch(value, @"^\d+ vacancies$"));

        await page.GotoAsync("/language/nl?returnUrl=%2Feducation%2Finsights%3Fall%3Dtrue");
        values = await page.Locator("svg#demand-chart text.chart-value").AllTextContentsAsync();
        Assert.Contains("1 vacature", values);
        Assert.DoesNotContain("1 vacatures", values);
    }

    [Fact]
    public async Task InsightsPage_JobSeeker_SeesTheDeniedPage()
    {
        var page = await SignedInAsNewJobSeekerAsync(_app, browser);
        await OpenMenuAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Insights", Exact = true })).ToHaveCountAsync(0);

        await AssertDeniedAsync(page, "/education/insights");
    }

    /// <summary>The table's cells, row by row (skill, level, vacancies, importance, job seekers).</summary>
    private static Task<string[][]> TableRowsAsync(IPage page) =>
        page.Locator("#demand-table tbody tr").EvaluateAllAsync<string[][]>(
            "rows => rows.map(row => [...row.querySelectorAll('th, td')].map(cell => cell.textContent.trim()))");

    /// <summary>Vacancies minus job seekers never grows down the table ("&lt;5" counts as none).</summary>
    private static void AssertSortedByGap(string[][] rows)
    {
        var gaps = rows.Select(cells => int.Parse(cells[2], CultureInfo.InvariantCulture) - (cells[4] == "<5" ? 0 : int.Parse(cells[4], CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(gaps.OrderDescending(), gaps);
    }

    /// <summary>Every supply cell is a count of at least five or "&lt;5", never a smaller number.</summary>
    private static async Task AssertCountsAreShownOrSuppressedAsync(IPage page)
    {
        var supply = await page.Locator("#demand-table tbody td:nth-of-type(4)").AllInnerTextsAsync();
        Assert.NotEmpty(supply);
        Assert.All(supply, label => Assert.True(
            label == "<5" || (int.TryParse(label, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 5), label));
    }
}
