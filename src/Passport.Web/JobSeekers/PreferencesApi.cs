using Passport.Application.JobSeekers;
using Passport.Domain.JobSeekers;
using Passport.Grains.JobSeekers;
using Passport.Web.Accounts;
using Passport.Web.Hosting;

namespace Passport.Web.JobSeekers;

/// <summary>
/// <c>/api/me/preferences</c>: the kind of work a job seeker looks for, where they live and whether employers may find
/// them without their name. Job seekers only, and only their own.
/// </summary>
public static class PreferencesApi
{
    public static IEndpointRouteBuilder MapPreferencesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/me/preferences").WithTags("Job seekers").RequireAuthorization(Policies.JobSeeker);
        group.MapGet("/", GetAsync).WithSummary("Your work preferences");
        group.MapPut("/", UpdateAsync).WithSummary("Change your work preferences").ProducesProblem(StatusCodes.Status400BadRequest);
        return endpoints;
    }

    public sealed record PreferencesResponse(IReadOnlyList<string> Sectors, int? HoursPerWeek, string? HomePlace, bool OpenToMatching)
    {
        public static PreferencesResponse From(PreferencesSnapshot preferences)
        {
            ArgumentNullException.ThrowIfNull(preferences);
            return new(preferences.Sectors, preferences.HoursPerWeek, preferences.HomePlace, preferences.OpenToMatching);
        }
    }

    /// <summary>Replaces all preferences: a member left out is cleared (no sectors, no hours, no place, not open).</summary>
    public sealed record PreferencesRequest(IReadOnlyList<string>? Sectors, int? HoursPerWeek, string? HomePlace, bool? OpenToMatching);

    private static async Task<Ok<PreferencesResponse>> GetAsync(HttpContext context, MyPreferences preferences) =>
        TypedResults.Ok(PreferencesResponse.From(await preferences.GetAsync(context.User)));

    private static async Task<Results<Ok<PreferencesResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        PreferencesRequest request, HttpContext context, MyPreferences preferences, OutcomeResults results) =>
        results.ToHttp(
            await preferences.ChangeAsync(
                context.User, new JobSeekerPreferences(request.Sectors ?? [], request.HoursPerWeek, request.HomePlace, request.OpenToMatching ?? false)),
            stored => TypedResults.Ok(PreferencesResponse.From(stored)));
}
