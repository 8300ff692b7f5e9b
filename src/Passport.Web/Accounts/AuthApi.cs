using Microsoft.AspNetCore.Mvc;
using Passport.Domain.Accounts;
using Passport.Web.Hosting;
using Passport.Web.Localization;

namespace Passport.Web.Accounts;

/// <summary><c>/api/auth</c>: job seekers sign themselves up; everyone exchanges e-mail and password for a bearer token.</summary>
public static class AuthApi
{
    public const string RateLimitPolicy = "auth";

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/auth").WithTags("Accounts").RequireRateLimiting(RateLimitPolicy);
        group.MapPost("/register", RegisterAsync)
            .WithSummary("Sign up as a job seeker")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/login", LoginAsync)
            .WithSummary("Exchange e-mail and password for a bearer token")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status423Locked);
        return endpoints;
    }

    public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName, int? BirthYear, string? Language);

    public sealed record LoginRequest(string? Email, string? Password);

    private static async Task<Results<Created<MeResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterRequest request, AccountService accounts, ValidationMessages messages, ApiProblems problems)
    {
        var result = await accounts.RegisterJobSeekerAsync(
            new Registration(request.Email, request.Password, request.DisplayName, request.BirthYear, request.Language ?? LocalizationHostingExtensions.CurrentLanguage()));
        if (result.IsEmailTaken)
        {
            return problems.Create(StatusCodes.Status409Conflict, "Problem.EmailTaken.Title", "Problem.EmailTaken.Detail");
        }

        if (result.Errors is { } errors)
        {
            return messages.Problem(errors);
        }

        return TypedResults.Created("/api/me", MeResponse.From(result.User!));
    }

    private static async Task<Results<Ok<AccessTokenResponse>, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest request, AccountService accounts, AccessTokenIssuer tokens, ValidationMessages messages, ApiProblems problems, HttpContext context)
    {
        var credentials = new Domain.Accounts.Credentials(request.Email, request.Password);
        var errors = credentials.Validate();
        if (!errors.IsValid)
        {
            return messages.Problem(errors);
        }

        var outcome = await accounts.CheckPasswordAsync(credentials);
        if (outcome.Result.IsLockedOut)
        {
            var seconds = accounts.SecondsUntilUnlocked(outcome.User!);
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return problems.Create(StatusCodes.Status423Locked, "Problem.LockedOut.Title", "Problem.LockedOut.Detail", (int)Math.Ceiling(seconds / 60.0));
        }

        if (!outcome.Result.Succeeded)
        {
            return problems.Create(StatusCodes.Status401Unauthorized, "Problem.WrongPassword.Title", "Problem.WrongPassword.Detail");
        }

        return TypedResults.Ok(tokens.Issue(outcome.User!));
    }
}
