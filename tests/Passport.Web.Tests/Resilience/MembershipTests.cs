using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Clustering.Redis;
using Orleans.Configuration;
using Orleans.Runtime;
using Passport.Data.Database;
using Passport.Testing;
using Passport.Web.Cluster;
using Passport.Web.Hosting;
using Passport.Web.Tests.Hosting;
using StackExchange.Redis;

namespace Passport.Web.Tests.Resilience;

/// <summary>
/// The Redis membership table lost under running hosts (a Redis restart without persistence): the hosts say so in
/// readiness and logs, no host starts a second cluster silently, the documented recovery works, and a host with
/// broken membership still stops within Orleans:ShutdownTimeout. Each test has a cluster (and Redis key) of its own.
/// </summary>
public abstract class MembershipTests(StorageProvider provider)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task MembershipTableLost_ReadinessAnswers503AndClusterApiAnswers503Problem()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = new PassportApp(database, ClusterSettings(NewCluster()));
        host.StartServer();
        using var anonymous = host.CreateClient();
        using var admin = await host.CreateClientForAsync("admin@demo.test");
        await Eventually.HoldsAsync(() => StatusAsync(anonymous, "/health/ready"), status => status == HttpStatusCode.OK, Patience, "ready");

        await DeleteMembershipTableAsync(host);
        using var ready = await anonymous.GetAsync("/health/ready");
        using var cluster = await admin.GetAsync("/api/admin/cluster");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var membership = (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks").GetProperty("membership");
        Assert.Equal("Unhealthy", membership.GetProperty("status").GetString());
        Assert.Contains("missing", membership.GetProperty("description").GetString(), StringComparison.Ordinal);
        await ProblemAssert.IsProblemAsync(cluster, HttpStatusCode.ServiceUnavailable);
        Assert.True(cluster.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task MembershipTableLost_WatchLogsOneErrorNamingTheFaultAndTheRecovery()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = new PassportApp(database, ClusterSettings(NewCluster()));
        host.StartServer();
        var logger = new RecordingLogger<MembershipWatch>();
        var services = host.Services;
        var watch = new MembershipWatch(
            services.GetRequiredService<IMembershipTable>(), services.GetRequiredService<ILocalSiloDetails>(),
            services.GetRequiredService<ISiloStatusOracle>(), services.GetRequiredService<IOptions<OrleansHostOptions>>(), logger);
        var before = await watch.CheckAsync(CancellationToken.None);

        await DeleteMembershipTableAsync(host);
        var first = await watch.CheckAsync(CancellationToken.None);
        var second = await watch.CheckAsync(CancellationToken.None);

        Assert.Equal(MembershipState.Active, before.State);
        Assert.Equal(MembershipState.Lost, first.State);
        Assert.Equal(MembershipState.Lost, second.State);
        var error = Assert.Single(logger.Entries, entry => entry.Level >= LogLevel.Error);
        Assert.Contains("missing from Redis", error.Message, StringComparison.Ordinal);
        Assert.Contains("stop every Passport host", error.Message, StringComparison.Ordinal);
        Assert.Contains("appendonly yes", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The repair the operator tried: restarting one host while the others still run. It refuses with one line naming
    /// the live host; with the documented override it starts, and the old host then reports that it is not in the table.
    /// </summary>
    [Fact]
    public async Task HostStarting_TableLostWhileAnotherHostIsAlive_RefusesUnlessOverriddenAndTheOldHostNoticesTheNewCluster()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var cluster = NewCluster();
        await using var running = new PassportApp(database, ClusterSettings(cluster));
        running.StartServer();
        await DeleteMembershipTableAsync(running);

        var refused = await HostProcess.RunUntilExitAsync(
            [.. database.Settings().Concat(ClusterSettings(cluster)).Concat(OwnPorts()).Select(setting => $"--{setting.Key}={setting.Value}")]);
        await using var forced = new PassportApp(database, [.. ClusterSettings(cluster), new("Orleans:AllowNewCluster", "true")]);
        forced.StartServer();
        using var anonymous = running.CreateClient();
        var oldHost = await Eventually.HoldsAsync(
            () => ReadyAsync(anonymous), ready => ready.Membership.Contains("not in the membership table", StringComparison.Ordinal), Patience,
            "the old host reporting that it is not in the new table");

        Assert.Equal(1, refused.ExitCode);
        var line = Assert.Single(refused.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"Passport cannot start: The membership table of cluster {cluster.ClusterId} is empty", line, StringComparison.Ordinal);
        Assert.Contains("second cluster", line, StringComparison.Ordinal);
        Assert.Contains(running.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString(), line, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, oldHost.Status);
    }

    /// <summary>
    /// The documented recovery: stop every host (each within Orleans:ShutdownTimeout although its membership is broken),
    /// then start them again; the first one creates the table anew and is ready.
    /// </summary>
    [Fact]
    public async Task Recovery_TableLostThenEveryHostStoppedAndStarted_StopsWithinTheTimeoutAndFormsTheClusterAgain()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var cluster = NewCluster();
        var shutdownTimeout = TimeSpan.FromSeconds(10);
        KeyValuePair<string, string?>[] settings = [.. ClusterSettings(cluster), new("Orleans:ShutdownTimeout", "00:00:10")];
        var broken = new PassportApp(database, settings);
        broken.StartServer();
        await DeleteMembershipTableAsync(broken);

        var stopping = Stopwatch.StartNew();
        await broken.DisposeAsync();
        stopping.Stop();
        await using var again = new PassportApp(database, settings);
        again.StartServer();
        using var anonymous = again.CreateClient();
        using var admin = await again.CreateClientForAsync("admin@demo.test");
        var ready = await Eventually.HoldsAsync(() => StatusAsync(anonymous, "/health/ready"), status => status == HttpStatusCode.OK, Patience, "ready");
        var silos = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/cluster")).GetProperty("silos");

        // Generous: the bound is the setting; the rest is the in-process host's own disposal.
        Assert.InRange(stopping.Elapsed, TimeSpan.Zero, shutdownTimeout + TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, ready);
        Assert.Equal(1, silos.GetArrayLength());
    }

    private sealed record ClusterIds(string ClusterId, string ServiceId);

    private static ClusterIds NewCluster() => new($"cluster-{Guid.NewGuid():N}", $"service-{Guid.NewGuid():N}");

    private static KeyValuePair<string, string?>[] ClusterSettings(ClusterIds cluster) =>
    [
        new("ConnectionStrings:Redis", TestEnvironment.RedisConnectionString),
        new("Orleans:ClusterId", cluster.ClusterId),
        new("Orleans:ServiceId", cluster.ServiceId),
        new("Orleans:AdvertisedIPAddress", "127.0.0.1"),
        // Hosts of one cluster must read each other's tokens.
        new("Auth:SigningKey", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(cluster.ServiceId.PadRight(48, 'k')))),
    ];

    private static KeyValuePair<string, string?>[] OwnPorts() =>
    [
        new("Orleans:SiloPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Orleans:GatewayPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    /// <summary>What a Redis restart without persistence does to the cluster: its key, as Orleans names it, is gone.</summary>
    private static async Task DeleteMembershipTableAsync(PassportApp host)
    {
        var key = host.Services.GetRequiredService<IOptions<RedisClusteringOptions>>().Value
            .CreateRedisKey(host.Services.GetRequiredService<IOptions<ClusterOptions>>().Value);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.RedisConnectionString);
        Assert.True(await redis.GetDatabase().KeyDeleteAsync(key), $"The membership table {key} was not in Redis.");
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return response.StatusCode;
    }

    private sealed record Readiness(HttpStatusCode Status, string Membership);

    private static async Task<Readiness> ReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health/ready");
        var membership = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks").GetProperty("membership");
        return new(response.StatusCode, membership.GetProperty("description").GetString() ?? "");
    }
}

public sealed class SqliteMembershipTests() : MembershipTests(StorageProvider.Sqlite);

[Trait("Category", "Postgres")]
public sealed class PostgresMembershipTests() : MembershipTests(StorageProvider.Postgres);
