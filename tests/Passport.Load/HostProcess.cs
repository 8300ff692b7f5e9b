using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Passport.Load;

/// <summary>
/// The real host as a child process (<c>dotnet Passport.Web.dll</c>) on a fresh SQLite file (or the given
/// PostgreSQL database), free ports, demo seed, the echo hub on and the limits that would stop a load test off.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private HostProcess(Process process, StreamWriter log, Uri url, string folder, string? sqlitePath)
    {
        _process = process;
        _log = log;
        Url = url;
        Folder = folder;
        SqlitePath = sqlitePath;
    }

    public Uri Url { get; }
    public string Folder { get; }
    public string? SqlitePath { get; }
    public string LogPath => Path.Combine(Folder, "host.log");
    public int ProcessId => _process.Id;

    public static Task<HostProcess> StartAsync(string hostDll, string? postgres, CancellationToken cancellationToken) =>
        StartAsync(hostDll, postgres, new HostSetup(), cancellationToken);

    /// <summary>
    /// As above, with <paramref name="setup"/>: a step that fills the SQLite file before the host first opens it,
    /// settings of its own and a longer start (a host that reads a large candidate pool while it starts).
    /// </summary>
    public static async Task<HostProcess> StartAsync(string hostDll, string? postgres, HostSetup setup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setup);
        if (!File.Exists(hostDll))
        {
            throw new FileNotFoundException($"{hostDll} not found; build first: dotnet build -c Release Passport.sln", hostDll);
        }

        var folder = Directory.CreateTempSubdirectory("passport-load-").FullName;
        var port = FreePort();
        var url = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(hostDll);
        var environment = start.Environment;
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/');
        environment["Logging__LogLevel__Default"] = "Warning";
        environment["Logging__Console__FormatterName"] = "simple";
        environment["Seed__Demo"] = "true";
        environment["Benchmarks__EchoHub"] = "true";
        environment["RateLimits__AuthPermitsPerMinute"] = "1000000";
        // The matching benchmark asks for candidate lists far faster than one employer may.
        environment["RateLimits__MatchPermitsPerMinute"] = "1000000";
        environment["Sprints__ReplayCooldown"] = "00:00:00";
        environment["Orleans__SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture);
        environment["Orleans__GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture);
        // What production requires: the host names it answers to, its public address, the key ring's certificate.
        environment["AllowedHosts"] = url.Host;
        environment["Credentials__IssuerUrl"] = "https://passport.load.test/";
        environment["DataProtection__Certificate__Path"] = WriteKeyRingCertificate(folder);
        string? sqlitePath = null;
        if (postgres is null)
        {
            sqlitePath = Path.Combine(folder, "passport.db");
            environment["Storage__Provider"] = "Sqlite";
            environment["Storage__SqlitePath"] = sqlitePath;
        }
        else
        {
            environment["Storage__Provider"] = "Postgres";
            environment["ConnectionStrings__Passport"] = postgres;
        }

        foreach (var (key, value) in setup.Settings)
        {
            environment[key] = value;
        }

        if (sqlitePath is not null && setup.PrepareSqlite is { } prepare)
        {
            await prepare(sqlitePath, cancellationToken);
        }

        var log = new StreamWriter(Path.Combine(folder, "host.log")) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Write(log, line.Data);
        process.ErrorDataReceived += (_, line) => Write(log, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, log, url, folder, sqlitePath);
        await host.WaitUntilReadyAsync(setup.StartTimeout, cancellationToken);
        return host;
    }

    /// <summary>A throwaway self-signed RSA certificate for this run's key ring, as a PKCS#12 file without a password.</summary>
    private static string WriteKeyRingCertificate(string folder)
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=passport-load", key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = Path.Combine(folder, "key-ring.pfx");
        File.WriteAllBytes(path, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12));
        return path;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {_process.ExitCode} while starting; see {LogPath}.");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("health/ready", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Slow to answer while starting.
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"The host was not ready within {timeout.TotalSeconds:F0} s; see {LogPath}.");
    }

    /// <summary>Asks the host to stop (SIGTERM, a graceful shutdown) and kills it if it has not within 30 s.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var term = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(CultureInfo.InvariantCulture) } }))
        {
            if (term is not null)
            {
                await term.WaitForExitAsync();
            }
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
