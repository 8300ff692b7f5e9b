using Passport.Content.Validation;
using Passport.Domain.Skills;

namespace Passport.Content.Skills;

/// <summary>The rules for <c>skills/skills.json</c> that its schema cannot express.</summary>
internal static class SkillRules
{
    public const string EscoPrefix = "http://data.europa.eu/esco/";

    public static void Check(SkillsDocument document, List<ContentProblem> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var skill in document.Skills)
        {
            if (!seen.Add(skill.Id))
            {
                problems.Add(new ContentProblem(ContentProblem.SkillsFile, skill.Id, "the skill id appears more than once"));
            }

            if (!IsEscoUri(skill.Esco))
            {
                problems.Add(new ContentProblem(
                    ContentProblem.SkillsFile, skill.Id, $"esco '{skill.Esco}' is not an absolute URI starting with {EscoPrefix}"));
            }

            // The schema fixes these counts too; checked again because the domain indexes feedback by level.
            if (skill.Levels.Count != Skill.LevelCount || skill.Feedback.Count != Skill.LevelCount)
            {
                problems.Add(new ContentProblem(
                    ContentProblem.SkillsFile, skill.Id, $"a skill has exactly {Skill.LevelCount} levels and {Skill.LevelCount} feedback entries"));
            }
        }
    }

    private static bool IsEscoUri(string value) =>
        value.StartsWith(EscoPrefix, StringComparison.Ordinal)
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttp
        && uri.AbsolutePath.Length > "/esco/".Length;
}
