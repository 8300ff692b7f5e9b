using Passport.Application.Insights;
using Passport.Domain.Insights;
using Passport.Domain.Validation;
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

    private static async Task<Ok<InsightsResponse>> GetAsync(HttpContext context, InsightsService insights) =>
        TypedResults.Ok(InsightsResponse.From((await insights.LoadAsync(context.RequestAborted)).Compute()));

    private static async Task<Results<Ok<WhatIfResponse>, ValidationProblem, ProblemHttpResult>> WhatIfAsync(
        Guid? pathwayId, string? skillId, double? delta, HttpContext context, InsightsService insights,
        ValidationMessages messages, ApiProblems problems)
    {
        IReadOnlyList<LevelGain> gains;
        if (pathwayId is { } id && skillId is null && delta is null)
        {
            if (await insights.GainsOfAsync(id, context.User.GetOrganisationId()) is not { } pathwayGains)
            {
                return problems.Create(StatusCodes.Status404NotFound, "Insights.Problem.PathwayNotFound.Title", "Insights.Problem.PathwayNotFound.Detail");
            }

            gains = pathwayGains;
        }
        else if (pathwayId is null && skillId is not null && delta is { } levels)
        {
            var errors = insights.CheckSkillGain(skillId, levels);
            if (!errors.IsValid)
            {
                return messages.Problem(errors);
            }

            gains = [new LevelGain(skillId, levels)];
        }
        else
        {
            var errors = new ValidationErrors();
            errors.Add("pathwayId", "Insights.WhatIf.Choose");
            return messages.Problem(errors);
        }

        return TypedResults.Ok(WhatIfResponse.From((await insights.LoadAsync(context.RequestAborted)).WhatIf(gains), gains));
    }
}
