namespace Passport.Data.Workshops;

/// <summary>A row of <c>workshop_participants</c>: a job seeker's recorded agreement to be shown on the coach's board.</summary>
public sealed class WorkshopParticipantRow
{
    public Guid WorkshopId { get; set; }

    public Guid UserId { get; set; }

    public string DisplayName { get; set; } = "";

    public DateTimeOffset JoinedAt { get; set; }
}
