namespace Passport.Application.Matching;

/// <summary>
/// The vacancies that fit a job seeker best. <c>measured</c> is false until they played a sprint (then the list is
/// empty); <c>available</c> is how many vacancies are within reach, listed or not. <c>fit</c> is the share (0–100) of typical candidates the ranker puts below them for that vacancy.
/// </summary>
public sealed record MyMatchesResponse(Guid? ListId, string? ModelVersion, bool Measured, IReadOnlyList<MyVacancyMatch> Vacancies)
{
    /// <summary>How many published vacancies are within reach in all, so a shorter list can offer to show more.</summary>
    public int Available { get; init; }
}

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

/// <summary>
/// One published vacancy as a job seeker reads it: <c>match</c> is the same as on their list (fit, reasons, gaps),
/// null until they played a sprint; <c>asks</c> holds each skill the job asks beside their own level.
/// </summary>
public sealed record MyJobView(
    Guid VacancyId,
    string Title,
    string Employer,
    string Sector,
    string Place,
    int HoursPerWeek,
    int? DistanceKm,
    MyVacancyMatch? Match,
    IReadOnlyList<AskedSkillView> Asks,
    IReadOnlyList<MustHaveView> MustHaves);

/// <summary>
/// A skill the vacancy asks: how much it weighs (0–3), the level it asks at least, the job seeker's level (null when
/// not measured yet) and <c>comparison</c>: <c>above</c>, <c>meets</c>, <c>below</c> or <c>unmeasured</c>.
/// </summary>
public sealed record AskedSkillView(string SkillId, string Name, int Importance, int MinimumLevel, int? YourLevel, string Comparison);

/// <summary>A must-have of the job; <c>youHave</c> is null when it cannot be checked against a passport (no ESCO link).</summary>
public sealed record MustHaveView(string Label, string? EscoUri, bool? YouHave);

/// <summary>
/// The job seeker's interest in one vacancy: the consent they gave its employer for it (<c>status</c> granted,
/// revoked, expired) and what they chose to share.
/// </summary>
public sealed record InterestView(Guid ConsentId, string Status, DateTimeOffset InterestedAt, IReadOnlyList<string> Categories);

/// <summary>A vacancy's page for its job seeker: the vacancy and their interest in it (null when they did not say they are interested).</summary>
public sealed record MyJobResponse(MyJobView Job, InterestView? Interest);
