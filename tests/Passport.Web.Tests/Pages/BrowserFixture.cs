using Microsoft.Playwright;
using Passport.Testing;

namespace Passport.Web.Tests.Pages;

/// <summary>
/// One headless Chromium (Debian's, never a downloaded one) for a test class; each test opens its own
/// context, so cookies and language choices never leak between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.ChromiumPath,
            Headless = true,
            // This machine has no network beyond loopback; background services would only produce refused connections.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>
    /// A fresh browser profile pointed at <paramref name="baseUrl"/>; 320 px wide by default, the narrowest phone we support;
    /// <paramref name="touch"/> makes it a phone: touch input and the page's viewport meta tag honoured.
    /// </summary>
    public async Task<IPage> NewPageAsync(Uri baseUrl, int width = 320, int height = 720, bool touch = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
            HasTouch = touch,
            IsMobile = touch,
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
