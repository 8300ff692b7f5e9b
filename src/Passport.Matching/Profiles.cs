namespace Passport.Matching;

/// <summary>A point on earth in decimal degrees (WGS 84).</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude);

/// <summary>
/// One measured skill from a passport: the reported level (1..5), the continuous estimate behind it on the same
/// 1..5 scale, and its standard error (how sure the measurement is).
/// </summary>
public sealed record SkillMeasure(int Level, double Estimate, double StandardError);

/// <summary>
/// What the ranker may know about a candidate. There is deliberately no place for a name, contact details or any
/// protected attribute (gender, origin, age, ...): what is not here cannot become a feature.
/// </summary>
/// <param name="CandidateRef">A pseudonymous reference, never an account id.</param>
/// <param name="Skills">Measured skills by skill id; a skill not measured is simply absent.</param>
/// <param name="ExperienceCategories">Sectors or kinds of work the candidate has experience in.</param>
/// <param name="Qualifications">Certificates and hard skills the candidate holds (e.g. ESCO URIs).</param>
/// <param name="Location">The town centre of where the candidate lives; null when they did not say.</param>
/// <param name="HoursWanted">Hours per week the candidate wants to work; null when they did not say.</param>
public sealed record CandidateProfile(
    string CandidateRef,
    IReadOnlyDictionary<string, SkillMeasure> Skills,
    IReadOnlySet<string> ExperienceCategories,
    IReadOnlySet<string> Qualifications,
    GeoPoint? Location,
    double? HoursWanted);

/// <summary>How much a vacancy weighs one skill (0 = not at all .. 3 = essential) and the level it asks at least.</summary>
public sealed record SkillRequirement(string SkillId, int Importance, int MinimumLevel);

/// <summary>What the ranker may know about a vacancy.</summary>
/// <param name="VacancyRef">The vacancy's reference.</param>
/// <param name="Sector">The sector, matched against a candidate's experience categories.</param>
/// <param name="Skills">The soft-skill profile.</param>
/// <param name="MustHaves">Certificates or hard skills a candidate must hold (e.g. ESCO URIs).</param>
/// <param name="Location">Where the work is.</param>
/// <param name="HoursPerWeek">Hours per week of the job.</param>
public sealed record VacancyProfile(
    string VacancyRef,
    string Sector,
    IReadOnlyList<SkillRequirement> Skills,
    IReadOnlyList<string> MustHaves,
    GeoPoint Location,
    double HoursPerWeek);

/// <summary>An employer's outcome for one candidate on one vacancy; the value is the relevance label (4 best).</summary>
public enum Outcome
{
    Rejected = 0,
    Viewed = 1,
    Shortlisted = 2,
    Interviewed = 3,
    Hired = 4,
}

/// <summary>A recorded outcome: the training label for one (candidate, vacancy) pair.</summary>
public sealed record LabelledPair(VacancyProfile Vacancy, CandidateProfile Candidate, Outcome Outcome);
