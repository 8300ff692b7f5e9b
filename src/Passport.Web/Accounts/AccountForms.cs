using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Passport.Data.Accounts;

namespace Passport.Web.Accounts;

/// <summary>Page-side account endpoints that are not pages themselves.</summary>
public static class AccountForms
{
    public static IEndpointRouteBuilder MapAccountForms(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/signout", SignOutAsync).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>
    /// A POST with an antiforgery token, so another site cannot sign people out behind their back. Signing out ends
    /// the session on the server too (a new security stamp), so a copy of the cookie no longer works; it ends every
    /// other session and API token of the account with it.
    /// </summary>
    private static async Task<Results<RedirectHttpResult, BadRequest>> SignOutAsync(
        HttpContext context, IAntiforgery antiforgery, SignInManager<PassportUser> signIn, AccountService accounts,
        ILogger<SignInManager<PassportUser>> logger)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException ex)
        {
            logger.LogInformation("Sign-out refused: {Reason}", ex.Message);
            return TypedResults.BadRequest();
        }

        if (context.User.GetUserId() is { } userId)
        {
            await accounts.EndAllSessionsAsync(userId);
        }

        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/");
    }
}
