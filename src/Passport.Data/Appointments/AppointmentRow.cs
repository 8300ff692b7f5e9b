namespace Passport.Data.Appointments;

/// <summary>A row of <c>appointments</c>; enums by name, times in UTC.</summary>
internal sealed class AppointmentRow
{
    public Guid Id { get; set; }

    public Guid PersonId { get; set; }

    public Guid OrganisationId { get; set; }

    public string OrganisationName { get; set; } = "";

    public Guid? BookedByUserId { get; set; }

    public string BookedByName { get; set; } = "";

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    public string Kind { get; set; } = "";

    public string Location { get; set; } = "";

    public string? Attendees { get; set; }

    public string Topic { get; set; } = "";

    public string? Bring { get; set; }

    public string Status { get; set; } = "";

    public int Version { get; set; }

    public string? RescheduleMessage { get; set; }

    public string? CancelledBy { get; set; }

    public string? CancelReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
