namespace Passport.Grains.Pathways;

[GenerateSerializer, Immutable]
public sealed record PathwayGainSnapshot([property: Id(0)] string SkillId, [property: Id(1)] double ExpectedGain);
