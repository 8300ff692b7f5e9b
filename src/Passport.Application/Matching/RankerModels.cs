using Passport.Data.Database;
using Passport.Data.Matching;
using Passport.Matching.Training;

namespace Passport.Application.Matching;

/// <summary>The ranker's models for administrators' oversight: every model trained, with its metadata, newest first.</summary>
public sealed class RankerModels(RankerStore store, RankerModelRepository models)
{
    /// <summary>The models; on an empty database the first is trained before the list is read, so it is never empty.</summary>
    public async Task<IReadOnlyList<RankerModelRow>> ListAsync(PageRequest? page = null, CancellationToken cancellationToken = default)
    {
        await store.GetAsync(cancellationToken);
        return await models.ListAsync(page, cancellationToken);
    }
}
