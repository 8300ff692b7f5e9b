namespace Passport.Application.Matching;

/// <summary>
/// The vacancies that fit a job seeker best. <c>measured</c> is false until they played a sprint (then the list is
/// empty). <c>fit</c> is the share (0–100) of typical candidates the ranker puts below them for that vacancy.
/// </summary>
public sealed record MyMatchesResponse(Guid? ListId, string? ModelVersion, bool Measured, IReadOnlyList<MyVacancyMatch> Vacancies);

public sealed record MyVacancyMatch(
    Guid VacancyId,
    string Title,
    string Employer,
    string Sector,
    string Place,
    int HoursPerWeek,
    int? DistanceKm,
    int Fit,
    bool ReachesEveryMinimum,
    IReadOnlyList<ReasonView> Reasons,
    IReadOnlyList<GapView> Gaps);

/// <summary>
/// Pathways open now within reach, best first: the most vacancies whose every minimum the job seeker would newly
/// reach, then the most gaps closed, then the nearest. <c>distanceKm</c> is null when they did not say where they live.
/// </summary>
public sealed record MyPathwaysResponse(Guid? ListId, bool Measured, IReadOnlyList<MyPathwayMatch> Pathways);

public sealed record MyPathwayMatch(
    Guid PathwayId,
    string Title,
    string Provider,
    string Place,
    int DurationWeeks,
    bool CanStart,
    IReadOnlyList<SkillNameView> EntryMissing,
    int VacanciesOpened,
    IReadOnlyList<ClosedGapView> Closes,
    int? DistanceKm,
    DateOnly? StartsOn,
    DateOnly? EndsOn);

public sealed record SkillNameView(string SkillId, string Name);

/// <summary>A skill the pathway lifts from one level to another; <c>vacancies</c> asked more than the level before and at most the level after.</summary>
public sealed record ClosedGapView(string SkillId, string Name, int FromLevel, int ToLevel, int Vacancies);
