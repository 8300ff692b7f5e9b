using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Passport.PageSpeed;

/// <summary>How a page is served for a load: as the host serves it now, or with the shell every page had before.</summary>
internal enum Shell
{
    Now,

    /// <summary>
    /// Blazor's script at the end of the body, as every page had it, and the player's and board's reserved heights
    /// switched off (an inline stylesheet; the page's CSP header is dropped so it applies).
    /// </summary>
    Before,
}

/// <summary>Chromium as a cheap phone: 360 x 640, touch, a 2x screen and the CPU slowed down, signed in as a demo account.</summary>
internal sealed partial class PageBench(IBrowser browser, Uri url, PageSpeedOptions options)
{
    public const string DemoPassword = "Passport-demo-1";

    private const string UndoReservedSpace =
        ".player{min-height:0}.question{min-height:0}.countdown{min-height:0}.board-card{min-height:0}.xp-gain-none{display:none}";

    private readonly Dictionary<Visitor, string> _signedIn = [];
    private string _blazorScript = "/_framework/blazor.web.js";

    public static string EmailOf(Visitor visitor) => visitor switch
    {
        Visitor.JobSeeker => "youth@demo.test",
        Visitor.Coach => "coach@demo.test",
        Visitor.School => "school@demo.test",
        _ => throw new ArgumentOutOfRangeException(nameof(visitor), visitor, null),
    };

    /// <summary>
    /// Signs the demo accounts in, has the job seeker finish the first sprint (so the passport and the jobs show
    /// something), has the coach open a workshop, and answers the pages to measure.
    /// </summary>
    public async Task<IReadOnlyList<Journey>> PrepareAsync()
    {
        foreach (var visitor in new[] { Visitor.JobSeeker, Visitor.Coach, Visitor.School })
        {
            _signedIn[visitor] = await SignInAsync(visitor);
        }

        string sprintId;
        await using (var youth = await NewContextAsync(Visitor.JobSeeker))
        {
            var page = await youth.Context.NewPageAsync();
            await page.GotoAsync("/sprints");
            var play = await page.Locator(".sprint-card a[href$='/play']").First.GetAttributeAsync("href")
                ?? throw new InvalidOperationException("The sprint list has no Play link.");
            sprintId = SprintIdPattern().Match(play).Groups[1].Value;
            var html = await (await page.APIRequest.GetAsync(play)).TextAsync();
            _blazorScript = ScriptPattern().Match(html) is { Success: true } script ? script.Groups[1].Value : _blazorScript;
            await page.GotoAsync(play);
            var player = Journey.Player(sprintId);
            await player.ShownAsync(page);
            while (await page.Locator("section.sprint-result").CountAsync() == 0)
            {
                await player.UseAsync(page);
            }
        }

        string board;
        await using (var coach = await NewContextAsync(Visitor.Coach))
        {
            var page = await coach.Context.NewPageAsync();
            await page.GotoAsync("/coach/workshops");
            await page.GetByLabel("Name of the workshop").FillAsync("Page speed");
            await page.GetByRole(AriaRole.Button, new() { Name = "Open the workshop" }).ClickAsync();
            await page.WaitForURLAsync(BoardPattern());
            board = new Uri(page.Url).AbsolutePath;
        }

        return
        [
            new Journey("Landing (signed out)", "/", Visitor.Nobody, Live: false),
            new Journey("Home (job seeker)", "/home", Visitor.JobSeeker, Live: false),
            new Journey("Sprint list", "/sprints", Visitor.JobSeeker, Live: false),
            Journey.Player(sprintId),
            new Journey("Passport", "/passport", Visitor.JobSeeker, Live: false),
            new Journey("Jobs for you", "/matches", Visitor.JobSeeker, Live: false),
            new Journey("Profile", "/profile", Visitor.JobSeeker, Live: false),
            new Journey("Education insights", "/education/insights", Visitor.School, Live: false),
            Journey.Board(board),
        ];
    }

    /// <summary>One cold load of <paramref name="journey"/> (a fresh profile: empty cache, the sign-in cookie only).</summary>
    public async Task<Vitals> MeasureAsync(Journey journey, Shell shell)
    {
        await using var session = await NewContextAsync(journey.Visitor);
        var context = session.Context;
        await context.AddInitScriptAsync(Vitals.ObserverScript);
        await context.RouteAsync(IsPage, route => ServeAsync(route, shell));
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Emulation.setCPUThrottlingRate", new Dictionary<string, object> { ["rate"] = options.Throttle });
        await page.GotoAsync(journey.Path, new() { WaitUntil = WaitUntilState.Load, Timeout = 120_000 });
        if (new Uri(page.Url).AbsolutePath != journey.Path)
        {
            throw new InvalidOperationException($"{journey.Path} went to {page.Url}; is {journey.Visitor} signed in?");
        }

        await journey.ShownAsync(page);
        await journey.UseAsync(page);
        var read = await page.EvaluateAsync<JsonElement>(Vitals.ReadScript);
        return new Vitals(read.GetProperty("lcpMs").GetDouble(), read.GetProperty("cls").GetDouble(), read.GetProperty("scriptBytes").GetInt64());
    }

    private async Task<string> SignInAsync(Visitor visitor)
    {
        await using var session = await NewContextAsync(Visitor.Nobody);
        var page = await session.Context.NewPageAsync();
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("E-mail address").FillAsync(EmailOf(visitor));
        await page.GetByLabel("Password").FillAsync(DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(
            address => !new Uri(address).AbsolutePath.StartsWith("/account/signin", StringComparison.Ordinal),
            new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 120_000 });
        return await session.Context.StorageStateAsync();
    }

    private async Task<OwnedContext> NewContextAsync(Visitor visitor) =>
        new(await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = url.ToString(),
            ViewportSize = new ViewportSize { Width = 360, Height = 640 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            Locale = "en-GB",
            StorageState = visitor == Visitor.Nobody ? null : _signedIn[visitor],
        }));

    // Pages only: no assets, no Blazor circuit, no API.
    private static bool IsPage(string address)
    {
        var path = new Uri(address).AbsolutePath;
        return !Path.HasExtension(path) && !path.StartsWith("/_", StringComparison.Ordinal) && !path.StartsWith("/api/", StringComparison.Ordinal);
    }

    /// <summary>
    /// Every page load of both shells goes through here, so both pay the same for the interception; only the shell
    /// "before" changes the page.
    /// </summary>
    private async Task ServeAsync(IRoute route, Shell shell)
    {
        if (route.Request.ResourceType != "document")
        {
            await route.ContinueAsync();
            return;
        }

        var response = await route.FetchAsync();
        var body = await response.TextAsync();
        var headers = response.Headers
            .Where(header => header.Key is not ("content-length" or "content-encoding" or "transfer-encoding"))
            .ToDictionary(header => header.Key, header => header.Value, StringComparer.OrdinalIgnoreCase);
        if (shell == Shell.Before)
        {
            if (!body.Contains("blazor.web", StringComparison.Ordinal))
            {
                body = body.Replace("</body>", $"<script src=\"{_blazorScript}\"></script>\n</body>", StringComparison.Ordinal);
            }

            body = body.Replace("</head>", $"<style>{UndoReservedSpace}</style>\n</head>", StringComparison.Ordinal);
            headers.Remove("content-security-policy");
        }

        await route.FulfillAsync(new RouteFulfillOptions { Status = response.Status, Headers = headers, Body = body });
    }

    [GeneratedRegex("/sprints/([^/]+)/play")]
    private static partial Regex SprintIdPattern();

    [GeneratedRegex("src=\"([^\"]*blazor\\.web[^\"]*\\.js)\"")]
    private static partial Regex ScriptPattern();

    [GeneratedRegex("/coach/workshops/[0-9a-f-]{36}$")]
    private static partial Regex BoardPattern();

    /// <summary>A browser context closed when done with.</summary>
    private sealed class OwnedContext(IBrowserContext context) : IAsyncDisposable
    {
        public IBrowserContext Context { get; } = context;

        public ValueTask DisposeAsync() => new(Context.CloseAsync());
    }
}
