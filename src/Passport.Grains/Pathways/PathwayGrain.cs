using Passport.Data.Pathways;
using Passport.Data.Organisations;
using Passport.Domain.Pathways;

namespace Passport.Grains.Pathways;

/// <summary>
/// Holds one pathway in memory (loaded on activation) and writes every change through before answering, so a
/// restart or another silo never sees less than a caller was told.
/// </summary>
public sealed class PathwayGrain(PathwayRepository repository, OrganisationRepository organisations, TimeProvider time) : Grain, IPathwayGrain
{
    private PathwayView? _pathway;

    private Guid PathwayId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _pathway = await LoadAsync(cancellationToken);

    public Task<PathwayView?> GetAsync() => Task.FromResult(_pathway);

    public async Task<PathwayView?> CreateAsync(Guid organisationId, PathwayContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (_pathway is not null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var organisation = await organisations.FindAsync(organisationId)
            ?? throw new ArgumentException($"Organisation {organisationId} does not exist.", nameof(organisationId));
        var view = new PathwayView(PathwayId, organisationId, organisation.Name, PathwayStatus.Draft, content, now, now);
        if (!await repository.CreateAsync(PathwayRows.ToStored(view)))
        {
            // Another writer used this id (only possible outside the grain, for example the demo seeder): read it.
            _pathway = await LoadAsync(CancellationToken.None);
            return null;
        }

        _pathway = view;
        return view;
    }

    public async Task<PathwayChange> UpdateAsync(Guid organisationId, PathwayContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!IsOwnedBy(organisationId))
        {
            return PathwayChange.NotFound;
        }

        var current = _pathway!;
        if (!Lifecycle(current.Status).CanEdit)
        {
            return PathwayChange.NotAllowed;
        }

        var updated = current with { Content = content, UpdatedAt = time.GetUtcNow() };
        if (!await repository.UpdateAsync(PathwayRows.ToStored(updated)))
        {
            return PathwayChange.NotAllowed;
        }

        _pathway = updated;
        return PathwayChange.Done;
    }

    public Task<PathwayChange> OpenAsync(Guid organisationId) =>
        MoveAsync(organisationId, lifecycle => lifecycle.CanOpen, lifecycle => lifecycle.Open());

    public Task<PathwayChange> FillAsync(Guid organisationId) =>
        MoveAsync(organisationId, lifecycle => lifecycle.CanFill, lifecycle => lifecycle.Fill());

    public Task<PathwayChange> CloseAsync(Guid organisationId) =>
        MoveAsync(organisationId, lifecycle => lifecycle.CanClose, lifecycle => lifecycle.Close());

    public Task ForgetAsync()
    {
        _pathway = null;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private async Task<PathwayChange> MoveAsync(Guid organisationId, Func<PathwayLifecycle, bool> allowed, Action<PathwayLifecycle> move)
    {
        if (!IsOwnedBy(organisationId))
        {
            return PathwayChange.NotFound;
        }

        var current = _pathway!;
        var status = current.Status;
        var lifecycle = new PathwayLifecycle(() => status, value => status = value);
        if (!allowed(lifecycle))
        {
            return PathwayChange.NotAllowed;
        }

        move(lifecycle);
        var now = time.GetUtcNow();
        if (!await repository.UpdateStatusAsync(PathwayId, current.Status.ToString(), status.ToString(), now))
        {
            return PathwayChange.NotAllowed;
        }

        _pathway = current with { Status = status, UpdatedAt = now };
        return PathwayChange.Done;
    }

    private bool IsOwnedBy(Guid organisationId) => _pathway is not null && _pathway.OrganisationId == organisationId;

    private static PathwayLifecycle Lifecycle(PathwayStatus status) => new(() => status, _ => { });

    private async Task<PathwayView?> LoadAsync(CancellationToken cancellationToken)
    {
        var stored = await repository.GetAsync(PathwayId, cancellationToken);
        return stored is null ? null : PathwayRows.ToView(stored);
    }
}
