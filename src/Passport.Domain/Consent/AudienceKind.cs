namespace Passport.Domain.Consent;

/// <summary>Who a consent is for: one organisation, all employers of one sector, or all education partners.</summary>
public enum AudienceKind
{
    Organisation,
    Sector,
    AllEducationPartners,
}
