using Passport.Domain.Validation;

namespace Passport.Domain.Appointments;

/// <summary>The rules every appointment and every answer to one must satisfy before anything is stored.</summary>
public static class AppointmentRules
{
    public const int MaxTopicLength = 200;
    public const int MaxLocationLength = 300;
    public const int MaxPhoneLength = 40;
    public const int MaxAttendeesLength = 300;
    public const int MaxBringLength = 500;
    public const int MaxMessageLength = 1000;
    public const int MaxReasonLength = 500;

    /// <summary>The longest one appointment may last: a working day.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(8);

    /// <summary>How far ahead an appointment may be booked.</summary>
    public const int MaxDaysAhead = 366;

    /// <summary>The kinds' names in the API, lower case as <c>place</c>.</summary>
    public static string Name(this AppointmentKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParseKind(string? name, out AppointmentKind kind)
    {
        foreach (var candidate in Enum.GetValues<AppointmentKind>())
        {
            if (string.Equals(candidate.Name(), name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>Checks a booking or a move: it must start in the future, end after it starts, and not last too long.</summary>
    public static ValidationErrors Validate(AppointmentInput input, DateTimeOffset now, out AppointmentDetails? details)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        details = null;

        if (input.StartsAt is not { } startsAt)
        {
            errors.Add("startsAt", "Appointment.Start.Required");
        }
        else if (startsAt <= now)
        {
            errors.Add("startsAt", "Appointment.Start.Past");
        }
        else if (startsAt > now.AddDays(MaxDaysAhead))
        {
            errors.Add("startsAt", "Appointment.Start.TooFar", MaxDaysAhead);
        }

        if (input.EndsAt is not { } endsAt)
        {
            errors.Add("endsAt", "Appointment.End.Required");
        }
        else if (input.StartsAt is { } start && endsAt <= start)
        {
            errors.Add("endsAt", "Appointment.End.BeforeStart");
        }
        else if (input.StartsAt is { } begin && endsAt - begin > MaxDuration)
        {
            errors.Add("endsAt", "Appointment.End.TooLong", (int)MaxDuration.TotalHours);
        }

        var kindKnown = TryParseKind(input.Kind, out var kind);
        if (!kindKnown)
        {
            errors.Add("kind", "Appointment.Kind.Unknown", string.Join(", ", Enum.GetValues<AppointmentKind>().Select(Name)));
        }

        var location = Trimmed(input.Location);
        if (location is null)
        {
            errors.Add("location", kindKnown ? $"Appointment.Location.Required.{kind}" : "Appointment.Location.Required.Place");
        }
        else if (kindKnown)
        {
            CheckLocation(kind, location, errors);
        }

        var topic = Trimmed(input.Topic);
        if (topic is null)
        {
            errors.Add("topic", "Appointment.Topic.Required");
        }
        else if (topic.Length > MaxTopicLength)
        {
            errors.Add("topic", "Appointment.Topic.TooLong", MaxTopicLength);
        }

        var attendees = Trimmed(input.Attendees);
        if (attendees?.Length > MaxAttendeesLength)
        {
            errors.Add("attendees", "Appointment.Attendees.TooLong", MaxAttendeesLength);
        }

        var bring = Trimmed(input.Bring);
        if (bring?.Length > MaxBringLength)
        {
            errors.Add("bring", "Appointment.Bring.TooLong", MaxBringLength);
        }

        if (errors.IsValid)
        {
            details = new AppointmentDetails(
                input.StartsAt!.Value.ToUniversalTime(), input.EndsAt!.Value.ToUniversalTime(), kind, location!, attendees, topic!, bring);
        }

        return errors;
    }

    /// <summary>The person's message when asking for another time: required, so staff know what suits them.</summary>
    public static ValidationErrors ValidateMessage(string? message, out string? checkedMessage) =>
        ValidateText(message, "message", "Appointment.Message", MaxMessageLength, out checkedMessage);

    /// <summary>The reason for cancelling: required from either side, so the other knows why.</summary>
    public static ValidationErrors ValidateReason(string? reason, out string? checkedReason) =>
        ValidateText(reason, "reason", "Appointment.Reason", MaxReasonLength, out checkedReason);

    private static ValidationErrors ValidateText(string? text, string field, string code, int maxLength, out string? checkedText)
    {
        var errors = new ValidationErrors();
        checkedText = Trimmed(text);
        if (checkedText is null)
        {
            errors.Add(field, $"{code}.Required");
        }
        else if (checkedText.Length > maxLength)
        {
            errors.Add(field, $"{code}.TooLong", maxLength);
            checkedText = null;
        }

        return errors;
    }

    private static void CheckLocation(AppointmentKind kind, string location, ValidationErrors errors)
    {
        switch (kind)
        {
            case AppointmentKind.Video when !Uri.TryCreate(location, UriKind.Absolute, out var link) || link.Scheme != Uri.UriSchemeHttps:
                errors.Add("location", "Appointment.Location.Video");
                break;
            case AppointmentKind.Phone when location.Length > MaxPhoneLength || !location.Any(char.IsAsciiDigit)
                || !location.All(character => char.IsAsciiDigit(character) || character is '+' or ' ' or '-' or '(' or ')'):
                errors.Add("location", "Appointment.Location.Phone", MaxPhoneLength);
                break;
            case not AppointmentKind.Phone when location.Length > MaxLocationLength:
                errors.Add("location", "Appointment.Location.TooLong", MaxLocationLength);
                break;
        }
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
