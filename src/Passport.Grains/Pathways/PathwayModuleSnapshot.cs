namespace Passport.Grains.Pathways;

[GenerateSerializer, Immutable]
public sealed record PathwayModuleSnapshot([property: Id(0)] string Title, [property: Id(1)] int Weeks);
