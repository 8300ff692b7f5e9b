namespace Passport.Domain.Appointments;

/// <summary>
/// Whether an appointment that has started took place or was missed, as staff marked it. Apart from the lifecycle: a
/// booked or confirmed appointment is marked once its time has come; a cancelled one never is. Stored by name.
/// </summary>
public enum AppointmentAttendance
{
    TookPlace,

    Missed,
}
