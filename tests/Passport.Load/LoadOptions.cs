using System.Globalization;

namespace Passport.Load;

/// <summary>Command-line options; see <see cref="Usage"/>.</summary>
public sealed class LoadOptions
{
    public const string Usage =
        """
        Passport.Load: drives /hubs/sprint with simulated players and compares it with /hubs/echo.

          dotnet tests/Passport.Load/bin/Release/net10.0/Passport.Load.dll [options]

          --players N          one step with N concurrent players (default 50)
          --steps A,B,C        several steps, e.g. 500,1000,2000,3000 (overrides --players)
          --duration S         measured seconds per step (default 60)
          --ramp S             seconds to connect the players of a step (default 10)
          --warmup S           seconds between the end of the ramp and the measurement (default 10)
          --think S            mean think time in seconds, uniform in 0.5x..1.5x (default 3)
          --no-echo            skip the echo-hub ceiling
          --account-concurrency N   parallel sign-ups and sign-ins (default 8)
          --url URL            target a running host instead of starting one
          --host-dll PATH      the Passport.Web.dll to start (default: src/Passport.Web/bin/Release/net10.0)
          --sqlite PATH        with --url: the host's SQLite file, to check for lost answers afterwards
          --postgres CONNSTR   start the host on PostgreSQL (or, with --url, check answers there)
          --seed N             random seed (default 1)
        """;

    public IReadOnlyList<int> Steps { get; private set; } = [50];
    public TimeSpan Duration { get; private set; } = TimeSpan.FromSeconds(60);
    public TimeSpan Ramp { get; private set; } = TimeSpan.FromSeconds(10);
    public TimeSpan Warmup { get; private set; } = TimeSpan.FromSeconds(10);
    public TimeSpan Think { get; private set; } = TimeSpan.FromSeconds(3);
    public bool Echo { get; private set; } = true;
    public int AccountConcurrency { get; private set; } = 8;
    public Uri? Url { get; private set; }
    public string? HostDll { get; private set; }
    public string? SqlitePath { get; private set; }
    public string? Postgres { get; private set; }
    public int Seed { get; private set; } = 1;

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new LoadOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--players":
                    options.Steps = [Positive(Value())];
                    break;
                case "--steps":
                    options.Steps = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Positive)];
                    break;
                case "--duration":
                    options.Duration = Seconds(Value());
                    break;
                case "--ramp":
                    options.Ramp = Seconds(Value());
                    break;
                case "--warmup":
                    options.Warmup = Seconds(Value());
                    break;
                case "--think":
                    options.Think = Seconds(Value());
                    break;
                case "--no-echo":
                    options.Echo = false;
                    break;
                case "--account-concurrency":
                    options.AccountConcurrency = Positive(Value());
                    break;
                case "--url":
                    options.Url = new Uri(Value().TrimEnd('/') + "/");
                    break;
                case "--host-dll":
                    options.HostDll = Path.GetFullPath(Value());
                    break;
                case "--sqlite":
                    options.SqlitePath = Path.GetFullPath(Value());
                    break;
                case "--postgres":
                    options.Postgres = Value();
                    break;
                case "--seed":
                    options.Seed = int.Parse(Value(), CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }

        if (options.Steps.Count == 0)
        {
            throw new ArgumentException("--steps needs at least one player count.");
        }

        return options;
    }

    /// <summary>A whole number above zero, or an <see cref="ArgumentException"/> naming the text (shared with the matching benchmark).</summary>
    public static int Positive(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"'{text}' is not a positive whole number.");

    private static TimeSpan Seconds(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? TimeSpan.FromSeconds(value)
            : throw new ArgumentException($"'{text}' is not a number of seconds.");
}
