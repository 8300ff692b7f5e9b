using Passport.Data.JobSeekers;
using Passport.Domain.Sectors;

namespace Passport.Grains.JobSeekers;

/// <summary>
/// Holds a job seeker's state in memory while they are active and writes every change through to the
/// database before acknowledging it, so a host crash loses nothing and the next activation reloads it.
/// </summary>
public sealed class JobSeekerGrain(JobSeekerRepository repository, SectorCatalog sectors) : Grain, IJobSeekerGrain
{
    private PreferencesSnapshot _preferences = PreferencesSnapshot.From(Domain.JobSeekers.JobSeekerPreferences.None);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _preferences = PreferencesSnapshot.From(await repository.GetPreferencesAsync(this.GetPrimaryKey(), cancellationToken));
    }

    public Task<PreferencesSnapshot> GetPreferencesAsync() => Task.FromResult(_preferences);

    public async Task<PreferencesSnapshot> UpdatePreferencesAsync(PreferencesSnapshot preferences)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        var domain = preferences.ToDomain();
        var errors = domain.Validate(sectors);
        if (!errors.IsValid)
        {
            // Callers validate first to report errors in the user's language; reaching here is a caller bug.
            throw new ArgumentException($"Invalid preferences: {string.Join("; ", errors.Errors.Select(error => $"{error.Field} {error.Code}"))}", nameof(preferences));
        }

        await repository.SavePreferencesAsync(this.GetPrimaryKey(), domain);
        _preferences = preferences;
        return _preferences;
    }
}
