namespace Passport.Grains.Pathways;

[GenerateSerializer, Immutable]
public sealed record PathwayRequirementSnapshot([property: Id(0)] string SkillId, [property: Id(1)] int MinimumLevel);
