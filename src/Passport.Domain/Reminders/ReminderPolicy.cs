namespace Passport.Domain.Reminders;

/// <summary>One reminder to send: how long before the appointment it was meant for, and when it goes out.</summary>
public sealed record ReminderDue(TimeSpan Lead, DateTimeOffset DueAt);

/// <summary>
/// When the reminders of an appointment go out (docs/reminders.md). Each lead time gives one reminder at the start
/// minus the lead. One that falls in the quiet hours waits for their end, unless the appointment starts by then:
/// then it is urgent and goes at its own time. Reminders whose time has passed when the appointment is booked or
/// moved are not sent at all, not even one "now": the person is being told about the appointment at that moment
/// (it is on their list), and a reminder right after that only adds noise. Two reminders that the quiet hours push
/// to the same moment (or past each other) become one, the one with the shorter lead, as it is the nearer warning.
/// </summary>
public static class ReminderPolicy
{
    /// <summary>The reminders of an appointment starting at <paramref name="startsAt"/>, booked or moved at <paramref name="now"/>, earliest first.</summary>
    public static IReadOnlyList<ReminderDue> Plan(
        DateTimeOffset startsAt, DateTimeOffset now, IEnumerable<TimeSpan> leads, QuietHours? quiet, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(leads);
        ArgumentNullException.ThrowIfNull(zone);
        var planned = new List<ReminderDue>();
        // Shortest lead first: each longer one must then go out strictly before every one already kept.
        foreach (var lead in leads.Where(lead => lead > TimeSpan.Zero).Distinct().Order())
        {
            var due = (startsAt - lead).ToUniversalTime();
            if (quiet is not null)
            {
                var morning = quiet.NextAllowed(due, zone);
                due = morning < startsAt ? morning : due;
            }

            if (due <= now || planned.Any(kept => kept.DueAt <= due))
            {
                continue;
            }

            planned.Add(new ReminderDue(lead, due));
        }

        return [.. planned.OrderBy(reminder => reminder.DueAt)];
    }
}
