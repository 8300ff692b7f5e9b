namespace Passport.Data.Sprints;

/// <summary>
/// A row of <c>sprint_responses</c>: one presented item and what came of it. <see cref="Category"/> is null
/// when the time ran out, which is recorded so the item is not asked again but counts as no evidence.
/// </summary>
public sealed class SprintResponseRow
{
    public Guid SessionId { get; set; }

    public string ItemId { get; set; } = "";

    public Guid UserId { get; set; }

    public string SkillId { get; set; } = "";

    public int Position { get; set; }

    /// <summary>The answer as the client sent it (JSON), kept so a retry can be recognised as the same answer.</summary>
    public string? Answer { get; set; }

    public int? Category { get; set; }

    public int Xp { get; set; }

    public DateTimeOffset AnsweredAt { get; set; }
}
