using System.Globalization;
using Passport.Content;
using Passport.Content.Readability;
using Passport.Data.Credentials;
using Passport.Matching;

namespace Passport.Cli;

/// <summary>The commands, callable with any writers so tests can run them in-process.</summary>
public static class Commands
{
    public const string Usage = """
        Passport command-line tools for content authors and psychometricians.

        Usage:
          passport validate [--content PATH]
              Checks content/ (skills framework and sprints) against its schemas and rules, and scores every text a
              player reads and every message template for readability against the thresholds of
              content/readability.json (Flesch for en, Flesch-Douma for nl, LIX for da and nb). Prints each problem,
              naming the file, the item or text, and exits 1; or prints a summary and exits 0.
          passport simulate [--content PATH] [--respondents N] [--seed S]
              For every sprint, compares adaptive and fixed-order sessions on simulated players and prints a
              Markdown table (docs/psychometrics.md). Defaults: 2000 respondents, seed 20261123.
          passport evaluate-matching [--content PATH] [--seed S]
              Simulates a labour market over the skills framework, trains the LightGBM ranker on 70 % of the
              vacancies and prints the NDCG@10 and fairness table of docs/matching.md for the rest. Default seed 20261123.
          passport seed-candidates [--count N] [--seed S] [--database sqlite:PATH | --postgres "CONNECTION STRING"] [--content PATH]
              Writes N simulated job seekers (demo accounts nobody can sign in to, with completed sprints, preferences
              and some certificates) into the database, migrating it first, and prints how many and how long it took.
              The same seed makes the same people, so running it again adds only the ones missing. Where they live,
              their sectors and certificates come from the "candidates" object of content/demo/demo.json, as do the
              defaults for N and S. Without --database or --postgres: the host's default SQLite file, data/passport.db.
          passport rotate-issuer-key --keys DIR
              Makes a new issuer key for signing credentials in DIR (the hosts' Credentials:KeyDirectory) and prints
              its kid. The new key signs from now on; older keys stay, so credentials they signed still verify.
          passport help
              Prints this text.

        --content defaults to the content/ folder of the clone the tool runs in, else the copy beside the tool.
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        if (args.Length == 0)
        {
            error.WriteLine(Usage);
            return 2;
        }

        if (args[0] is "help" or "--help" or "-h")
        {
            output.WriteLine(Usage);
            return 0;
        }

        if (args[0] == "rotate-issuer-key")
        {
            return RotateIssuerKey(args.Skip(1).ToList(), output, error);
        }

        if (!CommandLine.TryParse(args.Skip(1), out var options, out var mistake))
        {
            return Fail(error, mistake);
        }

        return args[0] switch
        {
            "validate" when options.Respondents is null && options.Seed is null && !options.HasSeedingOptions => Validate(options, output, error),
            "validate" => Fail(error, "validate takes only --content"),
            "simulate" when !options.HasSeedingOptions => Simulate(options, output, error),
            "simulate" => Fail(error, "simulate takes only --content, --respondents and --seed"),
            "evaluate-matching" when options.Respondents is null && !options.HasSeedingOptions => EvaluateMatching(options, output, error),
            "evaluate-matching" => Fail(error, "evaluate-matching takes only --content and --seed"),
            "seed-candidates" when options.Respondents is null => SeedCandidates(options, output, error),
            "seed-candidates" => Fail(error, "seed-candidates takes only --count, --seed, --database or --postgres, and --content"),
            _ => Fail(error, $"unknown command '{args[0]}'"),
        };
    }

    private static int Validate(CommandLine options, TextWriter output, TextWriter error)
    {
        var result = ContentLoader.Load(options.ContentPath);
        if (!Report(result, error))
        {
            return 1;
        }

        var readability = ReadabilityCheck.Run(options.ContentPath);
        foreach (var problem in readability.Problems)
        {
            error.WriteLine($"error: {problem}");
        }

        foreach (var failure in readability.Failures)
        {
            error.WriteLine($"error: {failure}");
        }

        if (!readability.IsValid)
        {
            return 1;
        }

        var sprints = result.Sprints!.All;
        var mechanics = sprints.SelectMany(sprint => sprint.Mechanics).Distinct().Order().Select(SimulationTable.Name);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"content OK: {result.Skills!.All.Count} skills, {sprints.Count} sprints, {sprints.Sum(sprint => sprint.Items.Count)} items, mechanics: {string.Join(", ", mechanics)}"));
        output.WriteLine(ReadabilitySummary(readability));
        return 0;
    }

    /// <summary>How many texts were scored and, per language, the score closest to its threshold.</summary>
    private static string ReadabilitySummary(ReadabilityReport report)
    {
        var languages = report.Settings!.Thresholds.Select(pair =>
        {
            var (language, threshold) = pair;
            var scores = report.Scores.Where(score => score.Language == language).Select(score => score.Score).ToList();
            var closest = scores.Count == 0 ? "nothing scored"
                : threshold.Measure.HigherIsEasier ? string.Create(CultureInfo.InvariantCulture, $"lowest {scores.Min():0.0}")
                : string.Create(CultureInfo.InvariantCulture, $"highest {scores.Max():0.0}");
            return $"{language} {closest} ({threshold})";
        });
        return string.Create(
            CultureInfo.InvariantCulture,
            $"readability OK: {report.Scores.Count} texts scored, {report.TooShort} too short to score; {string.Join(", ", languages)}");
    }

    private static int Simulate(CommandLine options, TextWriter output, TextWriter error)
    {
        var respondents = options.Respondents ?? SimulationTable.DefaultRespondents;
        var seed = options.Seed ?? SimulationTable.DefaultSeed;
        if (respondents < 1)
        {
            return Fail(error, "--respondents must be at least 1");
        }

        var result = ContentLoader.Load(options.ContentPath);
        if (!Report(result, error))
        {
            return 1;
        }

        SimulationTable.Write(result.Sprints!, respondents, seed, options, output);
        return 0;
    }

    private static int EvaluateMatching(CommandLine options, TextWriter output, TextWriter error)
    {
        var result = ContentLoader.Load(options.ContentPath);
        if (!Report(result, error))
        {
            return 1;
        }

        var skillIds = result.Skills!.All.Select(skill => skill.Id).ToList();
        var simulation = new SimulationOptions();
        if (options.Seed is { } seed)
        {
            simulation = simulation with { Seed = seed };
        }

        var report = MatchingEvaluation.Run(skillIds, TimeProvider.System, simulation);
        output.Write(MatchingEvaluation.Format(report));
        return 0;
    }

    private static int SeedCandidates(CommandLine options, TextWriter output, TextWriter error)
    {
        if (options.Database is not null && options.Postgres is not null)
        {
            return Fail(error, "give --database or --postgres, not both");
        }

        if (options.Database is { } database && !database.StartsWith(CandidateSeeding.SqlitePrefix, StringComparison.Ordinal))
        {
            return Fail(error, $"--database takes {CandidateSeeding.SqlitePrefix}PATH, not '{database}'");
        }

        if (options.Count is < 1)
        {
            return Fail(error, "--count must be at least 1");
        }

        var result = ContentLoader.Load(options.ContentPath);
        if (!Report(result, error))
        {
            return 1;
        }

        return CandidateSeeding.RunAsync(options, result, output, error).GetAwaiter().GetResult();
    }

    private static int RotateIssuerKey(List<string> args, TextWriter output, TextWriter error)
    {
        if (args is not ["--keys", { Length: > 0 } path])
        {
            return Fail(error, "rotate-issuer-key takes --keys DIR");
        }

        var directory = new IssuerKeyDirectory(path);
        var before = directory.Load();
        var key = directory.Create(TimeProvider.System.GetUtcNow());
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"new issuer key {key.Kid} in {directory.Path}; it signs from now on ({before.Count} older key(s) stay published)"));
        return 0;
    }

    private static bool Report(ContentLoadResult result, TextWriter error)
    {
        foreach (var problem in result.Problems)
        {
            error.WriteLine($"error: {problem}");
        }

        return result.IsValid;
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine($"error: {message}");
        error.WriteLine("Run 'passport help' for usage.");
        return 2;
    }
}
