namespace Passport.Domain.Appointments;

/// <summary>
/// One appointment between a young person and staff of an organisation. Its status follows
/// <see cref="AppointmentLifecycle"/>; <see cref="Version"/> starts at 1 and goes up whenever the appointment is moved
/// or cancelled — the changes a calendar must take over (it is the iCalendar <c>SEQUENCE</c>) and that reminders key on.
/// </summary>
public sealed class Appointment
{
    private AppointmentStatus _status;

    public Appointment(
        Guid id, Guid personId, Guid organisationId, Guid? bookedByUserId, string bookedByName, string organisationName, AppointmentDetails details,
        AppointmentStatus status, int version, DateTimeOffset createdAt, DateTimeOffset changedAt)
    {
        ArgumentNullException.ThrowIfNull(details);
        Id = id;
        PersonId = personId;
        OrganisationId = organisationId;
        BookedByUserId = bookedByUserId;
        BookedByName = bookedByName;
        OrganisationName = organisationName;
        Details = details;
        _status = status;
        Version = version;
        CreatedAt = createdAt;
        ChangedAt = changedAt;
    }

    public Guid Id { get; }

    public Guid PersonId { get; }

    public Guid OrganisationId { get; }

    /// <summary>Null once that staff account is gone; <see cref="BookedByName"/> keeps who it was.</summary>
    public Guid? BookedByUserId { get; }

    public string BookedByName { get; }

    public string OrganisationName { get; }

    public AppointmentDetails Details { get; private set; }

    public AppointmentStatus Status => _status;

    public int Version { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>The person's message with their last request for another time, while it waits for an answer.</summary>
    public string? RescheduleMessage { get; private set; }

    public AppointmentParty? CancelledBy { get; private set; }

    public string? CancelReason { get; private set; }

    public AppointmentLifecycle Lifecycle => new(() => _status, value => _status = value);

    /// <summary>A new booking, in <see cref="AppointmentStatus.Booked"/> at version 1.</summary>
    public static Appointment Book(
        Guid id, Guid personId, Guid organisationId, Guid bookedByUserId, string bookedByName, string organisationName, AppointmentDetails details,
        DateTimeOffset now) =>
        new(id, personId, organisationId, bookedByUserId, bookedByName, organisationName, details, AppointmentStatus.Booked, 1, now, now);

    /// <summary>Restores the answers stored with the appointment.</summary>
    public Appointment WithAnswers(string? rescheduleMessage, AppointmentParty? cancelledBy, string? cancelReason)
    {
        RescheduleMessage = rescheduleMessage;
        CancelledBy = cancelledBy;
        CancelReason = cancelReason;
        return this;
    }

    /// <summary>Whether staff may mark it as taken place or missed now: its time has come and it was not called off.</summary>
    public bool MayMarkAttendance(DateTimeOffset now) => Status != AppointmentStatus.Cancelled && Details.StartsAt <= now;

    /// <summary>Whether it is still ahead: not cancelled and not yet over.</summary>
    public bool IsUpcoming(DateTimeOffset now) => Status != AppointmentStatus.Cancelled && Details.EndsAt > now;

    /// <summary>The person says yes; false when the lifecycle does not allow it now.</summary>
    public bool Confirm(DateTimeOffset now)
    {
        var lifecycle = Lifecycle;
        if (!lifecycle.CanConfirm)
        {
            return false;
        }

        lifecycle.Confirm();
        ChangedAt = now;
        return true;
    }

    /// <summary>The person asks for another time with a message; false when the lifecycle does not allow it now.</summary>
    public bool RequestReschedule(string message, DateTimeOffset now)
    {
        var lifecycle = Lifecycle;
        if (!lifecycle.CanRequestReschedule)
        {
            return false;
        }

        lifecycle.RequestReschedule();
        RescheduleMessage = message;
        ChangedAt = now;
        return true;
    }

    /// <summary>Staff give new details (checked by <see cref="AppointmentRules"/>); booked again, one version up.</summary>
    public bool Move(AppointmentDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        var lifecycle = Lifecycle;
        if (!lifecycle.CanMove)
        {
            return false;
        }

        lifecycle.Move();
        Details = details;
        RescheduleMessage = null;
        Version++;
        ChangedAt = now;
        return true;
    }

    /// <summary>Either side calls it off with a reason; final, one version up.</summary>
    public bool Cancel(AppointmentParty by, string reason, DateTimeOffset now)
    {
        var lifecycle = Lifecycle;
        if (!lifecycle.CanCancel)
        {
            return false;
        }

        lifecycle.Cancel();
        CancelledBy = by;
        CancelReason = reason;
        Version++;
        ChangedAt = now;
        return true;
    }
}
