namespace Passport.Domain.Organisations;

/// <summary>One field of an organisation that changed, with its value before and after (null: empty).</summary>
public sealed record OrganisationFieldChange(string Field, string? OldValue, string? NewValue);

/// <summary>
/// Which fields of an organisation say who it is, and what changed between two versions of it. Kind, sector and
/// legal name decide whose consent covers the organisation (a consent to "employers in sector X", to "all education
/// partners"), so only an administrator sets them; a staff member who could change them could widen whom they read.
/// </summary>
public static class OrganisationChanges
{
    public const string Kind = "kind";
    public const string Name = "name";
    public const string Sector = "sector";
    public const string Place = "place";
    public const string Website = "website";
    public const string Description = "description";

    /// <summary>The fields only an administrator may change.</summary>
    public static IReadOnlyList<string> AdminOnly { get; } = [Kind, Name, Sector];

    /// <summary>Every field, in the order the history lists a change of several at once.</summary>
    public static IReadOnlyList<string> All { get; } = [Kind, Name, Sector, Place, Website, Description];

    /// <summary>The fields whose value differs, in <see cref="All"/> order.</summary>
    public static IReadOnlyList<OrganisationFieldChange> Between(
        OrganisationKind oldKind, OrganisationProfile oldProfile, OrganisationKind newKind, OrganisationProfile newProfile)
    {
        ArgumentNullException.ThrowIfNull(oldProfile);
        ArgumentNullException.ThrowIfNull(newProfile);
        var before = Values(oldKind, oldProfile);
        var after = Values(newKind, newProfile);
        return [.. All
            .Where(field => !string.Equals(before[field], after[field], StringComparison.Ordinal))
            .Select(field => new OrganisationFieldChange(field, before[field], after[field]))];
    }

    private static Dictionary<string, string?> Values(OrganisationKind kind, OrganisationProfile profile) => new(StringComparer.Ordinal)
    {
        [Kind] = kind.ToString(),
        [Name] = profile.Name,
        [Sector] = profile.Sector,
        [Place] = profile.Place,
        [Website] = profile.Website,
        [Description] = profile.Description,
    };
}
