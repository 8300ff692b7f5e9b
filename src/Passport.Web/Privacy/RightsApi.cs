using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Passport.Data.Accounts;
using Passport.Web.Accounts;
using Passport.Web.Hosting;

namespace Passport.Web.Privacy;

/// <summary>
/// The owner's rights over their data: a full export (GDPR Art. 15 and 20) and erasure (Art. 17), for every role.
/// The API takes the bearer token; the page's forms post to <c>/me/data/…</c> with the sign-in cookie.
/// </summary>
public static class RightsApi
{
    public static IEndpointRouteBuilder MapRightsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/me").WithTags("Accounts").RequireAuthorization();
        api.MapGet("/export", ExportAsync).WithSummary("All your personal data as JSON (GDPR Art. 15 and 20)");
        api.MapDelete("/", EraseAsync).WithSummary("Erase your account and all your personal data (GDPR Art. 17)")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        var page = endpoints.MapGroup("/me/data").RequireAuthorization().ExcludeFromDescription();
        page.MapGet("/export", ExportAsync);
        page.MapPost("/erase", EraseFromPageAsync);
        return endpoints;
    }

    private static async Task<FileContentHttpResult> ExportAsync(HttpContext context, AccountErasure rights, TimeProvider time)
    {
        var export = await rights.ExportAsync(context.User.GetUserId()!.Value, context.RequestAborted);
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(export, ExportJson);
        var day = time.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(json, "application/json", $"passport-data-{day}.json");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> EraseAsync(HttpContext context, AccountErasure rights, ApiProblems problems)
    {
        var erased = await rights.EraseAsync(context.User.GetUserId()!.Value, context.RequestAborted);
        return erased
            ? TypedResults.NoContent()
            : problems.Create(StatusCodes.Status401Unauthorized, "Problem.AccountGone.Title", "Problem.AccountGone.Detail");
    }

    /// <summary>The page's erase button: antiforgery, a ticked confirmation, then the account goes and the cookie with it.</summary>
    private static async Task<Results<RedirectHttpResult, BadRequest>> EraseFromPageAsync(
        HttpContext context, IAntiforgery antiforgery, AccountErasure rights, SignInManager<PassportUser> signIn, ILogger<AccountErasure> logger)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException ex)
        {
            logger.LogInformation("Erasure form refused: {Reason}", ex.Message);
            return TypedResults.BadRequest();
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form["confirm"] != "yes")
        {
            return TypedResults.LocalRedirect("/me/data?confirm=missing");
        }

        await rights.EraseAsync(context.User.GetUserId()!.Value, context.RequestAborted);
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/?erased=1");
    }

    private static readonly System.Text.Json.JsonSerializerOptions ExportJson = new(System.Text.Json.JsonSerializerDefaults.Web) { WriteIndented = true };
}
