using System.Globalization;
using System.Text;
using Dapper;
using Passport.Data.Database;

namespace Passport.Data.Consent;

/// <summary>
/// Appends to the access log. Internal on purpose: only the personal-data door of the application layer may write it,
/// so every entry means the door decided and the log cannot be written around it.
/// </summary>
internal sealed class AccessLogWriter(PassportDatabase database)
{
    private const int Columns = 10;

    // SQLite's historical limit of 999 parameters in one statement (newer builds allow more, but need not).
    private const int RowsPerStatement = 999 / Columns;

    public Task AppendAsync(AccessLogRow entry, CancellationToken cancellationToken = default) => AppendAsync([entry], cancellationToken);

    /// <summary>Writes all entries in one transaction, as one multi-row insert per 99 entries.</summary>
    public async Task AppendAsync(IReadOnlyList<AccessLogRow> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var chunk in entries.Chunk(RowsPerStatement))
        {
            var sql = new StringBuilder(
                """
                INSERT INTO access_log (id, subject_user_id, accessed_at, actor_user_id, actor_name, organisation_id, organisation_name,
                                        categories, purpose, channel)
                VALUES
                """);
            var parameters = new DynamicParameters();
            for (var i = 0; i < chunk.Length; i++)
            {
                var row = chunk[i];
                sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ",")}\n(@i{i}, @s{i}, @at{i}, @au{i}, @an{i}, @o{i}, @on{i}, @c{i}, @p{i}, @ch{i})");
                parameters.Add($"i{i}", row.Id);
                parameters.Add($"s{i}", row.SubjectUserId);
                parameters.Add($"at{i}", row.AccessedAt);
                parameters.Add($"au{i}", row.ActorUserId);
                parameters.Add($"an{i}", row.ActorName);
                parameters.Add($"o{i}", row.OrganisationId);
                parameters.Add($"on{i}", row.OrganisationName);
                parameters.Add($"c{i}", row.Categories);
                parameters.Add($"p{i}", row.Purpose);
                parameters.Add($"ch{i}", row.Channel);
            }

            await connection.ExecuteAsync(new CommandDefinition(sql.ToString(), parameters, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
