using Passport.Data.Vacancies;
using Passport.Domain.Vacancies;

namespace Passport.Grains.Vacancies;

/// <summary>A vacancy as its organisation's staff see it.</summary>
[GenerateSerializer, Immutable]
public sealed record VacancyView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid OrganisationId,
    [property: Id(2)] VacancyDetails Details,
    [property: Id(3)] VacancyStatus Status,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset? PublishedAt,
    [property: Id(6)] DateTimeOffset? ClosedAt)
{
    public static VacancyView From(VacancyRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.Id, record.OrganisationId, VacancyDetails.From(record.Vacancy), record.Status, record.CreatedAt, record.PublishedAt, record.ClosedAt);
    }
}
