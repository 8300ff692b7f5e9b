namespace Passport.Domain.Consent;

/// <summary>A checked consent, ready to grant or request.</summary>
public sealed record ConsentDraft(ConsentAudience Audience, IReadOnlyList<DataCategory> Categories, string Purpose, DateTimeOffset? ExpiresAt);
