namespace Passport.Domain.Appointments;

/// <summary>Who did something to an appointment: the young person it is for, or staff of the booking organisation.</summary>
public enum AppointmentParty
{
    Person,
    Staff,
}
