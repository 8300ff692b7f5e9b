using System.Diagnostics;
using System.Text;

namespace Passport.Faults.Tests;

/// <summary>
/// <c>scripts/cluster.sh</c> on one cluster folder: the same commands an operator types, so the script is tested too.
/// </summary>
internal sealed class ClusterScript(string repositoryRoot, string folder)
{
    public string Folder { get; } = folder;

    public Task UpAsync(int hosts, string hostDll, IEnumerable<string> settings)
    {
        var arguments = new List<string> { "up", "--hosts", hosts.ToString(System.Globalization.CultureInfo.InvariantCulture), "--host-dll", hostDll };
        foreach (var setting in settings)
        {
            arguments.Add("--set");
            arguments.Add(setting);
        }

        return RunAsync(arguments);
    }

    public Task StartAsync(string part) => RunAsync(["start", part]);

    public Task StopAsync(string part) => RunAsync(["stop", part]);

    public Task KillAsync(string part) => RunAsync(["kill", part]);

    /// <summary>Redis restarted without its data: the membership table is gone.</summary>
    public Task WipeRedisAsync() => RunAsync(["wipe", "redis"]);

    public Task DownAsync(bool purge) => RunAsync(purge ? ["down", "--purge"] : ["down"]);

    /// <summary>The cluster's addresses (<c>cluster.sh env</c>), by variable name.</summary>
    public async Task<IReadOnlyDictionary<string, string>> EnvironmentAsync()
    {
        var output = await RunAsync(["env"]);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                // printf %q escapes ';' and ' ' with a backslash.
                values[line[..equals]] = line[(equals + 1)..].Replace("\\", "", StringComparison.Ordinal);
            }
        }

        return values;
    }

    private async Task<string> RunAsync(IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(repositoryRoot, "scripts", "cluster.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--dir");
        start.ArgumentList.Add(Folder);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        var text = await output;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(new StringBuilder()
                .Append("cluster.sh ").AppendJoin(' ', arguments).Append(" failed with exit code ").Append(process.ExitCode).AppendLine(":")
                .AppendLine(await errors).Append(text).ToString());
        }

        return text;
    }
}
