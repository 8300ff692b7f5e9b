namespace Passport.Data.Database;

/// <summary>
/// Fills the database with content it needs at start (for example demo accounts). Seeders run after the migrations,
/// under the start-up lock, on every start, so they must be idempotent.
/// </summary>
public interface IDatabaseSeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}
