namespace Passport.Content.Sprints;

/// <summary>One item as authored; which of the optional fields are present depends on <see cref="Kind"/>.</summary>
internal sealed record ItemDocument(
    string Id,
    string Skill,
    string Kind,
    IReadOnlyDictionary<string, string> Prompt,
    IrtDocument Irt,
    IReadOnlyList<OptionDocument>? Options,
    IReadOnlyList<string>? Key,
    ScaleDocument? Scale,
    bool? Reversed,
    int? TimeLimitMs);
