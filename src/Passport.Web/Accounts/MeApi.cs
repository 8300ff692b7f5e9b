using Microsoft.AspNetCore.Identity;
using Passport.Data.Accounts;
using Passport.Domain.Accounts;
using Passport.Web.Hosting;
using Passport.Web.Localization;

namespace Passport.Web.Accounts;

/// <summary><c>/api/me</c>: the caller's own account. Nothing here takes a user id, so no one can read another's.</summary>
public static class MeApi
{
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/me").WithTags("Accounts").RequireAuthorization();
        group.MapGet("/", GetAsync).WithSummary("Your account");
        group.MapPut("/", UpdateAsync).WithSummary("Change your display name or language")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/password", ChangePasswordAsync)
            .WithSummary("Change your password; ends every other session and token, and returns a new token")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status423Locked);
        return endpoints;
    }

    public sealed record UpdateMeRequest(string? DisplayName, string? Language);

    public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> GetAsync(
        HttpContext context, UserManager<PassportUser> users, ApiProblems problems)
    {
        var user = await users.GetUserAsync(context.User);
        return user is null ? AccountGone(problems) : TypedResults.Ok(MeResponse.From(user));
    }

    private static async Task<Results<Ok<MeResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        UpdateMeRequest request, HttpContext context, UserManager<PassportUser> users, AccountService accounts,
        OutcomeResults results, ApiProblems problems)
    {
        var user = await users.GetUserAsync(context.User);
        if (user is null)
        {
            return AccountGone(problems);
        }

        return results.ToHttp(
            await accounts.UpdateProfileAsync(user, new ProfileUpdate(request.DisplayName, request.Language)), updated => TypedResults.Ok(MeResponse.From(updated)));
    }

    private static async Task<Results<Ok<AccessTokenResponse>, ValidationProblem, ProblemHttpResult>> ChangePasswordAsync(
        ChangePasswordRequest request, HttpContext context, UserManager<PassportUser> users, AccountService accounts, AccessTokenIssuer tokens,
        ValidationMessages messages, ApiProblems problems)
    {
        var user = await users.GetUserAsync(context.User);
        if (user is null)
        {
            return AccountGone(problems);
        }

        var result = await accounts.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword, ClientAddress.Of(context));
        if (result.Check is { Result: not PasswordCheck.Right } refused)
        {
            return AuthApi.PasswordProblem(refused, StatusCodes.Status403Forbidden, problems, context);
        }

        if (result.Errors is { } errors)
        {
            return messages.Problem(errors);
        }

        // The caller's own token ended with the others; hand over one for the new stamp.
        return TypedResults.Ok(tokens.Issue(result.Check!.User!));
    }

    // A valid token whose account was erased since it was issued.
    internal static ProblemHttpResult AccountGone(ApiProblems problems) =>
        problems.Create(StatusCodes.Status401Unauthorized, "Problem.AccountGone.Title", "Problem.AccountGone.Detail");
}
