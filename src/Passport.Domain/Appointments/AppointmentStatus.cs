namespace Passport.Domain.Appointments;

/// <summary>Where an appointment is in its lifecycle (<see cref="AppointmentLifecycle"/>). Stored by name.</summary>
public enum AppointmentStatus
{
    /// <summary>Booked by staff (or moved to new times); the person has not said yes yet.</summary>
    Booked,

    /// <summary>The person said they will come.</summary>
    Confirmed,

    /// <summary>The person asked for another time, with a message; staff move or cancel it.</summary>
    RescheduleRequested,

    /// <summary>Called off by either side, with a reason. Final.</summary>
    Cancelled,
}
