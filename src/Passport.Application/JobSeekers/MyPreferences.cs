using System.Security.Claims;
using Passport.Application.Accounts;
using Passport.Domain.JobSeekers;
using Passport.Domain.Places;
using Passport.Domain.Sectors;
using Passport.Domain.Validation;
using Passport.Grains.JobSeekers;

namespace Passport.Application.JobSeekers;

/// <summary>
/// The kind of work a job seeker looks for, where they live and whether employers may find them without their name;
/// for the API and the profile page, always the caller's own.
/// </summary>
public sealed class MyPreferences(IGrainFactory grains, SectorCatalog sectors, PlaceCatalog places)
{
    public Task<PreferencesSnapshot> GetAsync(ClaimsPrincipal owner) => JobSeeker(owner).GetPreferencesAsync();

    /// <summary>The rules preferences must meet: known sectors and place, sensible hours.</summary>
    public ValidationErrors Check(JobSeekerPreferences preferences)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        return preferences.Validate(sectors, places);
    }

    /// <summary>Replaces all preferences once they pass <see cref="Check"/>.</summary>
    public async Task<Outcome<PreferencesSnapshot>> ChangeAsync(ClaimsPrincipal owner, JobSeekerPreferences preferences)
    {
        var errors = Check(preferences);
        return errors.IsValid
            ? Outcome.Done(await JobSeeker(owner).UpdatePreferencesAsync(PreferencesSnapshot.From(preferences)))
            : Outcome.Invalid<PreferencesSnapshot>(errors);
    }

    private IJobSeekerGrain JobSeeker(ClaimsPrincipal owner) =>
        grains.GetGrain<IJobSeekerGrain>(owner?.GetUserId() ?? throw new InvalidOperationException("Only a signed-in job seeker has preferences."));
}
