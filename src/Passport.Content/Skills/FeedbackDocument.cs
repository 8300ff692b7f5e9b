namespace Passport.Content.Skills;

internal sealed record FeedbackDocument(IReadOnlyDictionary<string, string> Strength, IReadOnlyDictionary<string, string> Tip);
