using System.Collections.Immutable;
using Passport.Domain.Localization;

namespace Passport.Domain.Pathways;

/// <summary>One part of a pathway, for example "Safety on the work floor", and how many weeks it takes.</summary>
public sealed record PathwayModule(string Title, int Weeks)
{
    /// <summary>The title in other product languages, if the provider gave it.</summary>
    public IReadOnlyDictionary<string, string> TitleTranslations { get; init; } = ImmutableDictionary<string, string>.Empty;

    // By value, translations included, like the rest of the record.
    public bool Equals(PathwayModule? other) =>
        other is not null && Title == other.Title && Weeks == other.Weeks && MultilingualText.SameTranslations(TitleTranslations, other.TitleTranslations);

    public override int GetHashCode() => HashCode.Combine(Title, Weeks, TitleTranslations.Count);
}
