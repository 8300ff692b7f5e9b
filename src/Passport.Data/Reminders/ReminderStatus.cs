namespace Passport.Data.Reminders;

/// <summary>Where a reminder stands, as stored in <c>reminders.status</c>.</summary>
public enum ReminderStatus
{
    /// <summary>Waiting for its time (or being delivered now, under a lease).</summary>
    Pending,

    /// <summary>Its in-app message and e-mail were written (or the person wants neither).</summary>
    Sent,

    /// <summary>The appointment moved or was cancelled before it was due.</summary>
    Dropped,

    /// <summary>It could not be delivered; kept with the error for the contact person to see.</summary>
    Failed,
}
