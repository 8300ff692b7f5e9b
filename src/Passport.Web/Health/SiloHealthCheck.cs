using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Passport.Web.Health;

/// <summary>Ready only while this host's silo is an active member of its cluster.</summary>
public sealed class SiloHealthCheck(ISiloStatusOracle silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(silo.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy($"Silo {silo.SiloAddress} is active.")
            : HealthCheckResult.Unhealthy($"Silo {silo.SiloAddress} is {silo.CurrentStatus}."));
}
