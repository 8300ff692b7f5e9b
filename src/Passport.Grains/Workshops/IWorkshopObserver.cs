using Orleans.Concurrency;

namespace Passport.Grains.Workshops;

/// <summary>
/// A coach's live board, on any host. Each push is the whole board, so a lost or late push is made good by the
/// next and order never matters.
/// </summary>
public interface IWorkshopObserver : IGrainObserver
{
    [OneWay]
    Task OnBoardChanged(WorkshopBoard board);
}
