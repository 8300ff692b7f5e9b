using System.Text.Json.Nodes;
using Passport.Cli;

namespace Passport.Content.Tests;

public sealed class CommandsTests : IDisposable
{
    private readonly ContentFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Validate_BrokenContent_ExitsOneAndNamesFileAndItemOnStandardError()
    {
        _fixture.Item("pair", "pair-rank")["key"] = new JsonArray("c", "a", "d", "e");

        var (exitCode, output, error) = Run("validate", "--content", _fixture.Write());

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: sprints/pair.json, item pair-rank: key must list every option id exactly once", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ValidContent_PrintsSummaryAndExitsZero()
    {
        var (exitCode, output, error) = Run("validate", "--content", _fixture.Write());

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("content OK: 2 skills, 2 sprints, 7 items, mechanics: choice, rank, scale, timed", lines[0]);
        Assert.Matches(@"^readability OK: \d+ texts scored, \d+ too short to score; en lowest \d+\.\d \(Flesch reading ease ≥ 60\), nl lowest .*, da highest \d+\.\d \(LIX ≤ 40\), nb highest", lines[1]);
    }

    [Fact]
    public void Simulate_ValidContent_PrintsCommandSeedAndOneRowPerSprintAndStrategy()
    {
        var (exitCode, output, error) = Run("simulate", "--content", _fixture.Write(), "--respondents", "20", "--seed", "7");

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, line => line.Contains("simulate --content", StringComparison.Ordinal) && line.EndsWith("--respondents 20 --seed 7`", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("Seed: 7;", StringComparison.Ordinal));
        var rows = lines.Where(line => line.StartsWith("| ", StringComparison.Ordinal)).Skip(2).ToList();
        Assert.Equal(
            ["pair | adaptive", "pair | fixed order", "pair | fixed order same length", "solo | adaptive", "solo | fixed order", "solo | fixed order same length", "all sprints | adaptive", "all sprints | fixed order", "all sprints | fixed order same length"],
            rows.Select(row => string.Join(" | ", row.Split('|', StringSplitOptions.TrimEntries)[1..3])));
        Assert.All(rows, row => Assert.Matches(@"^\| [^|]+ \| [^|]+ (\| -?\d+\.\d{3} ){5}\|$", row));
    }

    [Fact]
    public void Simulate_SameSeed_PrintsTheSameTable()
    {
        var content = _fixture.Write();

        var first = Run("simulate", "--content", content, "--respondents", "15", "--seed", "3");
        var second = Run("simulate", "--content", content, "--respondents", "15", "--seed", "3");

        Assert.Equal(first.Output, second.Output);
    }

    [Fact]
    public void Simulate_BrokenContent_ExitsOneWithoutTable()
    {
        _fixture.Sprints["solo"]["id"] = "single";

        var (exitCode, output, error) = Run("simulate", "--content", _fixture.Write(), "--respondents", "5");

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.Contains("error: sprints/solo.json: the sprint id 'single' must equal the file name 'solo'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateMatching_RepositoryContent_LightGbmAheadOfEveryBaseline()
    {
        var (exitCode, output, error) = Run("evaluate-matching", "--content", Repository.ContentPath, "--seed", "5");

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        var rows = output.Split('\n', StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("| ", StringComparison.Ordinal))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Where(cells => cells.Length == 7 && double.TryParse(cells[2], System.Globalization.CultureInfo.InvariantCulture, out _))
            .ToDictionary(cells => cells[1], cells => double.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture));
        var ranker = rows["LightGBM LambdaRank"];
        Assert.All(
            new[] { "Random order", "Cosine similarity of skill profiles", "Weighted-gap heuristic" },
            baseline => Assert.True(ranker > rows[baseline], $"{baseline} {rows[baseline]} against {ranker}"));
    }

    [Fact]
    public void EvaluateMatching_Respondents_Refused()
    {
        var (exitCode, _, error) = Run("evaluate-matching", "--respondents", "5");

        Assert.Equal(2, exitCode);
        Assert.Contains("evaluate-matching takes only --content and --seed", error, StringComparison.Ordinal);
    }

    [Fact]
    public void SeedCandidates_FreshSqliteFile_WritesThemAndASecondRunAddsNobody()
    {
        var database = Path.Combine(_fixture.Path, "seeded", "passport.db");
        string[] args = ["seed-candidates", "--content", Repository.ContentPath, "--count", "40", "--seed", "3", "--database", $"sqlite:{database}"];

        var first = Run(args);
        var second = Run(args);

        Assert.Equal(0, first.ExitCode);
        Assert.Empty(first.Error);
        Assert.Matches(@"^seed 3: wrote 40 simulated candidates \(0 already there\) to .+passport\.db in \d+\.\d s", first.Output.Trim());
        Assert.Equal(0, second.ExitCode);
        Assert.StartsWith("seed 3: wrote 0 simulated candidates (40 already there)", second.Output.Trim(), StringComparison.Ordinal);
        Assert.True(File.Exists(database));
    }

    [Theory]
    [InlineData("--database", "sqlite:a.db", "--postgres", "Host=x")]
    [InlineData("--database", "a.db")]
    [InlineData("--count", "0")]
    [InlineData("--respondents", "5")]
    public void SeedCandidates_BadOptions_ExitsTwoWithoutWriting(params string[] options)
    {
        var (exitCode, output, error) = Run(["seed-candidates", .. options]);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_Count_Refused()
    {
        var (exitCode, _, error) = Run("simulate", "--count", "5");

        Assert.Equal(2, exitCode);
        Assert.Contains("simulate takes only --content, --respondents and --seed", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_PrintsUsageAndExitsZero()
    {
        var (exitCode, output, _) = Run("help");

        Assert.Equal(0, exitCode);
        Assert.Contains("validate [--content PATH]", output, StringComparison.Ordinal);
        Assert.Contains("simulate [--content PATH] [--respondents N] [--seed S]", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("validate", "--verbose")]
    [InlineData("simulate", "--respondents", "many")]
    [InlineData("simulate", "--seed")]
    public void Run_BadArguments_ExitsTwoWithMessage(params string[] args)
    {
        var (exitCode, _, error) = Run(args);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ContentFolder_InsideClone_FindsTheClonesContent()
    {
        var nested = Path.Combine(Repository.ContentPath, "..", "src");

        Assert.Equal(Path.GetFullPath(Repository.ContentPath), Path.GetFullPath(ContentFolder.Find(nested, "/elsewhere")));
    }

    [Fact]
    public void ContentFolder_OutsideAnyClone_FallsBackToTheCopyBesideTheBinaries()
    {
        Assert.Equal(Path.Combine(_fixture.Path, "content"), ContentFolder.Find(Path.GetTempPath(), _fixture.Path));
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = Commands.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
