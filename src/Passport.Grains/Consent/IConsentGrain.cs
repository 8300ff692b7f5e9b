using System.Collections.Immutable;
using Passport.Domain.Consent;

namespace Passport.Grains.Consent;

/// <summary>
/// One owner's consents, keyed by the owner's user id: the single place that decides who may see their data now.
/// Every change is stored with its consent record before it is acknowledged, and a revocation counts from the
/// moment it returns.
/// </summary>
public interface IConsentGrain : IGrainWithGuidKey
{
    Task<ImmutableArray<ConsentView>> ListAsync();

    /// <summary>The owner shares on their own.</summary>
    Task<ConsentView> GrantAsync(NewConsent consent);

    /// <summary>A staff member asks the owner; nothing is shared until the owner approves.</summary>
    Task<ConsentView> RequestAsync(NewConsent consent, Guid requestedByUserId);

    Task<ConsentChange> ApproveAsync(Guid consentId);

    Task<ConsentChange> DeclineAsync(Guid consentId);

    /// <summary>Withdraws a granted consent at once, or declines one still requested.</summary>
    Task<ConsentChange> RevokeAsync(Guid consentId);

    /// <summary>
    /// Makes every granted consent to exactly this organisation that covers <paramref name="category"/> end no later
    /// than <paramref name="until"/> (a completed hand-over's overlap); consents to a sector or to all education
    /// partners, and consents given later, are the owner's own and stay. Harmless to repeat; returns how many changed.
    /// </summary>
    Task<int> EndOrganisationAccessAsync(Guid organisationId, DataCategory category, DateTimeOffset until);

    /// <summary>What staff of this organisation may see now; empty when nothing is granted.</summary>
    Task<ActiveGrant> GetActiveGrantAsync(ReaderOrganisation reader);

    /// <summary>The account is being erased: forget everything held in memory (the rows go with the account).</summary>
    Task ForgetAsync();
}
