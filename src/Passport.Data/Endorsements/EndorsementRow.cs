namespace Passport.Data.Endorsements;

/// <summary>
/// A row of <c>endorsements</c>: who endorsed which skill of the person in <see cref="UserId"/>, with the endorser's
/// name and organisation name as they were at the time.
/// </summary>
public sealed class EndorsementRow
{
    public Guid Id { get; set; }

    /// <summary>The person endorsed, who owns the row.</summary>
    public Guid UserId { get; set; }

    /// <summary>Null once the endorser's account is gone.</summary>
    public Guid? EndorserUserId { get; set; }

    public Guid? EndorserOrganisationId { get; set; }

    public string EndorserName { get; set; } = "";

    public string OrganisationName { get; set; } = "";

    public string SkillId { get; set; } = "";

    public string Evidence { get; set; } = "";

    /// <summary>An <c>EndorsementStatus</c> name.</summary>
    public string Status { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the owner accepted or declined it.</summary>
    public DateTimeOffset? DecidedAt { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }
}
