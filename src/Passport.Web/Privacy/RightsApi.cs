using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Passport.Application.Privacy;
using Passport.Domain.Validation;
using Passport.Data.Accounts;
using Passport.Web.Accounts;
using Passport.Web.Hosting;
using Passport.Web.Localization;

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
        api.MapDelete("/", EraseAsync).WithSummary("Erase your account and all your personal data (GDPR Art. 17); asks for your password")
            .Accepts<EraseRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status423Locked);

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

    /// <summary>The body of <c>DELETE /api/me</c>: the password again, so a token left on a shared device cannot erase the account.</summary>
    public sealed record EraseRequest(string? Password);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> EraseAsync(
        [FromBody] EraseRequest? request, HttpContext context, AccountErasure rights, UserManager<PassportUser> users, AccountService accounts,
        ValidationMessages messages, ApiProblems problems)
    {
        if (string.IsNullOrEmpty(request?.Password))
        {
            var errors = new ValidationErrors();
            errors.Add("password", "Password.Required");
            return messages.Problem(errors);
        }

        var user = await users.GetUserAsync(context.User);
        if (user is null)
        {
            return MeApi.AccountGone(problems);
        }

        var check = await accounts.ConfirmPasswordAsync(user, request.Password, ClientAddress.Of(context));
        if (check.Result != PasswordCheck.Right)
        {
            return AuthApi.PasswordProblem(check, StatusCodes.Status403Forbidden, problems, context);
        }

        return await rights.EraseAsync(user.Id, context.RequestAborted) ? TypedResults.NoContent() : MeApi.AccountGone(problems);
    }

    /// <summary>
    /// The page's erase button: antiforgery, a ticked confirmation and the password again, then the account goes and
    /// the cookie with it.
    /// </summary>
    private static async Task<Results<RedirectHttpResult, BadRequest>> EraseFromPageAsync(
        HttpContext context, IAntiforgery antiforgery, AccountErasure rights, UserManager<PassportUser> users, AccountService accounts,
        SignInManager<PassportUser> signIn, ILogger<AccountErasure> logger)
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

        var user = await users.GetUserAsync(context.User);
        if (user is not null)
        {
            var check = await accounts.ConfirmPasswordAsync(user, form["password"], ClientAddress.Of(context));
            if (check.Result != PasswordCheck.Right)
            {
                return TypedResults.LocalRedirect(check.Result == PasswordCheck.TooManyTries
                    ? $"/me/data?confirm=wait&minutes={check.RetryAfterMinutes}"
                    : "/me/data?confirm=password");
            }

            await rights.EraseAsync(user.Id, context.RequestAborted);
        }

        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/?erased=1");
    }

    private static readonly System.Text.Json.JsonSerializerOptions ExportJson = new(System.Text.Json.JsonSerializerDefaults.Web) { WriteIndented = true };
}
