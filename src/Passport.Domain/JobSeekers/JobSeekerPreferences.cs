using Passport.Domain.Places;
using Passport.Domain.Sectors;
using Passport.Domain.Validation;

namespace Passport.Domain.JobSeekers;

/// <summary>
/// What kind of work a job seeker is looking for (sectors of interest and hours per week), where they live (a place
/// id of the catalogue, or none) and whether employers may find their passport without their name (opt-in).
/// </summary>
public sealed record JobSeekerPreferences(
    IReadOnlyList<string> Sectors,
    int? HoursPerWeek,
    string? HomePlace = null,
    bool OpenToMatching = false)
{
    public const int MaxSectors = 5;
    public const int MinHoursPerWeek = 1;

    /// <summary>The EU Working Time Directive's weekly maximum.</summary>
    public const int MaxHoursPerWeek = 48;

    /// <summary>Nothing chosen: no sectors, no hours, no place, not open to matching.</summary>
    public static JobSeekerPreferences None { get; } = new([], null);

    public ValidationErrors Validate(SectorCatalog sectors, PlaceCatalog places)
    {
        ArgumentNullException.ThrowIfNull(sectors);
        ArgumentNullException.ThrowIfNull(places);
        var errors = new ValidationErrors();
        if (Sectors is null)
        {
            errors.Add("sectors", "Sectors.Required");
        }
        else
        {
            if (Sectors.Count > MaxSectors)
            {
                errors.Add("sectors", "Sectors.TooMany", MaxSectors);
            }

            foreach (var sector in Sectors.Where(sector => !sectors.IsKnown(sector)))
            {
                errors.Add("sectors", "Sectors.Unknown", sector ?? "");
            }

            if (Sectors.Distinct(StringComparer.Ordinal).Count() != Sectors.Count)
            {
                errors.Add("sectors", "Sectors.Duplicate");
            }
        }

        if (HoursPerWeek is < MinHoursPerWeek or > MaxHoursPerWeek)
        {
            errors.Add("hoursPerWeek", "HoursPerWeek.OutOfRange", MinHoursPerWeek, MaxHoursPerWeek);
        }

        if (HomePlace is not null && !places.IsKnown(HomePlace))
        {
            errors.Add("homePlace", "HomePlace.Unknown", HomePlace);
        }

        return errors;
    }
}
