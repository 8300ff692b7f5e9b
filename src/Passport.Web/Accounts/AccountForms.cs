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

    /// <summary>A POST with an antiforgery token, so another site cannot sign people out behind their back.</summary>
    private static async Task<Results<RedirectHttpResult, BadRequest>> SignOutAsync(
        HttpContext context, IAntiforgery antiforgery, SignInManager<PassportUser> signIn, ILogger<SignInManager<PassportUser>> logger)
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

        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/");
    }
}
