namespace Passport.Domain.Consent;

/// <summary>
/// GDPR Art. 8: below the digital consent age of the owner's country, sharing with employers needs a parent's or
/// guardian's consent as well. The ages themselves are configuration, since each member state sets its own.
/// </summary>
public static class DigitalConsentAge
{
    /// <summary>
    /// Whether someone born in <paramref name="birthYear"/> may be below <paramref name="consentAge"/> today. With only
    /// a birth year known, the birthday may still be ahead this year, so the younger of the two possible ages counts:
    /// the rule errs towards asking a guardian, never towards sharing.
    /// </summary>
    public static bool MayBeBelow(int? birthYear, int consentAge, DateOnly today)
    {
        if (birthYear is not { } year)
        {
            // Without a birth year we cannot tell; accounts without one were created as adults (staff, imported).
            return false;
        }

        var youngestPossibleAge = today.Year - year - 1;
        return youngestPossibleAge < consentAge;
    }

    /// <summary>Whether sharing with this audience counts as sharing with employers.</summary>
    public static bool ReachesEmployers(ConsentAudience audience, Organisations.OrganisationKind? organisationKind)
    {
        ArgumentNullException.ThrowIfNull(audience);
        return audience.Kind == AudienceKind.Sector
            || (audience.Kind == AudienceKind.Organisation && organisationKind == Organisations.OrganisationKind.Employer);
    }
}
