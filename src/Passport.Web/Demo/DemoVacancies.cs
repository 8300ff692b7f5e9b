using System.Globalization;
using Passport.Domain.Organisations;
using Passport.Domain.Sectors;
using Passport.Domain.Skills;
using Passport.Domain.Vacancies;
using Passport.Web.Hosting;

namespace Passport.Web.Demo;

/// <summary>
/// The demo vacancies of <c>content/demo/vacancies.json</c>, checked against the same rules as a vacancy sent to the
/// API, so a broken demo file stops the host at start instead of seeding a vacancy no employer could have written.
/// </summary>
public sealed class DemoVacancies
{
    private DemoVacancies(IReadOnlyList<DemoVacancy> vacancies) => All = vacancies;

    public IReadOnlyList<DemoVacancy> All { get; }

    public static DemoVacancies Load(ContentOptions content, DemoContent demo, SectorCatalog sectors, SkillCatalog skills)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(demo);
        return content.ReadJson<VacanciesFile, DemoVacancies>(file => Check(file, demo, sectors, skills), "demo", "vacancies.json");
    }

    private static DemoVacancies Check(VacanciesFile file, DemoContent demo, SectorCatalog sectors, SkillCatalog skills)
    {
        var employers = demo.Organisations.Where(organisation => organisation.Kind == OrganisationKind.Employer).Select(organisation => organisation.Id).ToHashSet();
        var ids = new HashSet<Guid>();
        var vacancies = new List<DemoVacancy>();
        foreach (var entry in file.Vacancies ?? throw new InvalidDataException("It has no \"vacancies\" list."))
        {
            if (!ids.Add(entry.Id))
            {
                throw new InvalidDataException($"Vacancy {entry.Id} appears twice.");
            }

            if (!employers.Contains(entry.Organisation))
            {
                throw new InvalidDataException($"Vacancy {entry.Id}: organisation {entry.Organisation} is not a demo employer in demo.json.");
            }

            var draft = new VacancyDraft(entry.Title, entry.Sector, entry.Location, entry.HoursPerWeek, entry.Skills, entry.MustHaves)
            {
                Language = entry.Language,
                Titles = entry.Titles,
            };
            var errors = draft.Validate(sectors, skills);
            if (!errors.IsValid)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"Vacancy {entry.Id}: {string.Join("; ", errors.Errors.Select(error => $"{error.Field} {error.Code}"))}."));
            }

            vacancies.Add(new DemoVacancy(entry.Id, entry.Organisation, entry.Status, draft.ToVacancy()));
        }

        return new DemoVacancies(vacancies);
    }

    private sealed record VacanciesFile(IReadOnlyList<VacancyEntry>? Vacancies);

    private sealed record VacancyEntry(
        Guid Id,
        Guid Organisation,
        VacancyStatus Status,
        string? Title,
        string? Sector,
        VacancyLocationDraft? Location,
        int? HoursPerWeek,
        IReadOnlyList<VacancySkillDraft?>? Skills,
        IReadOnlyList<MustHaveDraft?>? MustHaves,
        string? Language = null,
        IReadOnlyDictionary<string, string?>? Titles = null);
}

/// <summary>One demo vacancy: fixed id (so repeated seeding and several hosts agree), its employer and its status.</summary>
public sealed record DemoVacancy(Guid Id, Guid Organisation, VacancyStatus Status, Vacancy Vacancy);
