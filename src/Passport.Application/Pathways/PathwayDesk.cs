using System.Security.Claims;
using Passport.Application.Accounts;
using Passport.Data.Database;
using Passport.Data.Pathways;

namespace Passport.Application.Pathways;

/// <summary>
/// Lists of education pathways: a provider's own (keyed by the caller's organisation) and those on offer to everyone.
/// Read from the tables: every pathway grain writes through before it answers, so the rows are current.
/// </summary>
public sealed class PathwayDesk(PathwayRepository pathways)
{
    public Task<IReadOnlyList<StoredPathway>> ListOwnAsync(ClaimsPrincipal staff, PageRequest? page = null, CancellationToken cancellationToken = default) =>
        pathways.ListOfOrganisationAsync(
            staff?.GetOrganisationId() ?? throw new InvalidOperationException("Only staff of an organisation have pathways."), page, cancellationToken);

    public Task<IReadOnlyList<StoredPathway>> ListOnOfferAsync(PageRequest? page = null, CancellationToken cancellationToken = default) =>
        pathways.ListPublishedAsync(page, cancellationToken);
}
