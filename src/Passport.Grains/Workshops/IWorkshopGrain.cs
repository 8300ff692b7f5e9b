using Orleans.Concurrency;

namespace Passport.Grains.Workshops;

/// <summary>
/// A coach's live workshop, keyed by its id: who joined (after agreeing to the notice) and how far each one is.
/// The board carries progress and completion only; answers and results never reach this grain.
/// </summary>
public interface IWorkshopGrain : IGrainWithGuidKey
{
    /// <summary>Opens the workshop with a new join code, stored before it is answered.</summary>
    Task<string> OpenAsync(Guid coachUserId, Guid organisationId, string title);

    /// <summary>Adds the job seeker to the board, recording their agreement; false when the workshop is not open.</summary>
    Task<bool> JoinAsync(Guid userId, string displayName);

    Task LeaveAsync(Guid userId);

    /// <summary>Closes the workshop; only the coach who opened it may. False when refused or not open.</summary>
    Task<bool> CloseAsync(Guid coachUserId);

    /// <summary>The board, for the coach who opened it or a coach of the same organisation; null for anyone else.</summary>
    Task<WorkshopBoard?> GetBoardAsync(Guid coachUserId, Guid organisationId);

    /// <summary>A participant's session moved on, paused, resumed or ended. Fire and forget: never holds up or fails an answer.</summary>
    [OneWay]
    Task ReportProgressAsync(ProgressReport report);

    /// <summary>Pushes the whole board to the observer on every change; answers the board now, or null when refused (as <see cref="GetBoardAsync"/>).</summary>
    Task<WorkshopBoard?> SubscribeAsync(Guid coachUserId, Guid organisationId, IWorkshopObserver observer);

    Task UnsubscribeAsync(IWorkshopObserver observer);
}
