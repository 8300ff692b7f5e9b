namespace Passport.Web.Benchmarks;

/// <summary>
/// Configuration section <c>Benchmarks</c>: endpoints that exist only to measure the host (docs/benchmarks.md).
/// Everything here is off by default, so production hosts do not expose it.
/// </summary>
public sealed class BenchmarkOptions
{
    public const string SectionName = "Benchmarks";

    /// <summary>Maps <see cref="EchoHub"/> at <c>/hubs/echo</c>: the load generator's ceiling for the sprint hub.</summary>
    public bool EchoHub { get; set; }
}
