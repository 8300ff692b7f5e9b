using System.Globalization;

namespace Passport.PageSpeed;

/// <summary>The command line of the page-speed benchmark.</summary>
internal sealed record PageSpeedOptions
{
    public const string Usage = """
        Usage: dotnet tests/Passport.PageSpeed/bin/Release/net10.0/Passport.PageSpeed.dll [options]
          --runs N          loads of each page per variant; the median is reported (5)
          --throttle R      CPU slow-down through CDP Emulation.setCPUThrottlingRate (4)
          --chromium PATH   the Chromium to drive (PASSPORT_TEST_CHROMIUM, else /usr/bin/chromium)
          --host-dll PATH   the published host to start (artifacts/page-speed-host/Passport.Web.dll)
          --url URL         measure a running host instead (with the demo content seeded)
          --write FILE      replace the page-speed results in FILE (docs/benchmarks.md) with this run's
          --assert          exit 1 unless every page meets LCP <= 2.0 s and CLS <= 0.05
        """;

    public int Runs { get; init; } = 5;
    public double Throttle { get; init; } = 4;
    public string Chromium { get; init; } = Environment.GetEnvironmentVariable("PASSPORT_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
    public string? HostDll { get; init; }
    public Uri? Url { get; init; }
    public string? Write { get; init; }
    public bool Assert { get; init; }

    public static PageSpeedOptions Parse(IReadOnlyList<string> args)
    {
        var options = new PageSpeedOptions();
        for (var index = 0; index < args.Count; index++)
        {
            var name = args[index];
            string Value() => index + 1 < args.Count ? args[++index] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--runs" => options with { Runs = Positive(name, int.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--throttle" => options with { Throttle = Positive(name, double.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--chromium" => options with { Chromium = Value() },
                "--host-dll" => options with { HostDll = Value() },
                "--url" => options with { Url = new Uri(Value(), UriKind.Absolute) },
                "--write" => options with { Write = Value() },
                "--assert" => options with { Assert = true },
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }

        return options;
    }

    private static T Positive<T>(string name, T value) where T : System.Numerics.INumber<T> =>
        value > T.Zero ? value : throw new ArgumentException($"{name} must be above zero.");
}
