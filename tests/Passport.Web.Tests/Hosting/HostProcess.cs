using System.Diagnostics;

namespace Passport.Web.Tests.Hosting;

/// <summary>
/// Runs the host as its own process, exactly as an operator starts it, for what only a process shows:
/// what it prints and its exit code.
/// </summary>
public static class HostProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static Task<Result> RunUntilExitAsync(params string[] arguments) => RunUntilExitWithoutAsync([], arguments);

    /// <summary>As <see cref="RunUntilExitAsync"/>, without the production settings named in <paramref name="unset"/> (e.g. <c>AllowedHosts</c>).</summary>
    public static async Task<Result> RunUntilExitWithoutAsync(IReadOnlyCollection<string> unset, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(unset);
        var workingDirectory = Directory.CreateTempSubdirectory("passport-process-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            },
        };
        foreach (var (key, value) in ProductionSettings.In(workingDirectory))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        // The host runs in that folder; a start-up failure names the certificate as the setting gave it.
        start.Environment["DataProtection__Certificate__Path"] = ProductionSettings.KeyRingFile;

        foreach (var setting in unset)
        {
            start.Environment.Remove(setting);
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Passport.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The host did not exit within 60 s. Output so far: {await output}");
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }

        return new Result(process.ExitCode, await output, await error);
    }
}
