using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using Passport.Load;
using Passport.PageSpeed;

// Page speed on a cheap phone: see PageSpeedOptions.Usage and docs/benchmarks.md ("Pages on a cheap phone").
PageSpeedOptions options;
try
{
    options = PageSpeedOptions.Parse(args);
}
catch (Exception exception) when (exception is ArgumentException or FormatException or UriFormatException)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(PageSpeedOptions.Usage);
    return 2;
}

var root = Machine.RepositoryRoot();
var command = "dotnet " + string.Join(' ', Environment.GetCommandLineArgs().Select(argument =>
    Path.IsPathRooted(argument) && argument.StartsWith(root, StringComparison.Ordinal) ? Path.GetRelativePath(root, argument) : argument));
var machine = Machine.Describe();
Console.WriteLine($"Machine: {machine}");
Console.WriteLine($"Command: {command}");

HostProcess? host = null;
try
{
    var url = options.Url;
    if (url is null)
    {
        // Absolute: the host runs in a folder of its own.
        var dll = Path.GetFullPath(options.HostDll ?? Path.Combine(root, "artifacts", "page-speed-host", "Passport.Web.dll"));
        Console.WriteLine($"Starting {dll} (SQLite, demo content) ...");
        host = await HostProcess.StartAsync(dll, null, CancellationToken.None);
        url = host.Url;
        Console.WriteLine($"Host ready at {url} (pid {host.ProcessId}, folder {host.Folder})");
    }

    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = options.Chromium,
        Headless = true,
        Args = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    var chromium = browser.Version;
    var bench = new PageBench(browser, url, options);
    Console.WriteLine("Signing in the demo accounts, playing one sprint, opening a workshop ...");
    var journeys = await bench.PrepareAsync();

    var results = new List<PageResult>();
    foreach (var journey in journeys)
    {
        // One load first, unmeasured: the host's first render of a page includes compiling it, which is not the page's speed.
        await bench.MeasureAsync(journey, Shell.Now);
        var now = new List<Vitals>();
        var before = new List<Vitals>();
        // Alternating, so a busy moment on the machine falls on both shells alike.
        for (var run = 0; run < options.Runs; run++)
        {
            now.Add(await bench.MeasureAsync(journey, Shell.Now));
            before.Add(await bench.MeasureAsync(journey, Shell.Before));
        }

        var result = new PageResult(journey, PageResult.Median(now), PageResult.Median(before));
        results.Add(result);
        Console.WriteLine(result.Line());
    }

    var report = Report.Markdown(results, options, machine, chromium, command, Commit(root));
    Console.WriteLine();
    Console.WriteLine(report);
    if (options.Write is { } file)
    {
        Report.WriteInto(file, report);
        Console.WriteLine($"Written into {file}.");
    }

    var missed = results.Where(result => !result.MeetsTargets).ToList();
    foreach (var result in missed)
    {
        Console.WriteLine($"Target missed: {result.Journey.Name} (LCP {result.Now.LcpMs:F0} ms, CLS {result.Now.Cls:F3})");
    }

    return options.Assert && missed.Count > 0 ? 1 : 0;
}
finally
{
    if (host is not null)
    {
        await host.DisposeAsync();
    }
}

// The commit measured, and whether the tracked files differed from it.
static string Commit(string root)
{
    var commit = Git(root, "rev-parse", "--short", "HEAD") ?? "unknown";
    return Git(root, "status", "--porcelain", "--untracked-files=no") is { Length: > 0 } ? $"{commit} (with uncommitted changes)" : commit;
}

static string? Git(string root, params string[] arguments)
{
    var start = new ProcessStartInfo("git") { RedirectStandardOutput = true };
    start.ArgumentList.Add("-C");
    start.ArgumentList.Add(root);
    foreach (var argument in arguments)
    {
        start.ArgumentList.Add(argument);
    }

    using var git = Process.Start(start);
    if (git is null)
    {
        return null;
    }

    var output = git.StandardOutput.ReadToEnd().Trim();
    git.WaitForExit();
    return git.ExitCode == 0 ? output : null;
}

namespace Passport.PageSpeed
{
    /// <summary>The medians of one page, now and with the shell before.</summary>
    internal sealed record PageResult(Journey Journey, Vitals Now, Vitals Before)
    {
        public const double LcpTargetMs = 2000;
        public const double ClsTarget = 0.05;

        public bool MeetsTargets => Now.LcpMs <= LcpTargetMs && Now.Cls <= ClsTarget;

        /// <summary>The median of each figure on its own.</summary>
        public static Vitals Median(IReadOnlyList<Vitals> runs) => new(
            Middle(runs.Select(run => run.LcpMs)),
            Middle(runs.Select(run => run.Cls)),
            (long)Middle(runs.Select(run => (double)run.ScriptBytes)));

        public string Line() => string.Create(CultureInfo.InvariantCulture,
            $"{Journey.Name}: LCP {Now.LcpMs:F0} ms (before {Before.LcpMs:F0}), CLS {Now.Cls:F3} (before {Before.Cls:F3}), JS {Now.ScriptBytes / 1024.0:F1} kB (before {Before.ScriptBytes / 1024.0:F1})");

        private static double Middle(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }
}
