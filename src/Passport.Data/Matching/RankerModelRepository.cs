using Dapper;
using Passport.Data.Database;

namespace Passport.Data.Matching;

/// <summary>Every ranker model ever trained, with its bytes; exactly one is active at a time.</summary>
public sealed class RankerModelRepository(PassportDatabase database)
{
    private const string Columns = """
        version AS Version, source AS Source, status AS Status, trained_at AS TrainedAt, training_pairs AS TrainingPairs,
        training_vacancies AS TrainingVacancies, held_out_ndcg AS HeldOutNdcg, compared_ndcg AS ComparedNdcg,
        metadata AS Metadata, created_at AS CreatedAt, promoted_at AS PromotedAt
        """;

    public async Task<string?> GetActiveVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT version FROM ranker_models WHERE status = 'Active'", cancellationToken: cancellationToken));
    }

    public async Task<RankerModelRow?> GetActiveAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<RankerModelRow>(new CommandDefinition(
            $"SELECT {Columns} FROM ranker_models WHERE status = 'Active'", cancellationToken: cancellationToken));
    }

    /// <summary>The model's bytes (the archive <c>LightGbmRanker.Save</c> wrote); null for an unknown version.</summary>
    public async Task<byte[]?> GetModelAsync(string version, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<byte[]>(new CommandDefinition(
            "SELECT model FROM ranker_models WHERE version = @version", new { version }, cancellationToken: cancellationToken));
    }

    /// <summary>Every model, newest first, without bytes.</summary>
    public Task<IReadOnlyList<RankerModelRow>> ListAsync(CancellationToken cancellationToken = default) =>
        ListAsync(null, cancellationToken);

    /// <summary>One page of the same list, in the same order.</summary>
    public async Task<IReadOnlyList<RankerModelRow>> ListAsync(PageRequest? page, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<RankerModelRow>(new CommandDefinition(
            $"SELECT {Columns} FROM ranker_models ORDER BY created_at DESC, version DESC {page?.Sql}", cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>
    /// Stores a model. If its status is <c>Active</c>, the model active until now is retired in the same transaction,
    /// so there is never a moment with none or two.
    /// </summary>
    public async Task AddAsync(RankerModelRow row, byte[] model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(model);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (row.Status == "Active")
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE ranker_models SET status = 'Retired' WHERE status = 'Active'", transaction: transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO ranker_models (version, source, status, trained_at, training_pairs, training_vacancies, held_out_ndcg,
                                       compared_ndcg, metadata, model, created_at, promoted_at)
            VALUES (@Version, @Source, @Status, @TrainedAt, @TrainingPairs, @TrainingVacancies, @HeldOutNdcg,
                    @ComparedNdcg, @Metadata, @model, @CreatedAt, @PromotedAt)
            """,
            new
            {
                row.Version, row.Source, row.Status, row.TrainedAt, row.TrainingPairs, row.TrainingVacancies, row.HeldOutNdcg,
                row.ComparedNdcg, row.Metadata, model, row.CreatedAt, row.PromotedAt,
            },
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Makes a stored model the active one (a rollback, or overriding a rejection) and retires the one active until
    /// now; false when no model has that version or it is active already.
    /// </summary>
    public async Task<bool> ActivateAsync(string version, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var status = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT status FROM ranker_models WHERE version = @version", new { version }, transaction, cancellationToken: cancellationToken));
        if (status is null or "Active")
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE ranker_models SET status = 'Retired' WHERE status = 'Active'", transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE ranker_models SET status = 'Active', promoted_at = @now WHERE version = @version",
            new { version, now }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
