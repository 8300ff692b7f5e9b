using System.Net;
using System.Net.Http.Json;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Passport.Data.Database;
using Passport.Testing;
using Passport.Web.Hosting;

namespace Passport.Web.Tests.Hosting;

/// <summary>Tests that start and stop hosts of their own.</summary>
public abstract class HostLifecycleTests(StorageProvider provider)
{
    [Fact]
    public async Task RegisteredUser_AfterHostRestart_CanStillLogIn()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var email = Accounts.NewEmail();
        await using (var first = new PassportApp(database))
        {
            first.StartServer();
            using var client = first.CreateClient();
            using var registered = await Accounts.RegisterAsync(client, email);
            Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        }

        await using var second = new PassportApp(database);
        second.StartServer();
        using var again = second.CreateClient();
        using var login = await again.PostAsJsonAsync("/api/auth/login", new { email, password = Accounts.Password });
        using var wrong = await again.PostAsJsonAsync("/api/auth/login", new { email, password = "not it at all" });

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.Unauthorized);
    }
}

public sealed class SqliteHostLifecycleTests() : HostLifecycleTests(StorageProvider.Sqlite)
{
    [Fact]
    public async Task Start_UnknownStorageProvider_ExitsWithOneLineNamingTheSetting()
    {
        var result = await HostProcess.RunUntilExitAsync("--Storage:Provider=Oracle");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Passport cannot start: Storage:Provider 'Oracle' is not supported; use 'Sqlite' or 'Postgres'.", result.StandardError.Trim());
        Assert.DoesNotContain("   at ", result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Credentials__IssuerUrl", "Passport cannot start: Credentials:IssuerUrl is required outside Development: the public https address of this deployment, e.g. https://passport.example.org/.")]
    [InlineData("DataProtection__Certificate__Path", "Passport cannot start: DataProtection:Certificate:Path is required outside Development: it encrypts the cookie and antiforgery keys stored in the database (see docs/operations.md).")]
    public async Task Start_ProductionWithoutARequiredSetting_ExitsWithOneLineNamingIt(string setting, string line)
    {
        var result = await HostProcess.RunUntilExitWithoutAsync([setting]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(line, result.StandardError.Trim());
    }

    [Theory]
    [InlineData("--AllowedHosts=*", "Passport cannot start: AllowedHosts must list the host names this deployment answers to (e.g. passport.example.org;localhost), not '*', outside Development.")]
    [InlineData("--Credentials:IssuerUrl=http://passport.test/", "Passport cannot start: Credentials:IssuerUrl must be an https address outside Development.")]
    [InlineData("--DataProtection:Certificate:Password=wrong", "Passport cannot start: DataProtection:Certificate cannot be read from 'key-ring.pfx': ")]
    [InlineData("--Orleans:Tls:Certificate:Path=missing.pfx", "Passport cannot start: Orleans:Tls:Certificate cannot be read from 'missing.pfx': ")]
    [InlineData("--Orleans:ListenIPAddress=everywhere", "Passport cannot start: Orleans:ListenIPAddress is not an IP address.")]
    public async Task Start_ProductionWithAnUnsafeSetting_ExitsWithOneLineNamingIt(string argument, string line)
    {
        var result = await HostProcess.RunUntilExitAsync(argument);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(line, result.StandardError.Trim(), StringComparison.Ordinal);
        Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Start_LimitOutOfRange_ExitsWithOneLineNamingTheSetting()
    {
        var result = await HostProcess.RunUntilExitAsync("--Limits:CredentialsPerDay=0");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Passport cannot start:", line, StringComparison.Ordinal);
        Assert.Contains("CredentialsPerDay", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_UnreachablePostgres_ExitsWithOneLineThatHidesThePassword()
    {
        var result = await HostProcess.RunUntilExitAsync(
            "--Storage:Provider=Postgres",
            $"--ConnectionStrings:Passport=Host=127.0.0.1;Port={FreePorts.Next()};Database=passport;Username=passport;Password=hunter2;Timeout=3");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Passport cannot start: Cannot reach the Postgres database at 127.0.0.1:", line, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_OverTheRateLimit_Returns429ProblemWithRetryAfter()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new PassportApp(database, [new("RateLimits:AuthPermitsPerMinute", "2")]);
        app.StartServer();
        using var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var response = await client.PostAsJsonAsync("/api/auth/login", new { email = "youth@demo.test", password = "guess" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests);
                Assert.True(response.Headers.Contains("Retry-After"));
            }
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task DemoSeedingOff_DemoAccountsFromAnEarlierRun_AreLocked()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using (var demo = new PassportApp(database))
        {
            demo.StartServer();
            await demo.LoginAsync("youth@demo.test");
        }

        await using var production = new PassportApp(database, [new("Seed:Demo", "false")]);
        production.StartServer();
        using var client = production.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email = "youth@demo.test", password = PassportApp.DemoPassword });

        await ProblemAssert.IsProblemAsync(response, (HttpStatusCode)423);
    }

    [Fact]
    public async Task DemoSeedingOff_FreshDatabase_HasNoDemoAccounts()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var production = new PassportApp(database, [new("Seed:Demo", "false")]);
        production.StartServer();
        using var client = production.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email = "admin@demo.test", password = PassportApp.DemoPassword });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}

[Trait("Category", "Postgres")]
public sealed class PostgresHostLifecycleTests() : HostLifecycleTests(StorageProvider.Postgres)
{
    /// <summary>
    /// A TLS handshake with a silo port, presenting <paramref name="certificate"/> as the client and expecting the
    /// <paramref name="silo"/> certificate: true when the silo accepts the client and starts the Orleans conversation.
    /// </summary>
    private static async Task<bool> SiloAcceptsAsync(IPAddress address, int port, X509Certificate2 certificate, X509Certificate2 silo)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(address, port);
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false,
            (_, presented, _, _) => presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(silo.RawData));
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "passport-silo",
                ClientCertificates = [certificate],
            });
        }
        catch (Exception ex) when (ex is System.Security.Authentication.AuthenticationException or IOException)
        {
            return false;
        }

        // Accepted, the silo starts talking at once (its preamble); refused, it closes the connection without a byte.
        try
        {
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            return await tls.ReadAsync(new byte[16], wait.Token) > 0;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The production topology: two hosts, one PostgreSQL database, one Redis, one Orleans cluster.</summary>
    [Fact]
    public async Task TwoHosts_SameDatabaseAndRedis_FormOneClusterSeenFromBoth()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        KeyValuePair<string, string?>[] cluster =
        [
            new("ConnectionStrings:Redis", TestEnvironment.RedisConnectionString),
            new("Orleans:ClusterId", $"cluster-{Guid.NewGuid():N}"),
            new("Orleans:AdvertisedIPAddress", "127.0.0.1"),
            new("Auth:SigningKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48))),
        ];
        await using var hostA = new PassportApp(database, cluster);
        await using var hostB = new PassportApp(database, cluster);

        // Started together, so they also race for the migrations and demo seeding.
        await Task.WhenAll(Task.Run(hostA.StartServer), Task.Run(hostB.StartServer));

        foreach (var host in new[] { hostA, hostB })
        {
            using var admin = await host.CreateClientForAsync("admin@demo.test");
            var silos = await Eventually.HoldsAsync(
                async () => (await admin.GetFromJsonAsync<JsonElement>("/api/admin/cluster")).GetProperty("silos"),
                silos => silos.GetArrayLength() == 2,
                TimeSpan.FromSeconds(30),
                "both silos listed as active");
            Assert.All(silos.EnumerateArray(), silo => Assert.Equal("Active", silo.GetProperty("status").GetString()));
        }

        var ports = new[] { hostA, hostB }.Select(host => host.Services.GetRequiredService<IOptions<OrleansHostOptions>>().Value.SiloPort).Order().ToList();
        using var fromA = await hostA.CreateClientForAsync("admin@demo.test");
        var listed = (await fromA.GetFromJsonAsync<JsonElement>("/api/admin/cluster")).GetProperty("silos").EnumerateArray()
            .Select(silo => int.Parse(silo.GetProperty("address").GetString()!.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(ports, listed);
    }

    /// <summary>
    /// The production topology with silo traffic protected: two hosts share one certificate, form one cluster, call
    /// each other's silo, listen only on the configured address, and a TLS client with another certificate is refused.
    /// </summary>
    [Fact]
    public async Task TwoHosts_WithMutualTls_FormOneClusterListenOnlyOnTheirAddressAndRefuseOtherCertificates()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        using var certificate = TestCertificates.Create("CN=passport-silo");
        using var stranger = TestCertificates.Create("CN=passport-silo");
        var pfx = TestCertificates.WritePfx(certificate, database.Folder);
        KeyValuePair<string, string?>[] cluster =
        [
            new("ConnectionStrings:Redis", TestEnvironment.RedisConnectionString),
            new("Orleans:ClusterId", $"cluster-{Guid.NewGuid():N}"),
            new("Orleans:AdvertisedIPAddress", "127.0.0.1"),
            new("Orleans:Tls:Certificate:Path", pfx),
            new("Orleans:Tls:Certificate:Password", TestCertificates.Password),
            new("Auth:SigningKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48))),
        ];
        await using var hostA = new PassportApp(database, cluster);
        await using var hostB = new PassportApp(database, cluster);
        hostA.StartServer();
        hostB.StartServer();

        using var admin = await hostA.CreateClientForAsync("admin@demo.test");
        await Eventually.HoldsAsync(
            async () => (await admin.GetFromJsonAsync<JsonElement>("/api/admin/cluster")).GetProperty("silos").GetArrayLength(),
            count => count == 2,
            TimeSpan.FromSeconds(30),
            "both silos listed as active");
        // A call that host A's silo must deliver to host B's silo: each silo reports its own statistics.
        var management = hostA.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var silos = (await management.GetHosts(onlyActive: true)).Keys.ToArray();
        Assert.Equal(2, (await management.GetRuntimeStatistics(silos)).Length);

        var port = hostB.Services.GetRequiredService<IOptions<OrleansHostOptions>>().Value.SiloPort;
        Assert.True(await SiloAcceptsAsync(IPAddress.Loopback, port, certificate, certificate));
        Assert.False(await SiloAcceptsAsync(IPAddress.Loopback, port, stranger, certificate));
        // Loopback answers on all of 127.0.0.0/8; a silo listening on every address would accept here too.
        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => SiloAcceptsAsync(IPAddress.Parse("127.0.0.2"), port, certificate, certificate));
    }

    [Fact]
    public async Task TokenIssuedByOneHost_IsAcceptedByAnother()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        await using var hostA = new PassportApp(database);
        await using var hostB = new PassportApp(database);
        hostA.StartServer();
        hostB.StartServer();

        using var client = hostB.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await hostA.LoginAsync("youth@demo.test"));

        Assert.Equal("youth@demo.test", (await client.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("email").GetString());
    }
}
