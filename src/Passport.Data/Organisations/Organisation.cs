using Passport.Domain.Organisations;

namespace Passport.Data.Organisations;

/// <summary>An organisation row: an employer, an education provider or a municipality.</summary>
public sealed record Organisation(
    Guid Id,
    OrganisationKind Kind,
    string Name,
    string? Sector,
    string? Place,
    string? Website,
    string? Description,
    bool IsDemo,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The fields of the profile, as the rules check them.</summary>
    public OrganisationProfile Profile => new(Name, Sector, Place, Website, Description);
}

/// <summary>Who changes an organisation: an administrator, or a staff member of the organisation itself.</summary>
public sealed record OrganisationEditor(Guid UserId, bool IsAdmin);

public enum OrganisationUpdateOutcome
{
    Done,
    ChangedMeanwhile,
    KindHasStaff,
}

/// <summary>How an update went; <c>Organisation</c> is the stored result when done, <c>Changes</c> what it recorded.</summary>
public sealed record OrganisationUpdate(OrganisationUpdateOutcome Outcome, Organisation? Organisation, IReadOnlyList<OrganisationFieldChange> Changes);

/// <summary>A row of <c>organisation_changes</c>; <c>ChangedByName</c> is the editor's display name now, when listed for the history.</summary>
public sealed class OrganisationChangeRow
{
    public Guid Id { get; init; }

    public Guid OrganisationId { get; init; }

    public DateTimeOffset ChangedAt { get; init; }

    public Guid? ChangedByUserId { get; init; }

    public string? ChangedByName { get; init; }

    public string ChangedByRole { get; init; } = "";

    public string Field { get; init; } = "";

    public string? OldValue { get; init; }

    public string? NewValue { get; init; }
}
