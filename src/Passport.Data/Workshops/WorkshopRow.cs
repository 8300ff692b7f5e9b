namespace Passport.Data.Workshops;

/// <summary>A row of <c>workshops</c>, with the coach's display name and the organisation's name for the join notice.</summary>
public sealed class WorkshopRow
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid CoachUserId { get; set; }

    public string JoinCode { get; set; } = "";

    public string Title { get; set; } = "";

    public string Status { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Read only: the coach's display name.</summary>
    public string CoachName { get; set; } = "";

    /// <summary>Read only: the name of the coach's organisation.</summary>
    public string OrganisationName { get; set; } = "";
}
