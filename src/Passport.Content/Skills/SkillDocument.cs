namespace Passport.Content.Skills;

internal sealed record SkillDocument(
    string Id,
    string Esco,
    IReadOnlyDictionary<string, string> Name,
    IReadOnlyDictionary<string, string> Description,
    IReadOnlyList<IReadOnlyDictionary<string, string>> Levels,
    IReadOnlyList<FeedbackDocument> Feedback);
