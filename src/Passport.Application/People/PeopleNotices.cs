using System.Globalization;
using Microsoft.Extensions.Options;
using Passport.Application.Email;
using Passport.Data.Accounts;
using Passport.Data.Appointments;
using Passport.Data.Notifications;
using Passport.Domain.Accounts;
using Passport.Domain.Appointments;
using Passport.Grains.Sprints;

namespace Passport.Application.People;

/// <summary>Who is told: their account id, address (empty for none), language and name.</summary>
public sealed record NoticeRecipient(Guid PersonId, string? Email, string Language, string Name = "");

/// <summary>
/// Makes the notices people get when their contact persons or appointments change. The e-mail texts are the one
/// source: the notification's title and body are the e-mail's two-line summary, so the app and the e-mail say the same.
/// Ids follow from what caused the notice, so writing it again (a retried change) stores nothing new.
/// </summary>
public sealed class PeopleNotices(EmailComposer composer, UserStore users, IOptions<SprintOptions> sprints)
{
    public const string ContactPersonAssigned = "contact-person-assigned";
    public const string ContactPersonEnded = "contact-person-ended";
    public const string ContactPersonReplaced = "contact-person-replaced";
    public const string AppointmentBooked = "appointment-booked";
    public const string AppointmentMoved = "appointment-moved";
    public const string AppointmentCancelled = "appointment-cancelled";
    public const string AppointmentConfirmed = "appointment-confirmed";
    public const string AppointmentRescheduleRequested = "appointment-reschedule-requested";
    public const string AppointmentCancelledByPerson = "appointment-cancelled-by-person";

    /// <summary>Every kind of notice made here; they name staff, whose names leave them when the account is erased.</summary>
    public static readonly IReadOnlyCollection<string> Kinds =
    [
        ContactPersonAssigned, ContactPersonEnded, ContactPersonReplaced, AppointmentBooked, AppointmentMoved, AppointmentCancelled,
        AppointmentConfirmed, AppointmentRescheduleRequested, AppointmentCancelledByPerson,
    ];

    /// <summary>Where a young person sees their contact persons and their appointments.</summary>
    public const string MyPeoplePath = "/my-people";
    public const string MyAppointmentsPath = "/appointments";

    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(sprints.Value.TimeZone);

    /// <summary>
    /// A notice of <paramref name="kind"/> about <paramref name="cause"/>: in the app always, by e-mail when
    /// <paramref name="byEmail"/> and the recipient has an address (the channels they chose decide what is stored).
    /// </summary>
    public PersonNotice Make(
        string cause, NoticeRecipient to, string kind, IReadOnlyList<object?> values, string linkPath, DateTimeOffset now, bool byEmail = true)
    {
        ArgumentNullException.ThrowIfNull(to);
        var id = Passport.Data.Notifications.Notifications.IdFor($"{kind}:{cause}");
        var email = byEmail && !string.IsNullOrWhiteSpace(to.Email)
            ? composer.Compose(id, to.Email, to.Language, kind, values, linkPath, now)
            : null;
        var text = email?.Text ?? composer.Compose(kind, to.Language, values, linkPath).Text;
        // Every message starts with its two-line summary (EmailComposer), which is exactly what a notification shows.
        var (title, body) = EmailComposer.Summary(text);
        return new PersonNotice(new NewNotification(id, to.PersonId, kind, title, body, linkPath, now), email);
    }

    /// <summary>How to reach an account; an unknown one (erased meanwhile) gets a notice nobody reads, and no e-mail.</summary>
    public async Task<NoticeRecipient> RecipientAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId.ToString(), cancellationToken);
        return new NoticeRecipient(userId, user?.Email, user?.Language ?? Languages.Default, user?.DisplayName ?? "");
    }

    /// <summary>The young person is told that staff booked, moved or cancelled their appointment (with staff's reason).</summary>
    public AppointmentNotices ToPerson(Appointment appointment, string kind, NoticeRecipient person, string? reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        ArgumentNullException.ThrowIfNull(person);
        return new AppointmentNotices(
            [Make($"{appointment.Id}:{appointment.ChangedAt.UtcTicks}", person, kind, AppointmentValues(appointment, person.Language, reason), MyAppointmentsPath, now)]);
    }

    /// <summary>
    /// The coach who booked the appointment is told of the young person's answer, in the app (their work list is the
    /// place for it, not their mailbox); nobody is told when that coach's account is gone.
    /// </summary>
    public async Task<AppointmentNotices?> ToCoachAsync(
        Appointment appointment, string kind, Guid personId, string? message, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        if (appointment.BookedByUserId is not { } coachId)
        {
            return null;
        }

        var coach = await RecipientAsync(coachId, cancellationToken);
        var person = await RecipientAsync(personId, cancellationToken);
        return new AppointmentNotices(
        [
            Make($"{appointment.Id}:{appointment.ChangedAt.UtcTicks}", coach, kind, AppointmentValues(appointment, coach.Language, message, person.Name),
                $"/people/{appointment.PersonId}/appointments", now, byEmail: false),
        ]);
    }

    /// <summary>
    /// The values the appointment texts fill in, in the recipient's language and the platform's time zone:
    /// {0} organisation, {1} who booked it, {2} day, {3} start time, {4} where (place, phone or link), {5} what to
    /// bring, {6} what it is about, {7} a message or reason, {8} the young person's name.
    /// </summary>
    private IReadOnlyList<object?> AppointmentValues(Appointment appointment, string language, string? message, string personName = "")
    {
        ArgumentNullException.ThrowIfNull(appointment);
        var culture = CultureInfo.GetCultureInfo(Languages.IsSupported(language) ? language : Languages.Default);
        var starts = TimeZoneInfo.ConvertTime(appointment.Details.StartsAt, _zone);
        var bring = string.IsNullOrWhiteSpace(appointment.Details.Bring)
            ? EmailComposer.Phrase("appointment.BringNothing", culture)
            : appointment.Details.Bring;
        return
        [
            appointment.OrganisationName, appointment.BookedByName, starts.ToString("dddd d MMMM", culture), starts.ToString("HH:mm", culture),
            appointment.Details.Location, bring, appointment.Details.Topic, message ?? "", personName,
        ];
    }
}
