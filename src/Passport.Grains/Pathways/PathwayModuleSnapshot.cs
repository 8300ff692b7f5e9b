using System.Collections.Immutable;
using Passport.Domain.Localization;

namespace Passport.Grains.Pathways;

[GenerateSerializer, Immutable]
public sealed record PathwayModuleSnapshot([property: Id(0)] string Title, [property: Id(1)] int Weeks)
{
    /// <summary>The title in other product languages.</summary>
    [Id(2)]
    public ImmutableSortedDictionary<string, string> TitleTranslations { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    // By value, translations included, like the rest of the record.
    public bool Equals(PathwayModuleSnapshot? other) =>
        other is not null && Title == other.Title && Weeks == other.Weeks && MultilingualText.SameTranslations(TitleTranslations, other.TitleTranslations);

    public override int GetHashCode() => HashCode.Combine(Title, Weeks, TitleTranslations?.Count);
}
