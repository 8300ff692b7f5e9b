using Microsoft.Playwright;
using Passport.Web.Tests.Hosting;
using static Passport.Web.Tests.Pages.SprintPages;

namespace Passport.Web.Tests.Pages;

/// <summary>The profile's matching choices in a real browser: where the job seeker lives and whether employers may find them.</summary>
[Collection(SqliteWebCollection.Name)]
public sealed class ProfilePageTests(SqliteWebAppFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task Profile_ChoosesPlaceAndOptsInByKeyboard_KeepsBothAfterSaving()
    {
        var page = await NewJobSeekerOnProfileAsync();
        var place = page.GetByLabel("Where do you live?");
        var open = page.GetByLabel("Let employers find my passport without my name");
        await Assertions.Expect(place).ToHaveValueAsync("");
        Assert.False(await open.IsCheckedAsync());
        await AssertAccessibleAtBothWidthsAsync(page);

        await page.GetByLabel("Hours per week").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(place).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Helmond");
        await Assertions.Expect(place).ToHaveValueAsync("helmond");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(open).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(open).ToBeCheckedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(":focus")).ToHaveAttributeAsync("type", "submit");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/profile?saved=preferences");

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await Assertions.Expect(place).ToHaveValueAsync("helmond");
        await Assertions.Expect(open).ToBeCheckedAsync();
        await AssertAccessibleAtBothWidthsAsync(page);
    }

    [Fact]
    public async Task Profile_PlacePicker_GroupsTownsByCountryAndOffersNotSayingFirst()
    {
        var page = await NewJobSeekerOnProfileAsync();
        var place = page.GetByLabel("Where do you live?");

        var groups = await place.Locator("optgroup").EvaluateAllAsync<string[]>("groups => groups.map(group => group.label)");
        var first = place.Locator("option").First;

        Assert.Equal(["Denmark", "Netherlands", "Norway"], groups);
        Assert.Equal("I'd rather not say", await first.InnerTextAsync());
        Assert.Equal("", await first.GetAttributeAsync("value"));
        Assert.Equal("eindhoven", await place.Locator("optgroup[label='Netherlands'] option", new() { HasText = "Eindhoven" }).GetAttributeAsync("value"));
        await Assertions.Expect(page.GetByLabel("Let employers find my passport without my name"))
            .ToHaveAccessibleDescriptionAsync("Employers then see your skills with a code instead of your name. They only see your name or contact details if you say yes to their invitation. You can switch this off at any time.");
    }

    [Fact]
    public async Task Profile_RatherNotSayAndUntick_ClearsPlaceAndMatching()
    {
        var page = await NewJobSeekerOnProfileAsync();
        await page.GetByLabel("Where do you live?").SelectOptionAsync("eindhoven");
        await page.GetByLabel("Let employers find my passport without my name").CheckAsync();
        await SaveAsync(page);
        await page.GotoAsync("/profile");
        await Assertions.Expect(page.GetByLabel("Where do you live?")).ToHaveValueAsync("eindhoven");

        await page.GetByLabel("Where do you live?").SelectOptionAsync(new SelectOptionValue { Label = "I'd rather not say" });
        await page.GetByLabel("Let employers find my passport without my name").UncheckAsync();
        await SaveAsync(page);

        await Assertions.Expect(page.GetByLabel("Where do you live?")).ToHaveValueAsync("");
        Assert.False(await page.GetByLabel("Let employers find my passport without my name").IsCheckedAsync());
    }

    [Fact]
    public async Task Profile_InDutch_AsksWhereYouLiveInDutch()
    {
        var page = await SignedInAsNewJobSeekerAsync(_app, browser);
        await page.GotoAsync($"/language/nl?returnUrl={Uri.EscapeDataString("/profile")}");

        await Assertions.Expect(page.GetByLabel("Waar woon je?")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Laat werkgevers mijn paspoort vinden zonder mijn naam")).ToBeVisibleAsync();
        Assert.Equal("Zeg ik liever niet", await page.GetByLabel("Waar woon je?").Locator("option").First.InnerTextAsync());
    }

    private async Task<IPage> NewJobSeekerOnProfileAsync()
    {
        var page = await SignedInAsNewJobSeekerAsync(_app, browser);
        await page.GotoAsync("/profile");
        return page;
    }

    private static async Task SaveAsync(IPage page)
    {
        await page.Locator("form:has(#homePlace) button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/profile?saved=preferences");
    }
}
