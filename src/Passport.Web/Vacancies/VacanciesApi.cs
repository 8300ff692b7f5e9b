using Microsoft.Extensions.Options;
using Passport.Application;
using Passport.Application.Vacancies;
using Passport.Data.Vacancies;
using Passport.Domain.Localization;
using Passport.Domain.Sectors;
using Passport.Domain.Skills;
using Passport.Domain.Vacancies;
using Passport.Grains.Vacancies;
using Passport.Web.Accounts;
using Passport.Web.Hosting;
using Passport.Web.Localization;

namespace Passport.Web.Vacancies;

/// <summary><c>/api/employer/vacancies</c>: the caller's organisation's vacancies. Employers only, their own organisation's.</summary>
public static class VacanciesApi
{
    public static IEndpointRouteBuilder MapVacanciesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/employer/vacancies").WithTags("Vacancies").RequireAuthorization(Policies.Employer);
        group.MapGet("/", ListAsync).WithSummary("Your organisation's vacancies, the newest first").WithPaging();
        group.MapPost("/", CreateAsync).WithSummary("Write a vacancy (stored as a draft)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One of your organisation's vacancies").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", UpdateAsync).WithSummary("Change a draft or published vacancy (the same rules as writing one)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}/changes", ChangesAsync).WithSummary("The recorded changes of a published vacancy, the newest first").WithPaging()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/publish", PublishAsync).WithSummary("Publish a draft vacancy")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/close", CloseAsync).WithSummary("Close a draft or published vacancy")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    public sealed record LocationBody(double? Latitude, double? Longitude, string? Place);

    public sealed record SkillBody(string? SkillId, int? Importance, int? MinimumLevel);

    /// <summary>A must-have; <c>labels</c> optionally gives the label in other languages, by language code.</summary>
    public sealed record MustHaveBody(string? Label, string? EscoUri, IReadOnlyDictionary<string, string?>? Labels = null);

    /// <summary>A must-have as read: its label for the reader, and every language given.</summary>
    public sealed record MustHaveResponse(string Label, string? EscoUri, IReadOnlyDictionary<string, string> Labels);

    /// <summary>
    /// A vacancy as sent: <c>title</c> (and each must-have's <c>label</c>) in <c>language</c> (en, nl, da or nb;
    /// English when left out), and optionally <c>titles</c> in other languages, e.g. <c>{"nl": "..."}</c>.
    /// </summary>
    public sealed record VacancyRequest(
        string? Title,
        string? Sector,
        LocationBody? Location,
        int? HoursPerWeek,
        IReadOnlyList<SkillBody?>? Skills,
        IReadOnlyList<MustHaveBody?>? MustHaves,
        string? Language = null,
        IReadOnlyDictionary<string, string?>? Titles = null);

    public sealed record VacancyResponse(
        Guid Id,
        string Title,
        string Sector,
        LocationBody Location,
        int HoursPerWeek,
        IReadOnlyList<SkillBody> Skills,
        IReadOnlyList<VacanciesApi.MustHaveResponse> MustHaves,
        string Status,
        DateTimeOffset CreatedAt,
        DateTimeOffset? PublishedAt,
        DateTimeOffset? ClosedAt,
        string Language,
        IReadOnlyDictionary<string, string> Titles)
    {
        /// <summary>
        /// The vacancy for a reader of the request's language: <c>title</c> and labels in it when the employer gave
        /// that language, else in the vacancy's own <c>language</c>; <c>titles</c> has every language given.
        /// </summary>
        public static VacancyResponse From(VacancyView view)
        {
            ArgumentNullException.ThrowIfNull(view);
            var details = view.Details;
            var vacancy = details.ToVacancy();
            var reader = LocalizationHostingExtensions.CurrentLanguage();
            return new(
                view.Id, vacancy.TitleIn(reader), details.Sector, new LocationBody(details.Latitude, details.Longitude, details.Place), details.HoursPerWeek,
                [.. details.Skills.Select(skill => new SkillBody(skill.SkillId, skill.Importance, skill.MinimumLevel))],
                [.. vacancy.MustHaves.Select(mustHave => new MustHaveResponse(
                    vacancy.LabelIn(mustHave, reader), mustHave.EscoUri, MultilingualText.Of(vacancy.Language, mustHave.Label, mustHave.LabelTranslations).All))],
                StatusName(view.Status), view.CreatedAt, view.PublishedAt, view.ClosedAt,
                vacancy.Language, vacancy.TitleText.All);
        }
    }

    /// <summary>One recorded edit of a published vacancy: when, by whom (null once their account is gone) and which fields.</summary>
    public sealed record VacancyChangeResponse(DateTimeOffset ChangedAt, string? ChangedBy, IReadOnlyList<string> Fields);

    /// <summary>The status as the API spells it: lower case.</summary>
    public static string StatusName(VacancyStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>The request as a domain draft, for the rules to check.</summary>
    public static VacancyDraft ToDraft(VacancyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new VacancyDraft(
            request.Title,
            request.Sector,
            request.Location is { } location ? new VacancyLocationDraft(location.Latitude, location.Longitude, location.Place) : null,
            request.HoursPerWeek,
            request.Skills?.Select(skill => skill is null ? null : new VacancySkillDraft(skill.SkillId, skill.Importance, skill.MinimumLevel)).ToList(),
            request.MustHaves?.Select(mustHave => mustHave is null ? null : new MustHaveDraft(mustHave.Label, mustHave.EscoUri) { Labels = mustHave.Labels }).ToList())
        {
            Language = request.Language,
            Titles = request.Titles,
        };
    }

    private static async Task<Ok<VacancyResponse[]>> ListAsync(ListPage page, HttpContext context, VacancyDesk desk)
    {
        var records = await desk.ListAsync(context.User, page.Request, context.RequestAborted);
        return page.Ok(records.Select(record => VacancyResponse.From(VacancyView.From(record))));
    }

    private static async Task<Results<Created<VacancyResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        VacancyRequest request, HttpContext context, VacancyDesk desk, OutcomeResults results) =>
        results.ToHttp(
            await desk.CreateAsync(context.User, ToDraft(request), context.RequestAborted),
            view => TypedResults.Created($"/api/employer/vacancies/{view.Id}", VacancyResponse.From(view)));

    private static async Task<Results<Ok<VacancyResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, VacancyRequest request, HttpContext context, VacancyDesk desk, OutcomeResults results) =>
        results.ToHttp(await desk.UpdateAsync(context.User, id, ToDraft(request), context.RequestAborted), view => TypedResults.Ok(VacancyResponse.From(view)));

    private static async Task<Results<Ok<VacancyChangeResponse[]>, ProblemHttpResult>> ChangesAsync(
        Guid id, ListPage page, HttpContext context, VacancyDesk desk, ApiProblems problems) =>
        await desk.ChangesAsync(context.User, id, page.Request, context.RequestAborted) is { } changes
            ? page.Ok(changes.Select(change => new VacancyChangeResponse(change.ChangedAt, change.ChangedByName, change.FieldList)))
            : NotFound(problems);

    private static async Task<Results<Ok<VacancyResponse>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext context, IGrainFactory grains, ApiProblems problems) =>
        await grains.GetGrain<IVacancyGrain>(id).GetAsync(context.User.GetOrganisationId()!.Value) is { } view
            ? TypedResults.Ok(VacancyResponse.From(view))
            : NotFound(problems);

    private static async Task<Results<Ok<VacancyResponse>, ProblemHttpResult>> PublishAsync(
        Guid id, HttpContext context, IGrainFactory grains, ApiProblems problems) =>
        Answer(await grains.GetGrain<IVacancyGrain>(id).PublishAsync(context.User.GetOrganisationId()!.Value), problems);

    private static async Task<Results<Ok<VacancyResponse>, ProblemHttpResult>> CloseAsync(
        Guid id, HttpContext context, IGrainFactory grains, ApiProblems problems) =>
        Answer(await grains.GetGrain<IVacancyGrain>(id).CloseAsync(context.User.GetOrganisationId()!.Value), problems);

    private static Results<Ok<VacancyResponse>, ProblemHttpResult> Answer(VacancyResult result, ApiProblems problems) => result.Change switch
    {
        VacancyChange.Done => TypedResults.Ok(VacancyResponse.From(result.Vacancy!)),
        VacancyChange.NotAllowed => problems.Create(StatusCodes.Status409Conflict, "Problem.VacancyNotAllowed.Title", "Problem.VacancyNotAllowed.Detail"),
        _ => NotFound(problems),
    };

    // Another organisation's vacancy is "not found" too, so ids reveal nothing about other employers.
    private static ProblemHttpResult NotFound(ApiProblems problems) =>
        problems.Create(StatusCodes.Status404NotFound, "Problem.VacancyNotFound.Title", "Problem.VacancyNotFound.Detail");
}
