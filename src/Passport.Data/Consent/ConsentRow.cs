namespace Passport.Data.Consent;

/// <summary>A row of <c>consents</c>. Categories are stored as their API names separated by spaces.</summary>
public sealed class ConsentRow
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public string AudienceKind { get; set; } = "";

    public Guid? AudienceOrganisationId { get; set; }

    public string? AudienceSector { get; set; }

    public string Categories { get; set; } = "";

    public string Purpose { get; set; } = "";

    public string Status { get; set; } = "";

    public Guid? RequestedByUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Read only: the audience organisation's name, when the audience is one organisation.</summary>
    public string? AudienceOrganisationName { get; set; }

    /// <summary>Read only: the organisation of the staff member who asked, for requests.</summary>
    public string? RequestedByName { get; set; }
}

/// <summary>A row of <c>consent_records</c>: one event of a consent, the record itself as JSON.</summary>
public sealed class ConsentRecordRow
{
    public Guid Id { get; set; }

    public Guid ConsentId { get; set; }

    public Guid UserId { get; set; }

    public string Event { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }

    public string Record { get; set; } = "";
}

/// <summary>A coach's confirmation that a parent or guardian agreed to sharing with employers.</summary>
public sealed class GuardianConsentRow
{
    public Guid UserId { get; set; }

    public string GuardianName { get; set; } = "";

    public string Method { get; set; } = "";

    public Guid? ConfirmedByUserId { get; set; }

    public Guid OrganisationId { get; set; }

    public DateTimeOffset ConfirmedAt { get; set; }
}
