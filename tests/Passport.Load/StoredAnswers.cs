using Microsoft.Data.Sqlite;
using Npgsql;

namespace Passport.Load;

/// <summary>The (session, item) keys in <c>sprint_responses</c>, read after the run to find acknowledged answers that were lost.</summary>
public static class StoredAnswers
{
    public static async Task<HashSet<string>> ReadSqliteAsync(string path)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT session_id, item_id FROM sprint_responses";
        return await ReadAsync(command);
    }

    public static async Task<HashSet<string>> ReadPostgresAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT session_id::text, item_id FROM sprint_responses";
        return await ReadAsync(command);
    }

    private static async Task<HashSet<string>> ReadAsync(System.Data.Common.DbCommand command)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var sessionId = reader.GetValue(0) switch
            {
                Guid guid => guid,
                byte[] bytes => new Guid(bytes),
                var text => Guid.Parse(Convert.ToString(text, System.Globalization.CultureInfo.InvariantCulture)!, System.Globalization.CultureInfo.InvariantCulture),
            };
            keys.Add(AcknowledgedAnswers.Key(sessionId, reader.GetString(1)));
        }

        return keys;
    }
}
