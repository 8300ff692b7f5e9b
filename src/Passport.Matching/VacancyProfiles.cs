using Passport.Domain.Vacancies;

namespace Passport.Matching;

public static class VacancyProfiles
{
    /// <summary>
    /// What the ranker knows of a stored vacancy. Only must-haves with an ESCO URI can be checked against passports;
    /// a must-have in words only is left to the employer.
    /// </summary>
    public static VacancyProfile From(Guid vacancyId, Vacancy vacancy)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        return new VacancyProfile(
            vacancyId.ToString("N"),
            vacancy.Sector,
            [.. vacancy.Skills.Select(skill => new SkillRequirement(skill.SkillId, skill.Importance, skill.MinimumLevel))],
            [.. vacancy.MustHaves.Where(mustHave => mustHave.EscoUri is not null).Select(mustHave => mustHave.EscoUri!)],
            new GeoPoint(vacancy.Location.Latitude, vacancy.Location.Longitude),
            vacancy.HoursPerWeek);
    }
}
