namespace Passport.Content.Sprints;

/// <summary>The shape of <c>sprints/&lt;id&gt;.json</c>, read only after the file passed its schema.</summary>
internal sealed record SprintDocument(
    string Id,
    IReadOnlyDictionary<string, string> Title,
    IReadOnlyDictionary<string, string> Description,
    IReadOnlyList<string> Skills,
    int EstimatedMinutes,
    int MaxItems,
    double TargetStandardError,
    IReadOnlyList<ItemDocument> Items);
