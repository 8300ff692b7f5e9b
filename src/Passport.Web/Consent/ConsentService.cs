using Passport.Data.Accounts;
using Passport.Data.Consent;
using Passport.Data.Organisations;
using Passport.Domain.Consent;
using Passport.Domain.Sectors;
using Passport.Domain.Validation;
using Passport.Grains.Consent;
using Microsoft.Extensions.Options;

namespace Passport.Web.Consent;

/// <summary>
/// Checks a consent against the rules that need the database (does the organisation exist, is the sector known, is
/// the owner old enough to share with employers on their own) before the owner's consent grain takes it. The API
/// and the pages both go through here, so both refuse the same things.
/// </summary>
public sealed class ConsentService(
    IGrainFactory grains, OrganisationRepository organisations, SectorCatalog sectors, UserStore users, ConsentRepository consents,
    IOptions<PrivacyOptions> privacy, TimeProvider time)
{
    /// <summary>Validates <paramref name="input"/> into a draft, or answers the broken rules.</summary>
    public async Task<(ConsentDraft? Draft, ValidationErrors Errors)> CheckAsync(ConsentInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var organisationExists = input.OrganisationId is { } organisationId && await organisations.FindAsync(organisationId, cancellationToken) is not null;
        var errors = ConsentRules.Validate(input, time.GetUtcNow(), new AudienceFacts(organisationExists, sectors.IsKnown(input.Sector)), out var draft);
        return (draft, errors);
    }

    /// <summary>
    /// GDPR Art. 8: whether this owner needs a guardian's consent, confirmed by a coach, before this audience may
    /// see their data. Only sharing with employers is held back; coaches and schools work with minors routinely.
    /// </summary>
    public async Task<bool> NeedsGuardianAsync(Guid ownerId, ConsentAudience audience, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audience);
        var kind = audience.OrganisationId is { } organisationId ? (await organisations.FindAsync(organisationId, cancellationToken))?.Kind : null;
        if (!DigitalConsentAge.ReachesEmployers(audience, kind))
        {
            return false;
        }

        var owner = await users.FindByIdAsync(ownerId.ToString(), cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (owner is null || !DigitalConsentAge.MayBeBelow(owner.BirthYear, privacy.Value.DigitalConsentAge, today))
        {
            return false;
        }

        return await consents.FindGuardianConsentAsync(ownerId, cancellationToken) is null;
    }

    public Task<ConsentView> GrantAsync(Guid ownerId, ConsentDraft draft) =>
        grains.GetGrain<IConsentGrain>(ownerId).GrantAsync(NewConsent.From(draft));
}
