namespace Passport.Load;

/// <summary>What a run adds to <see cref="HostProcess"/>'s defaults.</summary>
public sealed record HostSetup
{
    /// <summary>Runs with the SQLite file's path before the host starts (e.g. to write 100,000 candidates into it).</summary>
    public Func<string, CancellationToken, Task>? PrepareSqlite { get; init; }

    /// <summary>Settings passed to the host as environment variables (<c>Section__Key</c>), over the defaults.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>How long the host may take until <c>/health/ready</c> answers.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(2);
}
