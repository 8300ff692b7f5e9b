using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Passport.Data.Database;

namespace Passport.Web.Health;

/// <summary>Ready only while the database answers a query.</summary>
public sealed class DatabaseHealthCheck(PassportDatabase database, ILogger<DatabaseHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken));
            return HealthCheckResult.Healthy($"{database.Provider} answers.");
        }
        catch (System.Data.Common.DbException ex)
        {
            logger.LogWarning(ex, "Readiness: the database does not answer");
            return HealthCheckResult.Unhealthy($"{database.Provider} does not answer.");
        }
    }
}
