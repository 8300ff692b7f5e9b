using Dapper;
using Passport.Data.Database;
using Passport.Domain.JobSeekers;

namespace Passport.Data.JobSeekers;

/// <summary>The job seeker's own rows, keyed by their user id (they own them).</summary>
public sealed class JobSeekerRepository(PassportDatabase database, TimeProvider time)
{
    public async Task<JobSeekerPreferences> GetPreferencesAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PreferencesRow>(new CommandDefinition(
            """
            SELECT hours_per_week AS HoursPerWeek, home_place AS HomePlace, open_to_matching AS OpenToMatching
            FROM job_seeker_preferences WHERE user_id = @userId
            """,
            new { userId }, cancellationToken: cancellationToken));
        if (row is null)
        {
            return JobSeekerPreferences.None;
        }

        var sectors = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT sector_id FROM job_seeker_sectors WHERE user_id = @userId ORDER BY position",
            new { userId }, cancellationToken: cancellationToken));
        return new JobSeekerPreferences([.. sectors], row.HoursPerWeek, row.HomePlace, row.OpenToMatching);
    }

    /// <summary>Replaces the preferences in one transaction: either all of them are stored or none.</summary>
    public async Task SavePreferencesAsync(Guid userId, JobSeekerPreferences preferences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO job_seeker_preferences (user_id, hours_per_week, home_place, open_to_matching, updated_at)
            VALUES (@userId, @HoursPerWeek, @HomePlace, @OpenToMatching, @now)
            ON CONFLICT (user_id) DO UPDATE SET hours_per_week = excluded.hours_per_week, home_place = excluded.home_place,
                open_to_matching = excluded.open_to_matching, updated_at = excluded.updated_at
            """,
            new { userId, preferences.HoursPerWeek, preferences.HomePlace, preferences.OpenToMatching, now = time.GetUtcNow() }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM job_seeker_sectors WHERE user_id = @userId", new { userId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO job_seeker_sectors (user_id, sector_id, position) VALUES (@userId, @sector, @position)",
            preferences.Sectors.Select((sector, position) => new { userId, sector, position }),
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    // Dapper fills settable properties with conversion (SQLite hands back Int64 for numbers and flags); positional
    // records need exact types.
    private sealed class PreferencesRow
    {
        public int? HoursPerWeek { get; init; }

        public string? HomePlace { get; init; }

        public bool OpenToMatching { get; init; }
    }
}
