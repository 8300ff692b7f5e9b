using System.Globalization;
using static Passport.Load.LoadOptions;

namespace Passport.Matching.Bench;

/// <summary>Command-line options; see <see cref="Usage"/>.</summary>
public sealed class BenchOptions
{
    public const string Usage =
        """
        Passport.Matching.Bench: GET /api/employer/vacancies/{id}/matches over 100,000 simulated candidates, and the
        two-stage ranking against re-ranking every eligible candidate with ML.NET, in one run.

          dotnet tests/Passport.Matching.Bench/bin/Release/net10.0/Passport.Matching.Bench.dll [options]

          --count N            simulated candidates written by seed-candidates (default 100000)
          --seed N             their seed (default 7)
          --requests N         measured requests per phase (default 300)
          --concurrency N      clients of the concurrent phase; 1 skips it (default 4)
          --warm N             warm-up requests per vacancy before measuring (default 3)
          --shortlist K        Matching:ShortlistSize for the host and the in-process part (default: the host's default)
          --repeat N           in-process timings of the two-stage ranking per vacancy (default 5)
          --candidates-from PATH   copy this SQLite file (made by seed-candidates) instead of seeding anew
          --host-dll PATH      the Passport.Web.dll to start (default: src/Passport.Web/bin/Release/net10.0)
          --cli-dll PATH       the Passport.Cli.dll that seeds (default: src/Passport.Cli/bin/Release/net10.0)
          --keep               keep the host's folder (database and host.log) after the run
          --ranking-only PATH  only the in-process part, over a database a run kept (--keep)
        """;

    public int Count { get; private set; } = 100_000;
    public int Seed { get; private set; } = 7;
    public int Requests { get; private set; } = 300;
    public int Concurrency { get; private set; } = 4;
    public int Warm { get; private set; } = 3;
    public int Repeat { get; private set; } = 5;
    public int? Shortlist { get; private set; }
    public string? CandidatesFrom { get; private set; }
    public string? HostDll { get; private set; }
    public string? CliDll { get; private set; }
    public bool Keep { get; private set; }
    public string? RankingOnly { get; private set; }

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--count":
                    options.Count = Positive(Value());
                    break;
                case "--seed":
                    options.Seed = int.Parse(Value(), CultureInfo.InvariantCulture);
                    break;
                case "--requests":
                    options.Requests = Positive(Value());
                    break;
                case "--concurrency":
                    options.Concurrency = Positive(Value());
                    break;
                case "--warm":
                    options.Warm = Positive(Value());
                    break;
                case "--shortlist":
                    options.Shortlist = Positive(Value());
                    break;
                case "--repeat":
                    options.Repeat = Positive(Value());
                    break;
                case "--candidates-from":
                    options.CandidatesFrom = Path.GetFullPath(Value());
                    break;
                case "--host-dll":
                    options.HostDll = Path.GetFullPath(Value());
                    break;
                case "--cli-dll":
                    options.CliDll = Path.GetFullPath(Value());
                    break;
                case "--ranking-only":
                    options.RankingOnly = Path.GetFullPath(Value());
                    break;
                case "--keep":
                    options.Keep = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }

        return options;
    }
}
