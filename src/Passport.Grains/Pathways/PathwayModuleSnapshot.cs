using System.Collections.Immutable;

namespace Passport.Grains.Pathways;

[GenerateSerializer, Immutable]
public sealed record PathwayModuleSnapshot([property: Id(0)] string Title, [property: Id(1)] int Weeks)
{
    /// <summary>The title in other product languages.</summary>
    [Id(2)]
    public ImmutableSortedDictionary<string, string> TitleTranslations { get; init; } = ImmutableSortedDictionary<string, string>.Empty;
}
