using Passport.Domain.Localization;
using Passport.Domain.Skills;

namespace Passport.Content.Skills;

/// <summary>Turns a checked skills file into the domain's catalogue.</summary>
internal static class SkillMapper
{
    public static SkillCatalog ToCatalog(SkillsDocument document) =>
        new(document.Skills.Select(skill => new Skill(
            skill.Id,
            new Uri(skill.Esco, UriKind.Absolute),
            Text(skill.Name),
            Text(skill.Description),
            [.. skill.Levels.Select(Text)],
            [.. skill.Feedback.Select(feedback => new SkillFeedback(Text(feedback.Strength), Text(feedback.Tip)))])));

    private static LocalizedText Text(IReadOnlyDictionary<string, string> texts) => new(texts);
}
