using System.Globalization;
using Microsoft.Extensions.Localization;
using Passport.Domain.Accounts;
using Passport.Web.Hosting;
using Passport.Web.Localization;

namespace Passport.Web.Accounts;

/// <summary>
/// <c>/api/auth</c>: job seekers sign themselves up; everyone exchanges e-mail and password for a bearer token, and
/// can sign out everywhere.
/// </summary>
public static class AuthApi
{
    public const string RateLimitPolicy = "auth";

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/auth").WithTags("Accounts").RequireRateLimiting(RateLimitPolicy);
        group.MapPost("/register", RegisterAsync)
            .WithSummary("Sign up as a job seeker")
            .WithDescription("Answers 202 whether the address was new or already had an account, so nobody can find out which addresses have one. Sign in next.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapPost("/login", LoginAsync)
            .WithSummary("Exchange e-mail and password for a bearer token")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status423Locked);
        group.MapPost("/logout", LogoutAsync)
            .RequireAuthorization()
            .WithSummary("Sign out everywhere: ends every session and token of your account")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return endpoints;
    }

    public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName, int? BirthYear, string? Language);

    public sealed record LoginRequest(string? Email, string? Password);

    /// <summary>The body of <c>202 Accepted</c> after signing up.</summary>
    public sealed record RegistrationAccepted(string Detail);

    private static async Task<Results<Accepted<RegistrationAccepted>, ValidationProblem>> RegisterAsync(
        RegisterRequest request, AccountService accounts, ValidationMessages messages, IStringLocalizer<Texts> texts)
    {
        var result = await accounts.RegisterJobSeekerAsync(
            new Registration(request.Email, request.Password, request.DisplayName, request.BirthYear, request.Language ?? LocalizationHostingExtensions.CurrentLanguage()));
        if (result.Errors is { } errors)
        {
            return messages.Problem(errors);
        }

        return TypedResults.Accepted("/api/auth/login", new RegistrationAccepted(texts["SignUp.Accepted"]));
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

        var outcome = await accounts.CheckPasswordAsync(credentials, ClientAddress.Of(context));
        return outcome.Result == PasswordCheck.Right
            ? TypedResults.Ok(tokens.Issue(outcome.User!))
            : PasswordProblem(outcome, StatusCodes.Status401Unauthorized, problems, context);
    }

    private static async Task<NoContent> LogoutAsync(HttpContext context, AccountService accounts)
    {
        await accounts.EndAllSessionsAsync(context.User.GetUserId()!.Value);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The problem for a refused password: <paramref name="wrongStatus"/> for a wrong one (401 when signing in, 403 when
    /// a signed-in person confirms theirs), 423 with <c>Retry-After</c> after too many, 423 for a closed account.
    /// </summary>
    internal static ProblemHttpResult PasswordProblem(SignInOutcome outcome, int wrongStatus, ApiProblems problems, HttpContext context)
    {
        switch (outcome.Result)
        {
            case PasswordCheck.TooManyTries:
                context.Response.Headers.RetryAfter = outcome.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return problems.Create(StatusCodes.Status423Locked, "Problem.LockedOut.Title", Plurals.Key("Problem.LockedOut.Detail", outcome.RetryAfterMinutes), outcome.RetryAfterMinutes);
            case PasswordCheck.Closed:
                return problems.Create(StatusCodes.Status423Locked, "Problem.AccountClosed.Title", "Problem.AccountClosed.Detail");
            case PasswordCheck.Conflict:
                return problems.Create(StatusCodes.Status409Conflict, "Problem.Conflict.Title", "Problem.Conflict.Detail");
            default:
                return wrongStatus == StatusCodes.Status401Unauthorized
                    ? problems.Create(wrongStatus, "Problem.WrongPassword.Title", "Problem.WrongPassword.Detail")
                    : problems.Create(wrongStatus, "Problem.PasswordNotConfirmed.Title", "Problem.PasswordNotConfirmed.Detail");
        }
    }
}
