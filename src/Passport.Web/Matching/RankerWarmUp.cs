using Passport.Matching.Candidates;
using Passport.Matching.Training;

namespace Passport.Web.Matching;

/// <summary>
/// Makes sure a model exists (the cold start trains the first one from the simulated market) and reads the
/// candidate pool while the host starts, so the first list shown is as fast as the rest.
/// </summary>
public sealed class RankerWarmUp(RankerStore rankers, CandidatePool pool) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await rankers.GetAsync(cancellationToken);
        await pool.GetAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
