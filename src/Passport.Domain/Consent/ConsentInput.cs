namespace Passport.Domain.Consent;

/// <summary>A consent as someone typed it, unchecked. The audience is one of the three forms.</summary>
public sealed record ConsentInput(
    Guid? OrganisationId, string? Sector, bool AllEducationPartners, IReadOnlyList<string?>? Categories, string? Purpose, DateTimeOffset? ExpiresAt);

/// <summary>What the caller looked up about the audience named in a <see cref="ConsentInput"/>.</summary>
/// <param name="OrganisationExists">The named organisation exists (ignored for other audiences).</param>
/// <param name="SectorKnown">The named sector is in the sector catalogue (ignored for other audiences).</param>
public sealed record AudienceFacts(bool OrganisationExists, bool SectorKnown);
