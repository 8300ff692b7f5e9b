using System.Threading.Channels;
using Passport.Grains.Workshops;

namespace Passport.Grains.Tests.Workshops;

/// <summary>A coach's board for tests: every pushed board lands in a channel the test reads in order.</summary>
public sealed class RecordingBoard : IWorkshopObserver
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly Channel<WorkshopBoard> _boards = Channel.CreateUnbounded<WorkshopBoard>();

    public Task OnBoardChanged(WorkshopBoard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        return _boards.Writer.WriteAsync(board).AsTask();
    }

    /// <summary>Reads pushed boards until one satisfies <paramref name="condition"/>; fails the test if none comes in time.</summary>
    public async Task<WorkshopBoard> UntilAsync(Func<WorkshopBoard, bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var board = await _boards.Reader.ReadAsync(timeout.Token);
            if (condition(board))
            {
                return board;
            }
        }
    }
}
