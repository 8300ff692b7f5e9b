namespace Passport.Data.Pathways;

/// <summary>A row of <c>pathway_questions</c>: what a young person asked a pathway's provider, and the consent given with it.</summary>
public sealed class PathwayQuestionRow
{
    public Guid Id { get; set; }

    public Guid PathwayId { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid UserId { get; set; }

    public Guid ConsentId { get; set; }

    /// <summary>Null when the person asked to be contacted without writing anything.</summary>
    public string? Question { get; set; }

    public DateTimeOffset AskedAt { get; set; }
}
