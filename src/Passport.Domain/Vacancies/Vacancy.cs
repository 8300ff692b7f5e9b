namespace Passport.Domain.Vacancies;

/// <summary>A vacancy whose rules hold (made by <see cref="VacancyDraft.ToVacancy"/>): the job, where and how many hours, and what it asks.</summary>
public sealed record Vacancy(
    string Title,
    string Sector,
    VacancyLocation Location,
    int HoursPerWeek,
    IReadOnlyList<VacancySkill> Skills,
    IReadOnlyList<MustHave> MustHaves);

/// <summary>Where the work is: a point for travel distance and the place name people recognise.</summary>
public sealed record VacancyLocation(double Latitude, double Longitude, string Place);

/// <summary>
/// One soft skill of the vacancy's profile: how much it weighs (0 = nice to have … 3 = essential) and the level
/// (1–5, the skills framework's levels) the job asks for.
/// </summary>
public sealed record VacancySkill(string SkillId, int Importance, int MinimumLevel);

/// <summary>A certificate or hard skill the job cannot do without, optionally linked to its ESCO concept.</summary>
public sealed record MustHave(string Label, string? EscoUri);
