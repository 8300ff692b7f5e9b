namespace Passport.Grains.JobSeekers;

/// <summary>The live state of one job seeker, keyed by their user id.</summary>
public interface IJobSeekerGrain : IGrainWithGuidKey
{
    Task<PreferencesSnapshot> GetPreferencesAsync();

    /// <summary>Stores the preferences, then answers; they must already satisfy the domain rules.</summary>
    Task<PreferencesSnapshot> UpdatePreferencesAsync(PreferencesSnapshot preferences);
}
