using Microsoft.Extensions.Options;
using Passport.Data.Database;
using Passport.Data.Vacancies;
using Passport.Domain.Vacancies;

namespace Passport.Web.Demo;

/// <summary>
/// With <c>Seed:Demo</c> on, stores the demo vacancies that are missing; one that exists is left as it is (an
/// employer may have published or closed it since). Registered after <see cref="DemoSeeder"/>, which creates
/// the demo employers the vacancies belong to.
/// </summary>
public sealed class DemoVacancySeeder(
    VacancyRepository vacancies,
    DemoVacancies demo,
    IOptions<DemoOptions> options,
    TimeProvider time,
    ILogger<DemoVacancySeeder> logger) : IDatabaseSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Demo)
        {
            return;
        }

        var now = time.GetUtcNow();
        var created = 0;
        for (var index = 0; index < demo.All.Count; index++)
        {
            var vacancy = demo.All[index];
            // A second apart, in file order, so lists show the demo vacancies in the order they were written.
            var at = now.AddSeconds(index - demo.All.Count);
            var record = new VacancyRecord(
                vacancy.Id, vacancy.Organisation, null, vacancy.Vacancy, vacancy.Status, at,
                vacancy.Status == VacancyStatus.Draft ? null : at,
                vacancy.Status == VacancyStatus.Closed ? at : null);
            if (await vacancies.CreateAsync(record, cancellationToken))
            {
                created++;
            }
        }

        if (created > 0)
        {
            logger.LogInformation("Created {Count} demo vacancies", created);
        }
    }
}
