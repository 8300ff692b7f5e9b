using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Passport.Application;
using Passport.Application.Credentials;
using Passport.Domain.Skills;
using Passport.Web.Accounts;

namespace Passport.Web.Credentials;

/// <summary>
/// The form posts of the <c>/credentials</c> page that are not pages themselves: create-and-download (the answer is
/// the <c>.jwt</c> file) and revoke. Cookie sign-in, JobSeeker only, antiforgery checked.
/// </summary>
public static class CredentialForms
{
    public static IEndpointRouteBuilder MapCredentialForms(this IEndpointRouteBuilder endpoints)
    {
        var forms = endpoints.MapGroup("/credentials").RequireAuthorization(Policies.JobSeeker).ExcludeFromDescription();
        forms.MapPost("/download", DownloadAsync);
        forms.MapPost("/revoke", RevokeAsync);
        return endpoints;
    }

    private static async Task<Results<FileContentHttpResult, RedirectHttpResult, BadRequest>> DownloadAsync(
        HttpContext context, IAntiforgery antiforgery, CredentialService credentials, SkillCatalog skills, ILogger<CredentialService> logger)
    {
        if (!await IsGenuineFormAsync(context, antiforgery, logger))
        {
            return TypedResults.BadRequest();
        }

        var form = context.Request.Form;
        var request = new CredentialsApi.CreateCredentialRequest(
            form["skillId"] is [{ Length: > 0 } skillId] ? skillId : null, form["summary"] is ["true"] ? true : null);
        if (!CredentialsApi.Validate(request, skills).IsValid)
        {
            return TypedResults.LocalRedirect("/credentials?error=unknown");
        }

        var outcome = await credentials.IssueAsync(context.User.GetUserId()!.Value, request.SkillId, credentials.IssuerBase, context.RequestAborted);
        if (outcome.Value is not { } issued)
        {
            return TypedResults.LocalRedirect(outcome.Status == OutcomeStatus.TooManyRequests ? "/credentials?error=daily-limit" : "/credentials?error=not-measured");
        }

        var row = issued.Row;
        var name = string.Create(CultureInfo.InvariantCulture, $"passport-{row.SkillId ?? "skills-summary"}-{row.IssuedAt:yyyy-MM-dd}.jwt");
        return TypedResults.File(Encoding.ASCII.GetBytes(issued.Jwt), VcJwt.MediaType, name);
    }

    private static async Task<Results<RedirectHttpResult, BadRequest>> RevokeAsync(
        HttpContext context, IAntiforgery antiforgery, CredentialService credentials, ILogger<CredentialService> logger)
    {
        if (!await IsGenuineFormAsync(context, antiforgery, logger))
        {
            return TypedResults.BadRequest();
        }

        // Someone else's id (or none) changes nothing and says nothing; the list shows what is theirs.
        if (Guid.TryParse(context.Request.Form["id"], CultureInfo.InvariantCulture, out var id))
        {
            await credentials.RevokeAsync(context.User.GetUserId()!.Value, id, context.RequestAborted);
        }

        return TypedResults.LocalRedirect("/credentials?revoked=true");
    }

    private static async Task<bool> IsGenuineFormAsync(HttpContext context, IAntiforgery antiforgery, ILogger logger)
    {
        if (!context.Request.HasFormContentType)
        {
            return false;
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context);
            return true;
        }
        catch (AntiforgeryValidationException ex)
        {
            logger.LogInformation("Credential form refused: {Reason}", ex.Message);
            return false;
        }
    }
}
