using Passport.Data.Vacancies;
using Passport.Domain.Vacancies;

namespace Passport.Grains.Vacancies;

/// <summary>
/// One vacancy: loaded on activation, every change stored before it is acknowledged (write-through), so a crash or
/// a move to another silo loses nothing. The lifecycle decides which moves are allowed.
/// </summary>
public sealed class VacancyGrain(VacancyRepository repository, TimeProvider time) : Grain, IVacancyGrain
{
    private VacancyRecord? _record;

    private Guid VacancyId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _record = await repository.GetAsync(VacancyId, cancellationToken);

    public async Task<VacancyView> CreateAsync(Guid organisationId, Guid? createdByUserId, VacancyDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (_record is not null)
        {
            throw new InvalidOperationException($"Vacancy {VacancyId} exists already.");
        }

        var record = new VacancyRecord(VacancyId, organisationId, createdByUserId, details.ToVacancy(), VacancyStatus.Draft, time.GetUtcNow(), null, null);
        if (!await repository.CreateAsync(record))
        {
            throw new InvalidOperationException($"Vacancy {VacancyId} was stored by someone else meanwhile.");
        }

        _record = record;
        return VacancyView.From(record);
    }

    public Task<VacancyView?> GetAsync(Guid organisationId) =>
        Task.FromResult(Owned(organisationId) is { } record ? VacancyView.From(record) : null);

    public Task<VacancyResult> PublishAsync(Guid organisationId) =>
        MoveAsync(organisationId, lifecycle => lifecycle.CanPublish, lifecycle => lifecycle.Publish());

    public Task<VacancyResult> CloseAsync(Guid organisationId) =>
        MoveAsync(organisationId, lifecycle => lifecycle.CanClose, lifecycle => lifecycle.Close());

    public async Task<VacancyResult> UpdateAsync(Guid organisationId, Guid? editorUserId, VacancyDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (Owned(organisationId) is not { } record)
        {
            return new VacancyResult(VacancyChange.NotFound, null);
        }

        var status = record.Status;
        if (!new VacancyLifecycle(() => status, _ => { }).CanEdit)
        {
            return new VacancyResult(VacancyChange.NotAllowed, VacancyView.From(record));
        }

        var vacancy = details.ToVacancy();
        var changed = VacancyChanges.Between(record.Vacancy, vacancy);
        if (changed.Count == 0)
        {
            return new VacancyResult(VacancyChange.Done, VacancyView.From(record));
        }

        // A draft is still being written; once published, people and the ranker have seen it, so the edit is recorded.
        var change = status == VacancyStatus.Published
            ? new VacancyChangeRow
            {
                Id = Guid.CreateVersion7(), VacancyId = VacancyId, ChangedAt = time.GetUtcNow(), ChangedByUserId = editorUserId,
                Fields = string.Join(' ', changed),
            }
            : null;
        if (!await repository.UpdateAsync(VacancyId, status, vacancy, change))
        {
            // The row no longer says what this grain holds (another silo during a split, or a manual edit): reload and refuse.
            _record = await repository.GetAsync(VacancyId);
            return new VacancyResult(VacancyChange.NotAllowed, _record is null ? null : VacancyView.From(_record));
        }

        _record = record with { Vacancy = vacancy };
        return new VacancyResult(VacancyChange.Done, VacancyView.From(_record));
    }

    private async Task<VacancyResult> MoveAsync(Guid organisationId, Func<VacancyLifecycle, bool> allowed, Action<VacancyLifecycle> move)
    {
        if (Owned(organisationId) is not { } record)
        {
            return new VacancyResult(VacancyChange.NotFound, null);
        }

        var status = record.Status;
        var lifecycle = new VacancyLifecycle(() => status, value => status = value);
        if (!allowed(lifecycle))
        {
            return new VacancyResult(VacancyChange.NotAllowed, VacancyView.From(record));
        }

        move(lifecycle);
        var at = time.GetUtcNow();
        if (!await repository.UpdateStatusAsync(VacancyId, record.Status, status, at))
        {
            // The row no longer says what this grain holds (another silo during a split, or a manual edit): reload and refuse.
            _record = await repository.GetAsync(VacancyId);
            return new VacancyResult(VacancyChange.NotAllowed, _record is null ? null : VacancyView.From(_record));
        }

        _record = record with
        {
            Status = status,
            PublishedAt = status == VacancyStatus.Published ? at : record.PublishedAt,
            ClosedAt = status == VacancyStatus.Closed ? at : record.ClosedAt,
        };
        return new VacancyResult(VacancyChange.Done, VacancyView.From(_record));
    }

    private VacancyRecord? Owned(Guid organisationId) =>
        _record is not null && _record.OrganisationId == organisationId && organisationId != Guid.Empty ? _record : null;
}
