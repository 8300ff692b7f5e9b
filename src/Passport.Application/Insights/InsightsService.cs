using Passport.Application.Localization;
using Passport.Data.Insights;
using Passport.Data.Pathways;
using Passport.Data.Vacancies;
using Passport.Domain.Insights;
using Passport.Domain.Pathways;
using Passport.Domain.Skills;
using Passport.Domain.Sprints;
using Passport.Domain.Validation;
using Passport.Grains.Pathways;

namespace Passport.Application.Insights;

/// <summary>
/// The education insights for the API and the page alike: demand of published vacancies against supply of measured
/// passports, and a pathway's what-if. Only counts come out; which pathways a provider may test is decided here too.
/// </summary>
public sealed class InsightsService(
    VacancyRepository vacancies, InsightsRepository insights, PathwayRepository pathways, IGrainFactory grains, SkillCatalog skills, SprintCatalog sprints)
{
    /// <summary>The published vacancies and the job seekers' measured abilities, for one request's questions.</summary>
    public async Task<InsightsData> LoadAsync(CancellationToken cancellationToken = default)
    {
        var published = await vacancies.ListPublishedAsync(cancellationToken);
        var answers = await insights.ListScoredAnswersAsync(cancellationToken);
        return new InsightsData(
            [.. published.Select(record => new DemandVacancy(
                record.Id, record.Vacancy.TitleIn(TextLanguage.Current()), record.Vacancy.Sector, record.Vacancy.Location.Place, record.Vacancy.Skills))],
            SupplyMatrix.FromAnswers(
                skills.All.Select(skill => skill.Id), answers.Select(answer => (answer.UserId, answer.ItemId, answer.Category)), sprints));
    }

    /// <summary>The pathway's gains, when <paramref name="organisationId"/> may test it; null for an unknown or hidden pathway.</summary>
    public async Task<IReadOnlyList<LevelGain>?> GainsOfAsync(Guid pathwayId, Guid? organisationId)
    {
        var pathway = await grains.GetGrain<IPathwayGrain>(pathwayId).GetAsync();
        return pathway is null || !IsVisible(pathway, organisationId)
            ? null
            : [.. pathway.Content.Gains.Select(gain => new LevelGain(gain.SkillId, gain.ExpectedGain))];
    }

    /// <summary>The pathways a provider may test: its own in any state, then other providers' on offer.</summary>
    public async Task<IReadOnlyList<PathwayView>> VisiblePathwaysAsync(Guid organisationId, CancellationToken cancellationToken = default)
    {
        var own = await pathways.ListOfOrganisationAsync(organisationId, cancellationToken);
        var published = await pathways.ListPublishedAsync(cancellationToken);
        return [.. own.Concat(published.Where(stored => stored.Pathway.OrganisationId != organisationId)).Select(PathwayRows.ToView)];
    }

    /// <summary>The rules of a single-skill what-if: a known skill and a gain of 0.5 to 2 levels in steps of 0.5.</summary>
    public ValidationErrors CheckSkillGain(string skillId, double delta)
    {
        var errors = new ValidationErrors();
        if (!skills.IsKnown(skillId))
        {
            errors.Add("skillId", "Pathway.Skill.Unknown", skillId);
        }

        if (!Pathway.IsGainStep(delta))
        {
            errors.Add("delta", "Pathway.Gain.OutOfRange", Pathway.MinGain, Pathway.MaxGain, Pathway.GainStep);
        }

        return errors;
    }

    // A provider may test its own pathways in any state; another provider's only once it is on offer.
    private static bool IsVisible(PathwayView pathway, Guid? organisationId) =>
        pathway.OrganisationId == organisationId || pathway.Status is PathwayStatus.Open or PathwayStatus.Full;
}
