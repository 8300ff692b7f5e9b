namespace Passport.Grains.Vacancies;

/// <summary>The outcome of a lifecycle move, with the vacancy as it stands afterwards (null when not found).</summary>
[GenerateSerializer, Immutable]
public sealed record VacancyResult(
    [property: Id(0)] VacancyChange Change,
    [property: Id(1)] VacancyView? Vacancy);
