using Passport.Domain.Measurement;

namespace Passport.Domain.Passports;

/// <summary>One scored response as evidence about a skill: which item, in which sprint, when, and its category.</summary>
public sealed record EvidenceRecord(string SkillId, string ItemId, string SprintId, IResponseModel Model, int Category, DateTimeOffset AnsweredAt);
