using Microsoft.Data.Sqlite;
using Npgsql;
using Passport.Testing;

namespace Passport.Grains.Tests.Storage;

/// <summary>A grain that meets the database failures the product's grains can meet, for the tests of how they travel.</summary>
public interface IStorageProbeGrain : IGrainWithStringKey
{
    /// <summary>Opens a connection to a PostgreSQL port where nothing listens.</summary>
    Task ReachUnreachableDatabaseAsync();

    /// <summary>Runs a statement the database refuses (a table that does not exist).</summary>
    Task RunRefusedStatementAsync();
}

public sealed class StorageProbeGrain : Grain, IStorageProbeGrain
{
    /// <summary>Keys starting with this fail on activation, before any call filter sees the call.</summary>
    public const string FailOnActivation = "activation-";

    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        this.GetPrimaryKeyString().StartsWith(FailOnActivation, StringComparison.Ordinal) ? ReachUnreachableDatabaseAsync() : Task.CompletedTask;

    public async Task ReachUnreachableDatabaseAsync()
    {
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={FreePorts.Next()};Username=nobody;Password=none;Timeout=5");
        await connection.OpenAsync();
    }

    public async Task RunRefusedStatementAsync()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM nowhere";
        await command.ExecuteNonQueryAsync();
    }
}
