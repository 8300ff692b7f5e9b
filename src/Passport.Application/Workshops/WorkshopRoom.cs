using System.Security.Claims;
using Passport.Application.Accounts;
using Passport.Application.PersonalData;
using Passport.Data.Workshops;
using Passport.Domain.Workshops;
using Passport.Grains.JobSeekers;
using Passport.Grains.Workshops;

namespace Passport.Application.Workshops;

/// <summary>
/// Live workshops: a coach opens one and watches its board; a job seeker finds it by its code, reads what the coach
/// will see, and joins or leaves. The coach's grain calls carry the coach and their organisation, and the workshop
/// grain shows a board only to the coach who opened it.
/// </summary>
public sealed class WorkshopRoom(IGrainFactory grains, WorkshopRepository workshops, IPersonalData personalData)
{
    public const int TitleMaxLength = 80;

    public Task<IReadOnlyList<WorkshopRow>> ListOpenAsync(ClaimsPrincipal coach, CancellationToken cancellationToken = default) =>
        workshops.ListOpenOfCoachAsync(UserId(coach), cancellationToken);

    /// <summary>Opens a workshop with a fresh join code; null when the title is empty or longer than <see cref="TitleMaxLength"/>.</summary>
    public async Task<Guid?> OpenAsync(ClaimsPrincipal coach, string? title)
    {
        var trimmed = title?.Trim() ?? "";
        if (trimmed.Length is 0 or > TitleMaxLength || coach.GetOrganisationId() is not { } organisationId)
        {
            return null;
        }

        var workshopId = Guid.CreateVersion7();
        await grains.GetGrain<IWorkshopGrain>(workshopId).OpenAsync(UserId(coach), organisationId, trimmed);
        return workshopId;
    }

    public Task<bool> CloseAsync(ClaimsPrincipal coach, Guid workshopId) => grains.GetGrain<IWorkshopGrain>(workshopId).CloseAsync(UserId(coach));

    /// <summary>The board as it is now; null unless the caller is the coach who opened the workshop.</summary>
    public Task<WorkshopBoard?> BoardAsync(ClaimsPrincipal coach, Guid workshopId) =>
        grains.GetGrain<IWorkshopGrain>(workshopId).GetBoardAsync(UserId(coach), coach.GetOrganisationId() ?? Guid.Empty);

    /// <summary>The board now and every change after it, pushed to <paramref name="observer"/> (from <see cref="Observe"/>).</summary>
    public Task<WorkshopBoard?> WatchAsync(ClaimsPrincipal coach, Guid workshopId, IWorkshopObserver observer) =>
        grains.GetGrain<IWorkshopGrain>(workshopId).SubscribeAsync(UserId(coach), coach.GetOrganisationId() ?? Guid.Empty, observer);

    public Task StopWatchingAsync(Guid workshopId, IWorkshopObserver observer) => grains.GetGrain<IWorkshopGrain>(workshopId).UnsubscribeAsync(observer);

    public IWorkshopObserver Observe(IWorkshopObserver observer) => grains.CreateObjectReference<IWorkshopObserver>(observer);

    public void StopObserving(IWorkshopObserver reference) => grains.DeleteObjectReference<IWorkshopObserver>(reference);

    public Task<WorkshopRow?> FindAsync(JoinCode code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        return workshops.FindByCodeAsync(code.Value, cancellationToken);
    }

    /// <summary>The open workshop the participant is in now, if any.</summary>
    public async Task<WorkshopRow?> CurrentAsync(ClaimsPrincipal participant, CancellationToken cancellationToken = default) =>
        await JobSeeker(participant).GetWorkshopAsync() is { } workshopId
            && await workshops.GetAsync(workshopId, cancellationToken) is { Status: nameof(WorkshopStatus.Open) } current
            ? current
            : null;

    /// <summary>
    /// Joins after the participant read the notice. The access log notes the coach's view first, through the door,
    /// so the board never shows someone whose log does not say so; false when the workshop closed in the meantime.
    /// </summary>
    public async Task<bool> JoinAsync(ClaimsPrincipal participant, WorkshopRow workshop, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        await personalData.RecordWorkshopViewAsync(
            participant, new WorkshopReader(workshop.CoachUserId, workshop.CoachName, workshop.OrganisationId, workshop.OrganisationName, workshop.Title),
            cancellationToken);
        return await JobSeeker(participant).JoinWorkshopAsync(workshop.Id, participant.FindFirst(PassportClaims.Name)?.Value ?? "");
    }

    public Task LeaveAsync(ClaimsPrincipal participant) => JobSeeker(participant).LeaveWorkshopAsync();

    private IJobSeekerGrain JobSeeker(ClaimsPrincipal participant) => grains.GetGrain<IJobSeekerGrain>(UserId(participant));

    private static Guid UserId(ClaimsPrincipal user) => user?.GetUserId() ?? throw new InvalidOperationException("Workshops need a signed-in user.");
}
