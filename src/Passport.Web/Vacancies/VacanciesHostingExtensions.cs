using Microsoft.Extensions.Options;
using Passport.Data.Database;
using Passport.Domain.Sectors;
using Passport.Domain.Skills;
using Passport.Web.Demo;
using Passport.Web.Hosting;

namespace Passport.Web.Vacancies;

public static class VacanciesHostingExtensions
{
    /// <summary>
    /// Employers' vacancies: the demo vacancies from <c>content/demo/vacancies.json</c> and their seeder. Call it after
    /// <c>AddPassportContent</c>, so the demo organisations are seeded before their vacancies.
    /// </summary>
    public static IHostApplicationBuilder AddPassportVacancies(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(provider => DemoVacancies.Load(
            provider.GetRequiredService<IOptions<ContentOptions>>().Value,
            provider.GetRequiredService<DemoContent>(),
            provider.GetRequiredService<SectorCatalog>(),
            provider.GetRequiredService<SkillCatalog>()));
        builder.Services.AddSingleton<IDatabaseSeeder, DemoVacancySeeder>();
        return builder;
    }

    public static IEndpointRouteBuilder MapVacancies(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapVacanciesApi();
        return endpoints;
    }
}
