namespace Passport.Data.Matching;

/// <summary>What matching reads of a job seeker beside their answers: no name, no contact, nothing protected.</summary>
public sealed record CandidateFactsRow(
    Guid UserId,
    int? HoursPerWeek,
    string? HomePlace,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<string> ExperienceKinds,
    IReadOnlyList<string> EscoUris);
