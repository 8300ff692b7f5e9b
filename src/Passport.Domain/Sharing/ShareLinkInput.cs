namespace Passport.Domain.Sharing;

/// <summary>A share link as the owner asked for it, unchecked.</summary>
public sealed record ShareLinkInput(IReadOnlyList<string?>? Categories, DateTimeOffset? ExpiresAt, string? Label);

/// <summary>A checked share link, ready to create: at least one category, a future end date, a trimmed label or none.</summary>
public sealed record ShareLinkDraft(IReadOnlyList<Consent.DataCategory> Categories, DateTimeOffset ExpiresAt, string? Label);
