using Passport.Domain.Validation;

namespace Passport.Domain.Journeys;

/// <summary>A turning point as someone writes it down: what happened (a <see cref="JourneyEventKind"/> by name), on which day, and a few words.</summary>
public sealed record JourneyEventInput(string? Kind, DateOnly? OccurredOn, string? Note)
{
    public const int NoteMaxLength = 500;

    /// <summary>
    /// The broken rules, and the kind when it is one: a known kind, a day that is not after <paramref name="today"/>
    /// (a turning point is recorded once it happened), and a short note.
    /// </summary>
    public ValidationErrors Validate(DateOnly today, out JourneyEventKind kind)
    {
        var errors = new ValidationErrors();
        kind = default;
        if (string.IsNullOrWhiteSpace(Kind))
        {
            errors.Add("kind", "Journey.Event.Kind.Required");
        }
        else if (!Enum.TryParse(Kind.Trim(), ignoreCase: true, out kind) || !Enum.IsDefined(kind) || int.TryParse(Kind, out _))
        {
            errors.Add("kind", "Journey.Event.Kind.Unknown");
        }

        if (OccurredOn is not { } day)
        {
            errors.Add("occurredOn", "Journey.Event.OccurredOn.Required");
        }
        else if (day > today)
        {
            errors.Add("occurredOn", "Journey.Event.OccurredOn.Future");
        }

        if (Note is { Length: > NoteMaxLength })
        {
            errors.Add("note", "Journey.Event.Note.TooLong", NoteMaxLength);
        }

        return errors;
    }

    /// <summary>The note as stored: trimmed, and null when empty.</summary>
    public string? TrimmedNote => string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
}
