using Passport.Application.Privacy;
using Passport.Data.Plans;

namespace Passport.Application.Plans;

/// <summary>
/// The barriers and needs on the person's plan. The rows cascade from the account and hold no staff names, so erasing
/// has nothing more to do.
/// </summary>
internal sealed class PlanBarriersDataSection(PlanBarrierRepository barriers) : IPersonalDataSection
{
    public string Name => "planBarriers";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken cancellationToken) =>
        (await barriers.ListAsync(userId, cancellationToken)).Select(row => new { row.Barrier, row.NamedAt, row.NamedBySide });

    public Task EraseAsync(Guid userId, CancellationToken cancellationToken) => Task.CompletedTask;
}
