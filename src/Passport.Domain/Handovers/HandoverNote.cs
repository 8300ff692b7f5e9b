using Passport.Domain.Validation;

namespace Passport.Domain.Handovers;

/// <summary>
/// The note the sending contact person writes for the receiving organisation and the young person: what has been
/// done, what the young person wants, and what to watch for. The first two are required, because a hand-over without
/// them makes the young person tell their story again, which is what a warm hand-over is meant to spare them.
/// </summary>
public sealed record HandoverNote(string? Done, string? Wants, string? WatchFor)
{
    public const int DoneMaxLength = 2000;
    public const int WantsMaxLength = 2000;
    public const int WatchForMaxLength = 2000;

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        Check(errors, "note.done", Done, DoneMaxLength, required: true, "Handover.Note.Done");
        Check(errors, "note.wants", Wants, WantsMaxLength, required: true, "Handover.Note.Wants");
        Check(errors, "note.watchFor", WatchFor, WatchForMaxLength, required: false, "Handover.Note.WatchFor");
        return errors;
    }

    /// <summary>The note as it is stored: trimmed, and an empty "watch for" as none.</summary>
    public HandoverNote Trimmed() => new(Done?.Trim(), Wants?.Trim(), string.IsNullOrWhiteSpace(WatchFor) ? null : WatchFor.Trim());

    private static void Check(ValidationErrors errors, string field, string? text, int maxLength, bool required, string code)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required)
            {
                errors.Add(field, $"{code}.Required");
            }
        }
        else if (trimmed.Length > maxLength)
        {
            errors.Add(field, $"{code}.TooLong", maxLength);
        }
    }
}
