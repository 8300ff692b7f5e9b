namespace Passport.Domain.Consent;

/// <summary>
/// A consent record with the information ISO/IEC TS 27560 asks for: who consented (PII principal), to whom
/// (controller and recipient), which data (PII categories), why (purpose and legal basis), what happened and
/// when (event), until when (expiry), and how to withdraw. One is written for every grant and every change, and
/// records are never updated: together they are the consent's history.
/// </summary>
public sealed record ConsentRecord(
    string Schema,
    Guid RecordId,
    Guid ConsentId,
    Guid PiiPrincipal,
    string Controller,
    ConsentRecipient Recipient,
    IReadOnlyList<string> PiiCategories,
    string Purpose,
    string LegalBasis,
    string Event,
    DateTimeOffset EventTime,
    string EventBy,
    string Status,
    DateTimeOffset? Expiry,
    string WithdrawalMethod,
    string Notice,
    string Jurisdiction,
    string CollectionMethod)
{
    public const string SchemaName = "ISO/IEC TS 27560:2023";

    /// <summary>GDPR Art. 6(1)(a): the data subject has given consent for one or more specific purposes.</summary>
    public const string ConsentLegalBasis = "GDPR Art. 6(1)(a) consent";

    public static ConsentRecord Create(Guid recordId, DataConsent consent, ConsentEvent consentEvent, DateTimeOffset at, ConsentRecordContext context)
    {
        ArgumentNullException.ThrowIfNull(consent);
        ArgumentNullException.ThrowIfNull(context);
        return new ConsentRecord(
            SchemaName,
            recordId,
            consent.Id,
            consent.OwnerId,
            context.Controller,
            new ConsentRecipient(consent.Audience.Kind.ToString(), consent.Audience.OrganisationId, context.RecipientName, consent.Audience.Sector),
            [.. consent.Categories.Select(DataCategories.Name)],
            consent.Purpose,
            ConsentLegalBasis,
            EventName(consentEvent),
            at,
            consentEvent switch
            {
                ConsentEvent.Requested => "recipient",
                ConsentEvent.Expired => "system",
                _ => "pii-principal",
            },
            consent.Status.ToString(),
            consent.ExpiresAt,
            context.WithdrawalMethod,
            context.Notice,
            context.Jurisdiction,
            context.CollectionMethod);
    }

    private static string EventName(ConsentEvent consentEvent) => consentEvent switch
    {
        ConsentEvent.Requested => "requested",
        ConsentEvent.Given => "given",
        ConsentEvent.Declined => "declined",
        ConsentEvent.Withdrawn => "withdrawn",
        ConsentEvent.Expired => "expired",
        _ => throw new ArgumentOutOfRangeException(nameof(consentEvent), consentEvent, null),
    };
}

/// <summary>The receiving side, as the record names it.</summary>
public sealed record ConsentRecipient(string Kind, Guid? OrganisationId, string? Name, string? Sector);

/// <summary>The parts of a record that come from the deployment, not from the consent.</summary>
public sealed record ConsentRecordContext(
    string Controller, string? RecipientName, string WithdrawalMethod, string Notice, string Jurisdiction, string CollectionMethod);
