namespace Passport.Data.Matching;

/// <summary>One scored sprint answer, the evidence a skill estimate is rebuilt from.</summary>
public sealed class CandidateAnswerRow
{
    public Guid UserId { get; set; }

    public string ItemId { get; set; } = "";

    public int Category { get; set; }
}
