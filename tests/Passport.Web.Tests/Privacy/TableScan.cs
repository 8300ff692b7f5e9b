using System.Data.Common;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Passport.Data.Database;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Privacy;

/// <summary>Reads every cell of every table of the app's database, to prove a value is nowhere.</summary>
public static class TableScan
{
    /// <summary>Each place (table and column) where one of <paramref name="needles"/> occurs, case-insensitively.</summary>
    public static async Task<List<string>> FindAsync(PassportApp app, params string[] needles)
    {
        ArgumentNullException.ThrowIfNull(app);
        var database = app.Services.GetRequiredService<PassportDatabase>();
        await using var connection = await database.OpenConnectionAsync();
        var tables = (await connection.QueryAsync<string>(database.Provider == StorageProvider.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")).ToList();
        Assert.Contains("users", tables);

        var found = new List<string>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var column = 0; column < reader.FieldCount; column++)
                {
                    var text = reader.IsDBNull(column) ? null : Convert.ToString(reader.GetValue(column), System.Globalization.CultureInfo.InvariantCulture);
                    if (text is not null && needles.Any(needle => text.Contains(needle, StringComparison.OrdinalIgnoreCase)))
                    {
                        found.Add($"{table}.{reader.GetName(column)}");
                    }
                }
            }
        }

        return found;
    }
}
