using Passport.Domain.Vacancies;

namespace Passport.Data.Vacancies;

/// <summary>A stored vacancy of the organisation in <see cref="OrganisationId"/>, with where it stands in its lifecycle.</summary>
public sealed record VacancyRecord(
    Guid Id,
    Guid OrganisationId,
    Guid? CreatedByUserId,
    Vacancy Vacancy,
    VacancyStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? ClosedAt);
