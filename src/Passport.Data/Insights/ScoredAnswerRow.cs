namespace Passport.Data.Insights;

/// <summary>One scored sprint answer; the user id only groups answers into people and never leaves the server.</summary>
public sealed class ScoredAnswerRow
{
    public Guid UserId { get; set; }

    public string ItemId { get; set; } = "";

    public int Category { get; set; }
}
