using Dapper;
using Passport.Data.Database;

namespace Passport.Data.Plans;

/// <summary>One barrier or need a person named on their plan, when, and by which side.</summary>
public sealed class PlanBarrierRow
{
    public string Barrier { get; set; } = "";

    public DateTimeOffset NamedAt { get; set; }

    public string NamedBySide { get; set; } = "";
}

/// <summary>The barriers and needs on a person's plan (table <c>plan_barriers</c>, migration 0028).</summary>
public sealed class PlanBarrierRepository(PassportDatabase database)
{
    public async Task<IReadOnlyList<PlanBarrierRow>> ListAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<PlanBarrierRow>(new CommandDefinition(
            "SELECT barrier AS Barrier, named_at AS NamedAt, named_by_side AS NamedBySide FROM plan_barriers WHERE person_id = @personId",
            new { personId }, cancellationToken: cancellationToken))];
    }

    /// <summary>
    /// Makes the named barriers the person's whole list in one transaction: those no longer named go, new ones are
    /// added with <paramref name="at"/> and <paramref name="side"/>, those named before keep when and by whom.
    /// </summary>
    public async Task ReplaceAsync(Guid personId, IReadOnlyList<string> barriers, string side, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(barriers);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var existing = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT barrier FROM plan_barriers WHERE person_id = @personId", new { personId }, transaction, cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in existing.Where(barrier => !barriers.Contains(barrier, StringComparer.Ordinal)))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM plan_barriers WHERE person_id = @personId AND barrier = @gone", new { personId, gone }, transaction, cancellationToken: cancellationToken));
        }

        foreach (var barrier in barriers.Where(barrier => !existing.Contains(barrier)))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO plan_barriers (person_id, barrier, named_at, named_by_side) VALUES (@personId, @barrier, @at, @side)",
                new { personId, barrier, at, side }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
