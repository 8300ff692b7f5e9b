namespace Passport.Domain.Appointments;

/// <summary>How the meeting happens; the appointment's <c>location</c> holds the matching value. Stored by name.</summary>
public enum AppointmentKind
{
    /// <summary>At a place: an address or room.</summary>
    Place,

    /// <summary>By phone: the number to call or to be called on.</summary>
    Phone,

    /// <summary>By video: an https link.</summary>
    Video,
}
