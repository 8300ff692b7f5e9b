using System.Text.Json;
using Passport.Application.Insights;
using Passport.Application.Matching;
using Passport.Data.Matching;
using Passport.Domain.Insights;
using Passport.Matching.Training;
using Passport.Web.Accounts;
using Passport.Web.Hosting;

namespace Passport.Web.Matching;

/// <summary>
/// <c>/api/admin/matching</c>: the people who oversee the ranker (EU AI Act Art. 14) see every model with its
/// figures, retrain on demand, and roll back to an earlier model.
/// </summary>
public static class RankerAdminApi
{
    public static IEndpointRouteBuilder MapRankerAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/admin/matching").WithTags("Administration").RequireAuthorization(Policies.Admin);
        group.MapGet("/models", ListAsync).WithSummary("Every ranker model, newest first, with its held-out figures and status").WithPaging();
        group.MapPost("/retrain", RetrainAsync).WithSummary("Retrain from recorded outcomes now; promoted only if at least as good on held-out vacancies");
        group.MapPost("/models/{version}/activate", ActivateAsync).WithSummary("Make an earlier model the active one again (rollback)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    /// <summary>
    /// A stored model as the model card shows it; <c>metadata</c> holds its features, skills and metrics. Training
    /// pairs are outcomes recorded about people, so they are a count of people like any other (suppressed below
    /// five, else rounded to five).
    /// </summary>
    public sealed record ModelResponse(
        string Version, string Source, string Status, DateTimeOffset TrainedAt, PeopleCountResponse TrainingPairs, int TrainingVacancies,
        double HeldOutNdcg, double? ComparedNdcg, JsonElement Metadata, DateTimeOffset CreatedAt, DateTimeOffset? PromotedAt)
    {
        public static ModelResponse From(RankerModelRow row)
        {
            ArgumentNullException.ThrowIfNull(row);
            return new(
                row.Version, row.Source.ToLowerInvariant(), row.Status.ToLowerInvariant(), row.TrainedAt,
                PeopleCountResponse.From(PeopleCount.Of(row.TrainingPairs)), row.TrainingVacancies, row.HeldOutNdcg, row.ComparedNdcg,
                JsonDocument.Parse(row.Metadata).RootElement.Clone(), row.CreatedAt, row.PromotedAt);
        }
    }

    /// <summary>A retraining run: <c>pairs</c>, the outcomes it found, is a count of people like any other.</summary>
    public sealed record RetrainResponse(
        RetrainDecision Decision, string? Version, string? ActiveVersion, int Vacancies, PeopleCountResponse Pairs, double? ChallengerNdcg, double? ActiveNdcg)
    {
        public static RetrainResponse From(RetrainResult result)
        {
            ArgumentNullException.ThrowIfNull(result);
            return new(
                result.Decision, result.Version, result.ActiveVersion, result.Vacancies, PeopleCountResponse.From(PeopleCount.Of(result.Pairs)),
                result.ChallengerNdcg, result.ActiveNdcg);
        }
    }

    private static async Task<Ok<ModelResponse[]>> ListAsync(ListPage page, HttpContext context, RankerModels models) =>
        page.Ok((await models.ListAsync(page.Request, context.RequestAborted)).Select(ModelResponse.From));

    private static async Task<Ok<RetrainResponse>> RetrainAsync(HttpContext context, RankerStore store) =>
        TypedResults.Ok(RetrainResponse.From(await store.RetrainAsync(context.RequestAborted)));

    private static async Task<Results<NoContent, ProblemHttpResult>> ActivateAsync(string version, HttpContext context, RankerStore store, ApiProblems problems) =>
        await store.ActivateAsync(version, context.RequestAborted)
            ? TypedResults.NoContent()
            : problems.Create(StatusCodes.Status404NotFound, "Match.Problem.ModelNotFound.Title", "Match.Problem.ModelNotFound.Detail");
}
