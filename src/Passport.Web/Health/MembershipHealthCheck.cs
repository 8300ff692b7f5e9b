using Microsoft.Extensions.Diagnostics.HealthChecks;
using Passport.Web.Cluster;

namespace Passport.Web.Health;

/// <summary>
/// Ready only while this silo's row in the Redis membership table says it is active (Redis clustering only): the
/// silo's own view stays "active" when the table is lost or replaced, so asking the table is the only way to know.
/// </summary>
public sealed class MembershipHealthCheck(MembershipWatch watch) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var report = await watch.CheckAsync(cancellationToken);
        return report.IsHealthy ? HealthCheckResult.Healthy(report.Description) : HealthCheckResult.Unhealthy(report.Description);
    }
}
