using System.Collections.Immutable;
using Passport.Domain.JobSeekers;

namespace Passport.Grains.JobSeekers;

/// <summary>A job seeker's preferences as they cross grain boundaries.</summary>
[GenerateSerializer, Immutable]
public sealed record PreferencesSnapshot(
    [property: Id(0)] ImmutableArray<string> Sectors,
    [property: Id(1)] int? HoursPerWeek,
    [property: Id(2)] string? HomePlace = null,
    [property: Id(3)] bool OpenToMatching = false)
{
    public static PreferencesSnapshot From(JobSeekerPreferences preferences)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        return new([.. preferences.Sectors], preferences.HoursPerWeek, preferences.HomePlace, preferences.OpenToMatching);
    }

    public JobSeekerPreferences ToDomain() => new([.. Sectors], HoursPerWeek, HomePlace, OpenToMatching);
}
