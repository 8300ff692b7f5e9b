using Passport.Data.Accounts;
using Passport.Data.Consent;
using Passport.Data.Organisations;
using Passport.Domain.Accounts;
using Passport.Domain.Consent;
using Passport.Grains.Consent;
using Passport.Web.Accounts;
using Passport.Web.Hosting;
using Passport.Web.Localization;
using Passport.Web.Passports;

namespace Passport.Web.Consent;

/// <summary>
/// <c>/api/people</c>: staff reading what people shared with their organisation, and asking for more. Every read
/// goes through <see cref="PersonalDataGate"/>; whatever the reason for a refusal, the answer is the same 404.
/// </summary>
public static class PeopleApi
{
    public static IEndpointRouteBuilder MapPeopleApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/people").WithTags("Consent").RequireAuthorization(Policies.Staff);
        group.MapGet("/", ListSharedAsync).WithSummary("People who share data with your organisation now");
        group.MapGet("/requests", ListRequestsAsync).WithSummary("Your organisation's requests for access and their answers");
        group.MapGet("/{personId:guid}/passport", GetPassportAsync).WithSummary("A person's passport: only the categories they share with you")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{personId:guid}/consent-requests", RequestAsync).WithSummary("Ask a person to share data with your organisation")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{personId:guid}/endorsements", EndorseAsync).WithSummary("Endorse one of a person's skills; they accept or decline it")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapPost("/api/coach/people/{personId:guid}/guardian-consent", ConfirmGuardianAsync).WithTags("Consent")
            .WithSummary("Confirm that a young person's parent or guardian agreed to sharing with employers")
            .RequireAuthorization(Policies.Coach)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    public sealed record ConsentRequestBody(IReadOnlyList<string?>? Categories, string? Purpose, DateTimeOffset? ExpiresAt);

    public sealed record EndorsementBody(string? SkillId, string? Evidence);

    public sealed record EndorsementCreated(Guid Id, Guid PersonId, string SkillId, string Status);

    public sealed record GuardianConsentBody(string? GuardianName, string? Method);

    public sealed record SharedPersonResponse(Guid PersonId, IReadOnlyList<string> Categories, IReadOnlyList<string> Purposes, DateTimeOffset? ExpiresAt);

    public sealed record RequestResponse(Guid Id, Guid PersonId, IReadOnlyList<string> Categories, string Purpose, string Status, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt);

    private static async Task<Results<Ok<SharedPassport>, ProblemHttpResult>> GetPassportAsync(
        Guid personId, HttpContext context, PersonalDataGate gate, SharedPassportReader reader, ApiProblems problems)
    {
        var decision = await gate.AuthorizeReadAsync(context.User, personId, DataCategories.All, AccessChannel.Api, context.RequestAborted);
        if (!decision.IsAllowed)
        {
            return NotFound(problems);
        }

        var passport = await reader.ReadAsync(personId, decision.Categories, context.RequestAborted);
        return passport is null ? NotFound(problems) : TypedResults.Ok(passport);
    }

    private static async Task<Ok<SharedPersonResponse[]>> ListSharedAsync(
        HttpContext context, ConsentRepository consents, OrganisationRepository organisations, TimeProvider time)
    {
        var organisation = await organisations.FindAsync(context.User.GetOrganisationId()!.Value, context.RequestAborted);
        if (organisation is null)
        {
            return TypedResults.Ok(Array.Empty<SharedPersonResponse>());
        }

        var member = new AudienceMember(organisation.Id, organisation.Kind, organisation.Sector);
        var now = time.GetUtcNow();
        var active = (await consents.ListForAudienceAsync(organisation.Id, organisation.Sector, context.RequestAborted))
            .Where(row => row.Status == nameof(ConsentStatus.Granted) && (row.ExpiresAt is null || row.ExpiresAt > now))
            .Where(row => new ConsentAudience(Enum.Parse<AudienceKind>(row.AudienceKind), row.AudienceOrganisationId, row.AudienceSector).Includes(member));
        return TypedResults.Ok(active
            .GroupBy(row => row.UserId)
            .Select(person => new SharedPersonResponse(
                person.Key,
                [.. person.SelectMany(row => DataCategories.ParseStored(row.Categories)).Distinct().Order().Select(DataCategories.Name)],
                [.. person.Select(row => row.Purpose).Distinct(StringComparer.Ordinal)],
                person.Any(row => row.ExpiresAt is null) ? null : person.Max(row => row.ExpiresAt)))
            .ToArray());
    }

    private static async Task<Ok<RequestResponse[]>> ListRequestsAsync(HttpContext context, ConsentRepository consents, OrganisationRepository organisations)
    {
        var organisationId = context.User.GetOrganisationId()!.Value;
        var organisation = await organisations.FindAsync(organisationId, context.RequestAborted);
        var rows = await consents.ListForAudienceAsync(organisationId, organisation?.Sector, context.RequestAborted);
        return TypedResults.Ok(rows
            .Where(row => row.RequestedByUserId is not null && row.AudienceOrganisationId == organisationId)
            .Select(row => new RequestResponse(
                row.Id, row.UserId, [.. DataCategories.ParseStored(row.Categories).Select(DataCategories.Name)], row.Purpose,
                System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(row.Status), row.CreatedAt, row.DecidedAt))
            .ToArray());
    }

    private static async Task<Results<Created<RequestResponse>, ValidationProblem, ProblemHttpResult>> RequestAsync(
        Guid personId, ConsentRequestBody body, HttpContext context, UserStore users, IGrainFactory grains, ConsentService consents,
        ValidationMessages messages, ApiProblems problems)
    {
        var organisationId = context.User.GetOrganisationId()!.Value;
        var (draft, errors) = await consents.CheckAsync(
            new ConsentInput(organisationId, null, false, body.Categories, body.Purpose, body.ExpiresAt), context.RequestAborted);
        if (draft is null)
        {
            return messages.Problem(errors);
        }

        var person = await users.FindByIdAsync(personId.ToString(), context.RequestAborted);
        if (person is null || !person.Roles.Contains(Roles.JobSeeker))
        {
            return NotFound(problems);
        }

        var grain = grains.GetGrain<IConsentGrain>(personId);
        if ((await grain.ListAsync()).Any(consent => consent.Status == ConsentStatus.Requested && consent.AudienceOrganisationId == organisationId))
        {
            return problems.Create(StatusCodes.Status409Conflict, "Consent.Problem.RequestPending.Title", "Consent.Problem.RequestPending.Detail");
        }

        var requested = await grain.RequestAsync(NewConsent.From(draft), context.User.GetUserId()!.Value);
        return TypedResults.Created(
            $"/api/people/requests",
            new RequestResponse(requested.Id, personId, [.. requested.Categories.Select(DataCategories.Name)], requested.Purpose, "requested", requested.CreatedAt, null));
    }

    /// <summary>
    /// Endorsing is acting on someone, not reading them, so it is not logged; it needs the person's consent for
    /// their skills to the endorser's organisation, because an endorsement speaks about what was shared.
    /// </summary>
    private static async Task<Results<Created<EndorsementCreated>, ValidationProblem, ProblemHttpResult>> EndorseAsync(
        Guid personId, EndorsementBody body, HttpContext context, PersonalDataGate gate, EndorsementService endorsements,
        ValidationMessages messages, ApiProblems problems)
    {
        if (!await gate.HoldsConsentAsync(context.User, personId, DataCategory.Skills, context.RequestAborted))
        {
            return NotFound(problems);
        }

        var result = await endorsements.ProposeAsync(
            context.User.GetUserId()!.Value, context.User.GetOrganisationId()!.Value, personId, body.SkillId ?? "", body.Evidence ?? "", context.RequestAborted);
        return result.Outcome switch
        {
            EndorsementProposalOutcome.Created => TypedResults.Created(
                "/api/people/requests", new EndorsementCreated(result.EndorsementId!.Value, personId, body.SkillId!, "pending")),
            EndorsementProposalOutcome.Invalid => messages.Problem(result.Errors!),
            _ => NotFound(problems),
        };
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ConfirmGuardianAsync(
        Guid personId, GuardianConsentBody body, HttpContext context, PersonalDataGate gate, ConsentRepository consents,
        ValidationMessages messages, ApiProblems problems, TimeProvider time)
    {
        var errors = new Domain.Validation.ValidationErrors();
        if (string.IsNullOrWhiteSpace(body.GuardianName) || body.GuardianName.Trim().Length > 120)
        {
            errors.Add("guardianName", "Consent.Guardian.Name");
        }

        if (string.IsNullOrWhiteSpace(body.Method) || body.Method.Trim().Length > 300)
        {
            errors.Add("method", "Consent.Guardian.Method");
        }

        if (!errors.IsValid)
        {
            return messages.Problem(errors);
        }

        // A coach confirms only for someone who works with their organisation: the young person shares with it.
        if (!await gate.HoldsConsentAsync(context.User, personId, category: null, context.RequestAborted))
        {
            return NotFound(problems);
        }

        await consents.SaveGuardianConsentAsync(
            new GuardianConsentRow
            {
                UserId = personId,
                GuardianName = body.GuardianName!.Trim(),
                Method = body.Method!.Trim(),
                ConfirmedByUserId = context.User.GetUserId(),
                OrganisationId = context.User.GetOrganisationId()!.Value,
                ConfirmedAt = time.GetUtcNow(),
            },
            context.RequestAborted);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotFound(ApiProblems problems) =>
        problems.Create(StatusCodes.Status404NotFound, "Consent.Problem.PersonNotFound.Title", "Consent.Problem.PersonNotFound.Detail");
}
