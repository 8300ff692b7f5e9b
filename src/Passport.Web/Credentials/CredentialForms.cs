using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Passport.Application;
using Passport.Application.Credentials;
using Passport.Domain.Skills;
using Passport.Web.Accounts;

namespace Passport.Web.Credentials;

/// <summary>
/// The form posts of the <c>/credentials</c> page that are not pages themselves, cookie sign-in, JobSeeker only,
/// antiforgery checked: making a credential (recorded, then the page lists it and offers its file), the file itself
/// while it is held for download, and revoking (only with the confirmation the page asks for).
/// </summary>
public static class CredentialForms
{
    /// <summary>The value of the revoke form's <c>confirm</c> field that the confirmation step sends.</summary>
    public const string Confirmed = "yes";

    public static IEndpointRouteBuilder MapCredentialForms(this IEndpointRouteBuilder endpoints)
    {
        var forms = endpoints.MapGroup("/credentials").RequireAuthorization(Policies.JobSeeker).ExcludeFromDescription();
        forms.MapPost("/download", MakeAsync);
        forms.MapGet("/{id:guid}/file", FileAsync);
        forms.MapPost("/revoke", RevokeAsync);
        return endpoints;
    }

    /// <summary>
    /// Makes and records the credential, then sends the browser back to the page (redirect after post), which lists
    /// it from the same data as everything else there and links its file.
    /// </summary>
    private static async Task<Results<RedirectHttpResult, BadRequest>> MakeAsync(
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

        var outcome = await credentials.IssueForDownloadAsync(context.User.GetUserId()!.Value, request.SkillId, context.RequestAborted);
        if (outcome.Value is not { } row)
        {
            return TypedResults.LocalRedirect(outcome.Status == OutcomeStatus.TooManyRequests ? "/credentials?error=daily-limit" : "/credentials?error=not-measured");
        }

        return TypedResults.LocalRedirect(string.Create(CultureInfo.InvariantCulture, $"/credentials?made={row.Id}"));
    }

    /// <summary>The file of a credential the owner just made, while it is held; after that the page says to make a new one.</summary>
    private static async Task<Results<FileContentHttpResult, RedirectHttpResult>> FileAsync(Guid id, HttpContext context, CredentialService credentials)
    {
        if (await credentials.HeldAsync(context.User.GetUserId()!.Value, id, context.RequestAborted) is not { } held)
        {
            return TypedResults.LocalRedirect("/credentials?error=gone");
        }

        var row = held.Row;
        context.Response.Headers.CacheControl = "no-store";
        var name = string.Create(CultureInfo.InvariantCulture, $"passport-{row.SkillId ?? "skills-summary"}-{row.IssuedAt:yyyy-MM-dd}.jwt");
        return TypedResults.File(Encoding.ASCII.GetBytes(held.Jwt), VcJwt.MediaType, name);
    }

    /// <summary>
    /// Revokes only with <c>confirm=yes</c>, which the page's confirmation step sends; without it the page asks the
    /// question again for that credential and nothing changes.
    /// </summary>
    private static async Task<Results<RedirectHttpResult, BadRequest>> RevokeAsync(
        HttpContext context, IAntiforgery antiforgery, CredentialService credentials, ILogger<CredentialService> logger)
    {
        if (!await IsGenuineFormAsync(context, antiforgery, logger))
        {
            return TypedResults.BadRequest();
        }

        var form = context.Request.Form;
        if (!Guid.TryParse(form["id"], CultureInfo.InvariantCulture, out var id))
        {
            return TypedResults.LocalRedirect("/credentials");
        }

        if (form["confirm"] != Confirmed)
        {
            return TypedResults.LocalRedirect(string.Create(CultureInfo.InvariantCulture, $"/credentials?stop={id}#stop-heading"));
        }

        // Someone else's id changes nothing and says nothing; the list shows what is theirs.
        await credentials.RevokeAsync(context.User.GetUserId()!.Value, id, context.RequestAborted);
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
