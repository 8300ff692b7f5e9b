using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Passport.Web.Accounts;
using Passport.Web.Hosting;

namespace Passport.Web.Admin;

/// <summary>
/// <c>GET /api/admin/cluster</c>: the silos of this Orleans cluster that are active now. Reading them reads the
/// membership table; when it is lost or Redis does not answer, the exception handler answers 503 (<see cref="Outages"/>).
/// </summary>
public static class ClusterApi
{
    public static IEndpointRouteBuilder MapClusterApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/admin/cluster", GetClusterAsync)
            .WithTags("Administration").WithSummary("Active silos of the cluster").RequireAuthorization(Policies.Admin)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    public sealed record SiloResponse(string Address, string Name, string HostName, string Status, DateTimeOffset StartedAt, DateTimeOffset LastAliveAt);

    public sealed record ClusterResponse(string ClusterId, string ServiceId, IReadOnlyList<SiloResponse> Silos);

    private static async Task<Ok<ClusterResponse>> GetClusterAsync(IGrainFactory grains, IOptions<OrleansHostOptions> options)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: true);
        var silos = hosts
            .OrderBy(host => host.SiloAddress.ToString(), StringComparer.Ordinal)
            .Select(host => new SiloResponse(
                host.SiloAddress.ToString(), host.SiloName, host.HostName, host.Status.ToString(),
                new DateTimeOffset(DateTime.SpecifyKind(host.StartTime, DateTimeKind.Utc)),
                new DateTimeOffset(DateTime.SpecifyKind(host.IAmAliveTime, DateTimeKind.Utc))))
            .ToList();
        return TypedResults.Ok(new ClusterResponse(options.Value.ClusterId, options.Value.ServiceId, silos));
    }
}
