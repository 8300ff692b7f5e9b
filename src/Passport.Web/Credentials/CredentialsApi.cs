using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Passport.Application.Credentials;
using Passport.Data.Credentials;
using Passport.Domain.Credentials;
using Passport.Domain.Skills;
using Passport.Domain.Validation;
using Passport.Web.Accounts;
using Passport.Web.Hosting;
using Passport.Web.Localization;

namespace Passport.Web.Credentials;

/// <summary>
/// Open Badges 3.0 credentials: the job seeker's own (<c>/api/me/credentials</c>, never another's), issuer key
/// rotation (Admin), and what every verifier may read anonymously: the issuer profile, its keys, the status lists
/// and a verification service.
/// </summary>
public static class CredentialsApi
{
    public static IEndpointRouteBuilder MapCredentialsApi(this IEndpointRouteBuilder endpoints)
    {
        var mine = endpoints.MapGroup("/api/me/credentials").WithTags("Credentials").RequireAuthorization(Policies.JobSeeker);
        mine.MapPost("/", CreateAsync).WithSummary("Create a signed Open Badges credential of a skill or of your skills summary")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        mine.MapGet("/", ListAsync).WithSummary("Your credentials (without the signed credential itself)").WithPaging();
        mine.MapGet("/{id:guid}", GetAsync).WithSummary("One of your credentials").ProducesProblem(StatusCodes.Status404NotFound);
        mine.MapDelete("/{id:guid}", RevokeAsync).WithSummary("Revoke one of your credentials").ProducesProblem(StatusCodes.Status404NotFound);

        endpoints.MapPost("/api/admin/issuer-keys/rotate", Rotate).WithTags("Credentials")
            .WithSummary("Make a new issuer signing key; older keys stay published").RequireAuthorization(Policies.Admin);

        endpoints.MapPost("/api/credentials/verify", VerifyAsync).WithTags("Credentials").AllowAnonymous()
            .WithSummary("Check a credential: genuine, unaltered, not revoked")
            .Accepts<VerifyRequest>("application/json", "text/plain")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        endpoints.MapGet("/.well-known/jwks.json", Jwks).WithTags("Credentials").AllowAnonymous().WithSummary("The issuer's public keys (JWKS)");
        endpoints.MapGet("/issuer", Issuer).WithTags("Credentials").AllowAnonymous().WithSummary("The issuer profile (Open Badges Profile)");
        endpoints.MapGet("/credentials/status/{listId:int}", StatusListAsync).WithTags("Credentials").AllowAnonymous()
            .WithSummary("A status list as a signed BitstringStatusListCredential (VC-JWT)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    public sealed record CreateCredentialRequest(string? SkillId, bool? Summary);

    public sealed record CreatedCredentialResponse(Guid Id, string Jwt);

    public sealed record CredentialResponse(Guid Id, string Kind, string? SkillId, string Status, DateTimeOffset IssuedAt, DateTimeOffset? RevokedAt)
    {
        public static CredentialResponse From(IssuedCredentialRow row)
        {
            ArgumentNullException.ThrowIfNull(row);
            return new(row.Id, row.Kind, row.SkillId, row.Status, row.IssuedAt, row.RevokedAt);
        }
    }

    public sealed record RotatedKeyResponse(string Kid, IReadOnlyList<string> Published);

    public sealed record VerifyRequest(string? Jwt);

    public sealed record SubjectSummary(string? Achievement, IReadOnlyList<StatedResult> Results);

    public sealed record VerificationResponse(
        bool Genuine,
        bool Unaltered,
        bool? Revoked,
        bool Expired,
        string? Problem,
        string? Issuer,
        string? IssuerId,
        DateTimeOffset? IssuedAt,
        string? Name,
        SubjectSummary? Subject);

    /// <summary>Checks the request: exactly one of a known skill id or <c>summary: true</c>.</summary>
    public static ValidationErrors Validate(CreateCredentialRequest request, SkillCatalog skills)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(skills);
        var errors = new ValidationErrors();
        var summary = request.Summary == true;
        if (summary == (request.SkillId is not null))
        {
            errors.Add("skillId", "Credentials.ChooseOne");
        }
        else if (request.SkillId is not null && !skills.IsKnown(request.SkillId))
        {
            errors.Add("skillId", "Credentials.UnknownSkill");
        }

        return errors;
    }

    private static async Task<Results<Created<CreatedCredentialResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateCredentialRequest request, HttpContext context, CredentialService credentials, SkillCatalog skills,
        ValidationMessages messages, OutcomeResults results, CancellationToken cancellationToken)
    {
        var errors = Validate(request, skills);
        if (!errors.IsValid)
        {
            return messages.Problem(errors);
        }

        return results.ToHttp(
            await credentials.IssueAsync(
                context.User.GetUserId()!.Value, request.Summary == true ? null : request.SkillId, credentials.IssuerBase, cancellationToken),
            issued => TypedResults.Created($"/api/me/credentials/{issued.Row.Id}", new CreatedCredentialResponse(issued.Row.Id, issued.Jwt)));
    }

    private static async Task<Ok<CredentialResponse[]>> ListAsync(ListPage page, HttpContext context, CredentialService credentials, CancellationToken cancellationToken)
    {
        var rows = await credentials.ListAsync(context.User.GetUserId()!.Value, page.Request, cancellationToken);
        return page.Ok(rows.Select(CredentialResponse.From));
    }

    private static async Task<Results<Ok<CredentialResponse>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext context, CredentialService credentials, ApiProblems problems, CancellationToken cancellationToken) =>
        await credentials.GetAsync(context.User.GetUserId()!.Value, id, cancellationToken) is { } row
            ? TypedResults.Ok(CredentialResponse.From(row))
            : NotFound(problems);

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        Guid id, HttpContext context, CredentialService credentials, ApiProblems problems, CancellationToken cancellationToken) =>
        await credentials.RevokeAsync(context.User.GetUserId()!.Value, id, cancellationToken)
            ? TypedResults.NoContent()
            : NotFound(problems);

    private static Ok<RotatedKeyResponse> Rotate(IssuerKeys keys)
    {
        var key = keys.Rotate();
        return TypedResults.Ok(new RotatedKeyResponse(key.Kid, [.. keys.All.Select(published => published.Kid)]));
    }

    private static async Task<Results<Ok<VerificationResponse>, ProblemHttpResult>> VerifyAsync(
        HttpRequest request, CredentialVerifier verifier, ApiProblems problems, CancellationToken cancellationToken)
    {
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        string? text;
        if (string.Equals(mediaType, "text/plain", StringComparison.OrdinalIgnoreCase))
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            text = await reader.ReadToEndAsync(cancellationToken);
        }
        else if (string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                text = (await JsonSerializer.DeserializeAsync<VerifyRequest>(request.Body, JsonSerializerOptions.Web, cancellationToken))?.Jwt;
            }
            catch (JsonException)
            {
                return NotAJwt(problems);
            }
        }
        else
        {
            return problems.Create(StatusCodes.Status415UnsupportedMediaType, "Problem.Credentials.MediaType.Title", "Problem.Credentials.MediaType.Detail");
        }

        return await verifier.VerifyAsync(text, cancellationToken) is { } result ? TypedResults.Ok(ToResponse(result)) : NotAJwt(problems);
    }

    public static VerificationResponse ToResponse(VerificationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var statement = result.Statement;
        return new VerificationResponse(
            result.Genuine,
            result.Unaltered,
            result.Revoked,
            result.Expired,
            result.Problem == VerificationProblem.None ? null : JsonNamingPolicy.CamelCase.ConvertName(result.Problem.ToString()),
            statement?.IssuerName,
            statement?.IssuerId,
            statement?.ValidFrom,
            statement?.Name,
            statement is null ? null : new SubjectSummary(statement.AchievementName, statement.Results));
    }

    private static ContentHttpResult Jwks(IssuerKeys keys, HttpContext context)
    {
        var jwks = new JsonObject { ["keys"] = new JsonArray([.. keys.All.Select(key => (JsonNode)key.ToPublicJwk())]) };
        context.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Text(jwks.ToJsonString(), "application/jwk-set+json", Encoding.UTF8);
    }

    private static ContentHttpResult Issuer(CredentialService credentials) =>
        TypedResults.Text(OpenBadges.Profile(credentials.Issuer(credentials.IssuerBase), withContext: true).ToJsonString(), "application/json", Encoding.UTF8);

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> StatusListAsync(
        int listId, HttpContext context, CredentialService credentials, ApiProblems problems, IOptions<CredentialsOptions> options,
        CancellationToken cancellationToken)
    {
        if (await credentials.StatusListJwtAsync(listId, credentials.IssuerBase, cancellationToken) is not { } jwt)
        {
            return NotFound(problems);
        }

        context.Response.Headers.CacheControl = $"public, max-age={(int)options.Value.StatusListMaxAge.TotalSeconds}";
        return TypedResults.Text(jwt, VcJwt.MediaType, Encoding.ASCII);
    }

    private static ProblemHttpResult NotFound(ApiProblems problems) =>
        problems.Create(StatusCodes.Status404NotFound, "Problem.Credentials.NotFound.Title", "Problem.Credentials.NotFound.Detail");

    private static ProblemHttpResult NotAJwt(ApiProblems problems) =>
        problems.Create(StatusCodes.Status400BadRequest, "Problem.Credentials.NotAJwt.Title", "Problem.Credentials.NotAJwt.Detail");
}
