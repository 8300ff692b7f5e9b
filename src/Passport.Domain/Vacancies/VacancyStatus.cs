namespace Passport.Domain.Vacancies;

/// <summary>Where a vacancy stands; stored by name, so never rename a member.</summary>
public enum VacancyStatus
{
    Draft,
    Published,
    Closed,
}
