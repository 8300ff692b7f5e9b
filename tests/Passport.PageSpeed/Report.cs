using System.Globalization;
using System.Text;

namespace Passport.PageSpeed;

/// <summary>The results as a Markdown section, and writing it between the markers in docs/benchmarks.md.</summary>
internal static class Report
{
    public const string Start = "<!-- page-speed results: written by tests/Passport.PageSpeed -->";
    public const string End = "<!-- end of page-speed results -->";

    public static string Markdown(IReadOnlyList<PageResult> results, PageSpeedOptions options, string machine, string chromium, string command, string commit)
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.AppendLine(invariant, $"Measured {TimeProvider.System.GetUtcNow():yyyy-MM-dd} at commit {commit} on {machine}; headless Chromium {chromium};")
            .AppendLine(invariant, $"CPU slowed {options.Throttle:0.#}x, 360 x 640 touch viewport; the median of {options.Runs} cold loads per page and shell, the shells alternating:")
            .AppendLine()
            .AppendLine("```sh")
            .AppendLine(command)
            .AppendLine("```")
            .AppendLine()
            .AppendLine("| Page | LCP ms | LCP ms before | LCP before / now | CLS | CLS before | JS kB | JS kB before | Targets |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var result in results)
        {
            var (now, before) = (result.Now, result.Before);
            text.AppendLine(invariant,
                $"| {result.Journey.Name} | {now.LcpMs:F0} | {before.LcpMs:F0} | {before.LcpMs / Math.Max(1, now.LcpMs):F2}x | {now.Cls:F3} | {before.Cls:F3} | {now.ScriptBytes / 1024.0:F1} | {before.ScriptBytes / 1024.0:F1} | {(result.MeetsTargets ? "met" : "**missed**")} |");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>Replaces what stands between <see cref="Start"/> and <see cref="End"/> in <paramref name="file"/>.</summary>
    public static void WriteInto(string file, string report)
    {
        var text = File.ReadAllText(file);
        var start = text.IndexOf(Start, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new InvalidOperationException($"{file} has no \"{Start}\" ... \"{End}\" markers to write between.");
        }

        var before = text[..(start + Start.Length)];
        File.WriteAllText(file, $"{before}\n{report}\n{text[end..]}");
    }
}
