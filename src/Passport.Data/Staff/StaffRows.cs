namespace Passport.Data.Staff;

/// <summary>One row of <c>staff_invitations</c>. The token itself is never stored, only its hash.</summary>
public sealed class InvitationRow
{
    public Guid Id { get; init; }

    public Guid OrganisationId { get; init; }

    public string Email { get; init; } = "";

    public string NormalizedEmail { get; init; } = "";

    public bool OrganisationAdmin { get; init; }

    /// <summary>The language the invitation was written in, which the new account starts with.</summary>
    public string Language { get; init; } = "";

    public string TokenHash { get; init; } = "";

    public Guid? CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public string Status { get; init; } = "";

    public Guid? AcceptedUserId { get; init; }

    public DateTimeOffset? AcceptedAt { get; init; }
}

/// <summary>A staff member of an organisation as its staff list shows them.</summary>
public sealed class StaffMemberRow
{
    public Guid Id { get; init; }

    public string Email { get; init; } = "";

    public string DisplayName { get; init; } = "";

    public bool OrganisationAdmin { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DeactivatedAt { get; init; }

    public Guid? SuccessorUserId { get; init; }

    public bool IsActive => DeactivatedAt is null;
}

/// <summary>How an attempt to accept an invitation ended in the database.</summary>
public enum AcceptOutcome
{
    Accepted,

    /// <summary>The invitation was no longer pending or had expired; nothing was written.</summary>
    Gone,

    /// <summary>The address already has an account; nothing was written and the invitation stays pending.</summary>
    EmailTaken,
}

/// <summary>How an attempt to deactivate a staff member ended in the database.</summary>
public enum Deactivation
{
    Done,

    /// <summary>Not an active staff member of the organisation.</summary>
    NotFound,

    /// <summary>The successor is not another active staff member of the same organisation.</summary>
    InvalidSuccessor,

    /// <summary>The organisation would be left without an active organisation admin.</summary>
    LastAdmin,
}
