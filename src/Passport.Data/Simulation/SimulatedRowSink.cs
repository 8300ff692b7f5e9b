using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace Passport.Data.Simulation;

/// <summary>Writes a batch's rows of one table inside the batch's transaction, the fastest way the provider has.</summary>
internal interface ISimulatedRowSink : IAsyncDisposable
{
    Task WriteAsync(SimulatedTable table, DbTransaction transaction, CancellationToken cancellationToken);
}

/// <summary>
/// SQLite: multi-row INSERTs of up to <see cref="MaxParameters"/> values, compiled once per table and bound again for
/// every group of rows, inside the batch's transaction (which ADO.NET began on the same connection). Values are bound
/// by position through SQLite's own API: ADO.NET binds by name, which SQLite looks up one parameter at a time, and its
/// per-statement overhead, not SQLite's B-trees, is what a bulk insert spends most of its time on. Values are written
/// exactly as Microsoft.Data.Sqlite writes them (upper-case Guid text, ISO timestamps with offset), so every
/// repository reads and compares them as its own.
/// </summary>
internal sealed class SqliteRowSink(SqliteConnection connection) : ISimulatedRowSink
{
    /// <summary>SQLite's historical limit on parameters in one statement; newer builds allow more, but need not.</summary>
    private const int MaxParameters = 999;

    private readonly Dictionary<(string Table, int Rows), sqlite3_stmt> _statements = [];

    public Task WriteAsync(SimulatedTable table, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var columns = table.Columns.Count;
        var perStatement = Math.Max(1, MaxParameters / columns);
        for (var first = 0; first < table.Rows.Count; first += perStatement)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = Math.Min(perStatement, table.Rows.Count - first);
            var statement = StatementFor(table, rows);
            for (var row = 0; row < rows; row++)
            {
                var values = table.Rows[first + row];
                for (var column = 0; column < columns; column++)
                {
                    Check(Bind(statement, (row * columns) + column + 1, values[column]));
                }
            }

            var result = raw.sqlite3_step(statement);
            raw.sqlite3_reset(statement);
            if (result != raw.SQLITE_DONE)
            {
                Check(result);
            }
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }

        _statements.Clear();
        return ValueTask.CompletedTask;
    }

    private static int Bind(sqlite3_stmt statement, int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(statement, index),
        string text => raw.sqlite3_bind_text(statement, index, text),
        int number => raw.sqlite3_bind_int64(statement, index, number),
        bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
        Guid guid => raw.sqlite3_bind_text(statement, index, guid.ToString().ToUpperInvariant()),
        DateTimeOffset time => raw.sqlite3_bind_text(
            statement, index, time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
        DateOnly date => raw.sqlite3_bind_text(statement, index, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        _ => throw new InvalidOperationException($"No SQLite binding for a {value.GetType().Name}."),
    };

    // A full-size statement per table serves every group; the last, shorter group of a batch gets its own.
    private sqlite3_stmt StatementFor(SimulatedTable table, int rows)
    {
        if (_statements.TryGetValue((table.Name, rows), out var statement))
        {
            return statement;
        }

        var columns = table.Columns.Count;
        var names = string.Join(", ", table.Columns.Select(column => column.Name));
        var group = "(" + string.Join(", ", Enumerable.Repeat("?", columns)) + ")";
        var sql = $"INSERT INTO {table.Name} ({names}) VALUES {string.Join(", ", Enumerable.Repeat(group, rows))}";
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out statement));
        _statements[(table.Name, rows)] = statement;
        return statement;
    }

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(connection.Handle).utf8_to_string(), result, raw.sqlite3_extended_errcode(connection.Handle));
        }
    }
}

/// <summary>PostgreSQL: binary COPY per table, which streams rows without a statement per row.</summary>
internal sealed class PostgresRowSink(NpgsqlConnection connection) : ISimulatedRowSink
{
    public async Task WriteAsync(SimulatedTable table, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (table.Rows.Count == 0)
        {
            return;
        }

        // COPY runs in the connection's open transaction, so the batch still commits or rolls back as one.
        var names = string.Join(", ", table.Columns.Select(column => column.Name));
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table.Name} ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in table.Rows)
        {
            await importer.StartRowAsync(cancellationToken);
            for (var column = 0; column < row.Length; column++)
            {
                await WriteValueAsync(importer, row[column], table.Columns[column].Kind, cancellationToken);
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static Task WriteValueAsync(NpgsqlBinaryImporter importer, object? value, ColumnKind kind, CancellationToken cancellationToken) => value switch
    {
        null => importer.WriteNullAsync(cancellationToken),
        Guid guid => importer.WriteAsync(guid, NpgsqlDbType.Uuid, cancellationToken),
        string text => importer.WriteAsync(text, NpgsqlDbType.Text, cancellationToken),
        int number => importer.WriteAsync(number, NpgsqlDbType.Integer, cancellationToken),
        bool flag => importer.WriteAsync(flag, NpgsqlDbType.Boolean, cancellationToken),
        DateTimeOffset time => importer.WriteAsync(time.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken),
        DateOnly date => importer.WriteAsync(date, NpgsqlDbType.Date, cancellationToken),
        _ => throw new InvalidOperationException($"No PostgreSQL type for a {value.GetType().Name} in a {kind} column."),
    };
}
