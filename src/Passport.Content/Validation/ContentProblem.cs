namespace Passport.Content.Validation;

/// <summary>
/// One thing wrong with content/. <paramref name="File"/> is relative to the content folder with forward slashes
/// (<c>sprints/team-shift.json</c>); <paramref name="Item"/> is the item's id in a sprint file or the skill's id in
/// <c>skills/skills.json</c>, or null when the problem is about the file as a whole.
/// </summary>
public sealed record ContentProblem(string File, string? Item, string Message)
{
    public const string SkillsFile = "skills/skills.json";

    public override string ToString()
    {
        if (Item is null)
        {
            return $"{File}: {Message}";
        }

        var subject = File == SkillsFile ? "skill" : "item";
        return $"{File}, {subject} {Item}: {Message}";
    }
}
