using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;
using Orleans.TestingHost;
using Passport.Data.Database;
using Passport.Grains.Storage;

namespace Passport.Grains.Tests.Storage;

/// <summary>
/// Database exceptions leave a silo in a form another silo can read (the client here talks to the silo through its
/// gateway, so every answer is serialized, as between silos). Without this they failed with "could not find a codec".
/// </summary>
public sealed class StorageFaultTests : IAsyncLifetime
{
    private InProcessTestCluster _cluster = default!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddPassportStorageFaults());
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Call_DatabaseUnreachable_ReachesTheCallerAsStorageUnavailableException()
    {
        var probe = _cluster.Client.GetGrain<IStorageProbeGrain>(Guid.NewGuid().ToString());

        var thrown = await Assert.ThrowsAnyAsync<Exception>(probe.ReachUnreachableDatabaseAsync);

        var unavailable = Assert.IsType<StorageUnavailableException>(thrown);
        Assert.Contains(nameof(IStorageProbeGrain.ReachUnreachableDatabaseAsync), unavailable.Message, StringComparison.Ordinal);
    }

    /// <summary>No call filter sees an activation; the database's own exception travels, with the cause that makes it an outage.</summary>
    [Fact]
    public async Task Activation_DatabaseUnreachable_ReachesTheCallerAsTheDatabaseExceptionWithItsCause()
    {
        var probe = _cluster.Client.GetGrain<IStorageProbeGrain>(StorageProbeGrain.FailOnActivation + Guid.NewGuid());

        var thrown = await Assert.ThrowsAnyAsync<Exception>(probe.RunRefusedStatementAsync);

        var npgsql = Assert.IsType<NpgsqlException>(thrown);
        Assert.IsType<SocketException>(npgsql.InnerException);
        Assert.True(StorageFaults.IsUnavailable(thrown));
    }

    [Fact]
    public async Task Call_StatementRefused_ReachesTheCallerAsTheDatabaseExceptionNotAsAnOutage()
    {
        var probe = _cluster.Client.GetGrain<IStorageProbeGrain>(Guid.NewGuid().ToString());

        var thrown = await Assert.ThrowsAnyAsync<Exception>(probe.RunRefusedStatementAsync);

        var sqlite = Assert.IsType<SqliteException>(thrown);
        Assert.Contains("no such table", sqlite.Message, StringComparison.Ordinal);
        Assert.False(StorageFaults.IsUnavailable(thrown));
    }
}
