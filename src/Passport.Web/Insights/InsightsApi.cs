using Passport.Data.Insights;
using Passport.Data.Vacancies;
using Passport.Domain.Insights;
using Passport.Domain.Pathways;
using Passport.Domain.Skills;
using Passport.Domain.Sprints;
using Passport.Domain.Validation;
using Passport.Grains.Pathways;
using Passport.Web.Accounts;
using Passport.Web.Hosting;
using Passport.Web.Localization;

namespace Passport.Web.Insights;

/// <summary>
/// <c>/api/education/insights</c>: education partners see which skills published vacancies ask for against how many
/// job seekers reach them, and what a pathway's gains would change. Only counts leave this API, never a person: the
/// partners have no consent to see individuals.
/// </summary>
public static class InsightsApi
{
    public static IEndpointRouteBuilder MapInsightsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/education/insights").WithTags("Insights").RequireAuthorization(Policies.EducationPartner);
        group.MapGet("/", GetAsync).WithSummary("Demand against supply per skill, sector and region (counts only)");
        group.MapGet("/what-if", WhatIfAsync)
            .WithSummary("How many more candidates would reach how many vacancies if a pathway's gains applied")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<Ok<InsightsResponse>> GetAsync(
        HttpContext context, VacancyRepository vacancies, InsightsRepository insights, SkillCatalog skills, SprintCatalog sprints)
    {
        var demand = await DemandAsync(vacancies, context.RequestAborted);
        var supply = await SupplyAsync(insights, skills, sprints, context.RequestAborted);
        return TypedResults.Ok(InsightsResponse.From(InsightsCalculator.Compute(demand, supply)));
    }

    private static async Task<Results<Ok<WhatIfResponse>, ValidationProblem, ProblemHttpResult>> WhatIfAsync(
        Guid? pathwayId, string? skillId, double? delta, HttpContext context, IGrainFactory grains,
        VacancyRepository vacancies, InsightsRepository insights, SkillCatalog skills, SprintCatalog sprints,
        ValidationMessages messages, ApiProblems problems)
    {
        var errors = new ValidationErrors();
        IReadOnlyList<LevelGain> gains;
        if (pathwayId is { } id && skillId is null && delta is null)
        {
            var pathway = await grains.GetGrain<IPathwayGrain>(id).GetAsync();
            if (pathway is null || !IsVisible(pathway, context.User.GetOrganisationId()))
            {
                return problems.Create(StatusCodes.Status404NotFound, "Insights.Problem.PathwayNotFound.Title", "Insights.Problem.PathwayNotFound.Detail");
            }

            gains = [.. pathway.Content.Gains.Select(gain => new LevelGain(gain.SkillId, gain.ExpectedGain))];
        }
        else if (pathwayId is null && skillId is not null && delta is { } levels)
        {
            if (!skills.IsKnown(skillId))
            {
                errors.Add("skillId", "Pathway.Skill.Unknown", skillId);
            }

            if (!Pathway.IsGainStep(levels))
            {
                errors.Add("delta", "Pathway.Gain.OutOfRange", Pathway.MinGain, Pathway.MaxGain, Pathway.GainStep);
            }

            gains = [new LevelGain(skillId, levels)];
        }
        else
        {
            errors.Add("pathwayId", "Insights.WhatIf.Choose");
            gains = [];
        }

        if (!errors.IsValid)
        {
            return messages.Problem(errors);
        }

        var demand = await DemandAsync(vacancies, context.RequestAborted);
        var supply = await SupplyAsync(insights, skills, sprints, context.RequestAborted);
        return TypedResults.Ok(WhatIfResponse.From(InsightsCalculator.WhatIf(demand, supply, gains), gains));
    }

    // A provider may test its own pathways in any state; another provider's only once it is on offer.
    private static bool IsVisible(PathwayView pathway, Guid? organisationId) =>
        pathway.OrganisationId == organisationId || pathway.Status is PathwayStatus.Open or PathwayStatus.Full;

    private static async Task<IReadOnlyList<DemandVacancy>> DemandAsync(VacancyRepository vacancies, CancellationToken cancellationToken)
    {
        var published = await vacancies.ListPublishedAsync(cancellationToken);
        return [.. published.Select(record => new DemandVacancy(
            record.Id, record.Vacancy.Title, record.Vacancy.Sector, record.Vacancy.Location.Place, record.Vacancy.Skills))];
    }

    private static async Task<SupplyMatrix> SupplyAsync(
        InsightsRepository insights, SkillCatalog skills, SprintCatalog sprints, CancellationToken cancellationToken)
    {
        var answers = await insights.ListScoredAnswersAsync(cancellationToken);
        return SupplyMatrix.FromAnswers(
            skills.All.Select(skill => skill.Id), answers.Select(answer => (answer.UserId, answer.ItemId, answer.Category)), sprints);
    }
}
