using System.Text.Json;
using System.Text.Json.Serialization;
using Passport.Data.Email;
using Passport.Data.Reminders;
using Passport.Domain.Appointments;

namespace Passport.Web.Appointments;

/// <summary>
/// An appointment in the API. <c>status</c> is <c>booked</c>, <c>confirmed</c>, <c>rescheduleRequested</c> or
/// <c>cancelled</c>; <c>kind</c> is <c>place</c>, <c>phone</c> or <c>video</c> with the matching <c>location</c>;
/// times are UTC. The <c>can…</c> members say what the reader may do with it now. Staff also get <c>reminders</c>:
/// those of the current version, so a contact person sees a reminder that could not be delivered.
/// </summary>
public sealed record AppointmentResponse(
    Guid Id,
    Guid PersonId,
    Guid OrganisationId,
    string OrganisationName,
    string BookedBy,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Kind,
    string Location,
    string? Attendees,
    string Topic,
    string? Bring,
    string Status,
    int Version,
    string? RescheduleMessage,
    string? CancelledBy,
    string? CancelReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset ChangedAt,
    bool Upcoming,
    bool CanConfirm,
    bool CanRequestReschedule,
    bool CanMove,
    bool CanCancel,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ReminderResponse>? Reminders)
{
    /// <summary>As the person sees it: they confirm, ask for another time or cancel before it starts.</summary>
    public static AppointmentResponse ForPerson(Appointment appointment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        var ahead = appointment.Details.StartsAt > now;
        var lifecycle = appointment.Lifecycle;
        return From(appointment, now, ahead && lifecycle.CanConfirm, ahead && lifecycle.CanRequestReschedule, false, ahead && lifecycle.CanCancel, null);
    }

    /// <summary>As staff of the booking organisation see it: they move or cancel it while it is not over, and see its reminders.</summary>
    public static AppointmentResponse ForStaff(Appointment appointment, DateTimeOffset now, ILookup<Guid, ReminderView> reminders)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        ArgumentNullException.ThrowIfNull(reminders);
        var notOver = appointment.Details.EndsAt > now;
        var lifecycle = appointment.Lifecycle;
        return From(
            appointment, now, false, false, notOver && lifecycle.CanMove, notOver && lifecycle.CanCancel,
            [.. reminders[appointment.Id].Select(ReminderResponse.From)]);
    }

    private static AppointmentResponse From(
        Appointment appointment, DateTimeOffset now, bool canConfirm, bool canReschedule, bool canMove, bool canCancel, IReadOnlyList<ReminderResponse>? reminders)
    {
        var details = appointment.Details;
        return new(
            appointment.Id, appointment.PersonId, appointment.OrganisationId, appointment.OrganisationName, appointment.BookedByName,
            details.StartsAt, details.EndsAt, details.Kind.Name(), details.Location, details.Attendees, details.Topic, details.Bring,
            Camel(appointment.Status.ToString()), appointment.Version, appointment.RescheduleMessage,
            appointment.CancelledBy is { } party ? Camel(party.ToString()) : null, appointment.CancelReason, appointment.CreatedAt, appointment.ChangedAt,
            appointment.IsUpcoming(now), canConfirm, canReschedule, canMove, canCancel, reminders);
    }

    internal static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}

/// <summary>
/// A reminder of an appointment as its contact person sees it. <c>status</c> is <c>pending</c>, <c>sent</c>,
/// <c>failed</c> (it could not be delivered, or its e-mail could not: <c>emailStatus</c> <c>failed</c>) or
/// <c>dropped</c>; <c>lead</c> is how long before the start it was meant for, <c>dueAt</c> when it goes (quiet hours applied).
/// </summary>
public sealed record ReminderResponse(
    Guid Id, TimeSpan Lead, DateTimeOffset DueAt, string Status, string? EmailStatus, string? Error, int Attempts, DateTimeOffset? SentAt)
{
    public static ReminderResponse From(ReminderView reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var emailFailed = reminder.EmailStatus == OutboxStatus.Failed;
        var status = reminder.Status == ReminderStatus.Sent && emailFailed ? ReminderStatus.Failed : reminder.Status;
        return new(
            reminder.Id, reminder.Lead, reminder.DueAt, AppointmentResponse.Camel(status.ToString()),
            reminder.EmailStatus is { } email ? AppointmentResponse.Camel(email) : null,
            emailFailed ? reminder.EmailError ?? reminder.LastError : reminder.LastError, reminder.Attempts, reminder.SentAt);
    }
}

/// <summary>The body of booking or moving an appointment.</summary>
public sealed record AppointmentBody(
    DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Kind, string? Location, string? Attendees, string? Topic, string? Bring)
{
    public AppointmentInput ToInput() => new(StartsAt, EndsAt, Kind, Location, Attendees, Topic, Bring);
}

/// <summary>The body of asking for another time.</summary>
public sealed record RescheduleBody(string? Message);

/// <summary>The body of cancelling.</summary>
public sealed record CancelBody(string? Reason);

/// <summary>The secret address of a calendar feed.</summary>
public sealed record CalendarFeedResponse(string Url);
