using Passport.Domain.Validation;

namespace Passport.Domain.Pathways;

/// <summary>
/// A young person asks a pathway's provider about it: a short question (optional) and, always, their agreement to
/// share their contact details with that provider, because an answer needs a way to reach them.
/// </summary>
public sealed record PathwayQuestion(string? Text, bool SharesContact)
{
    public const int MaxTextLength = 500;

    /// <summary>Questions one person may send about one pathway, so nobody floods a provider.</summary>
    public const int MaxPerPathway = 5;

    /// <summary>The question as stored: trimmed, and null when nothing was written.</summary>
    public string? Trimmed => string.IsNullOrWhiteSpace(Text) ? null : Text.Trim();

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        if (Trimmed is { Length: > MaxTextLength })
        {
            errors.Add("question", "PathwayQuestion.Question.TooLong", MaxTextLength);
        }

        if (!SharesContact)
        {
            errors.Add("shareContact", "PathwayQuestion.ShareContact.Required");
        }

        return errors;
    }
}
