namespace Passport.Domain.Measurement;

/// <summary>An item as the adaptive selector sees it: only what it needs to choose, nothing about presentation.</summary>
public sealed record CandidateItem(string Id, string SkillId, IResponseModel Model);
