using Passport.Domain.Measurement;

namespace Passport.Domain.Passports;

/// <summary>A skill as the passport shows it: the estimate from every response ever given, and when it last changed.</summary>
public sealed record PassportSkill(string SkillId, AbilityEstimate Estimate, DateTimeOffset UpdatedAt, IReadOnlyList<string> Sprints);
