using Passport.Domain.JobSeekers;
using Passport.Domain.Sectors;
using Passport.Grains.JobSeekers;
using Passport.Web.Accounts;
using Passport.Web.Localization;

namespace Passport.Web.JobSeekers;

/// <summary><c>/api/me/preferences</c>: the kind of work a job seeker looks for. Job seekers only, and only their own.</summary>
public static class PreferencesApi
{
    public static IEndpointRouteBuilder MapPreferencesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/me/preferences").WithTags("Job seekers").RequireAuthorization(Policies.JobSeeker);
        group.MapGet("/", GetAsync).WithSummary("Your work preferences");
        group.MapPut("/", UpdateAsync).WithSummary("Change your work preferences").ProducesProblem(StatusCodes.Status400BadRequest);
        return endpoints;
    }

    public sealed record PreferencesResponse(IReadOnlyList<string> Sectors, int? HoursPerWeek);

    public sealed record PreferencesRequest(IReadOnlyList<string>? Sectors, int? HoursPerWeek);

    private static async Task<Ok<PreferencesResponse>> GetAsync(HttpContext context, IGrainFactory grains)
    {
        var preferences = await grains.GetGrain<IJobSeekerGrain>(context.User.GetUserId()!.Value).GetPreferencesAsync();
        return TypedResults.Ok(new PreferencesResponse(preferences.Sectors, preferences.HoursPerWeek));
    }

    private static async Task<Results<Ok<PreferencesResponse>, ValidationProblem>> UpdateAsync(
        PreferencesRequest request, HttpContext context, IGrainFactory grains, SectorCatalog sectors, ValidationMessages messages)
    {
        var preferences = new JobSeekerPreferences(request.Sectors ?? [], request.HoursPerWeek);
        var errors = preferences.Validate(sectors);
        if (!errors.IsValid)
        {
            return messages.Problem(errors);
        }

        var stored = await grains.GetGrain<IJobSeekerGrain>(context.User.GetUserId()!.Value)
            .UpdatePreferencesAsync(PreferencesSnapshot.From(preferences));
        return TypedResults.Ok(new PreferencesResponse(stored.Sectors, stored.HoursPerWeek));
    }
}
