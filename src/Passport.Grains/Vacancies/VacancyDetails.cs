using System.Collections.Immutable;
using Passport.Domain.Vacancies;

namespace Passport.Grains.Vacancies;

/// <summary>What an employer writes in a vacancy: the job, where, how many hours and what it asks.</summary>
[GenerateSerializer, Immutable]
public sealed record VacancyDetails(
    [property: Id(0)] string Title,
    [property: Id(1)] string Sector,
    [property: Id(2)] double Latitude,
    [property: Id(3)] double Longitude,
    [property: Id(4)] string Place,
    [property: Id(5)] int HoursPerWeek,
    [property: Id(6)] ImmutableArray<VacancySkillDetails> Skills,
    [property: Id(7)] ImmutableArray<MustHaveDetails> MustHaves)
{
    public static VacancyDetails From(Vacancy vacancy)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        return new(
            vacancy.Title, vacancy.Sector, vacancy.Location.Latitude, vacancy.Location.Longitude, vacancy.Location.Place, vacancy.HoursPerWeek,
            [.. vacancy.Skills.Select(skill => new VacancySkillDetails(skill.SkillId, skill.Importance, skill.MinimumLevel))],
            [.. vacancy.MustHaves.Select(mustHave => new MustHaveDetails(mustHave.Label, mustHave.EscoUri))]);
    }

    public Vacancy ToVacancy() => new(
        Title, Sector, new VacancyLocation(Latitude, Longitude, Place), HoursPerWeek,
        [.. Skills.Select(skill => new VacancySkill(skill.SkillId, skill.Importance, skill.MinimumLevel))],
        [.. MustHaves.Select(mustHave => new MustHave(mustHave.Label, mustHave.EscoUri))]);
}

/// <summary>One skill of the profile: importance 0–3 and the minimum level 1–5.</summary>
[GenerateSerializer, Immutable]
public sealed record VacancySkillDetails(
    [property: Id(0)] string SkillId,
    [property: Id(1)] int Importance,
    [property: Id(2)] int MinimumLevel);

/// <summary>A certificate or hard skill the job cannot do without.</summary>
[GenerateSerializer, Immutable]
public sealed record MustHaveDetails(
    [property: Id(0)] string Label,
    [property: Id(1)] string? EscoUri);
