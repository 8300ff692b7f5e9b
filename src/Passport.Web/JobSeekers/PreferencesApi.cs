using Passport.Domain.JobSeekers;
using Passport.Domain.Places;
using Passport.Domain.Sectors;
using Passport.Grains.JobSeekers;
using Passport.Web.Accounts;
using Passport.Web.Localization;

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

    private static async Task<Ok<PreferencesResponse>> GetAsync(HttpContext context, IGrainFactory grains)
    {
        var preferences = await grains.GetGrain<IJobSeekerGrain>(context.User.GetUserId()!.Value).GetPreferencesAsync();
        return TypedResults.Ok(PreferencesResponse.From(preferences));
    }

    private static async Task<Results<Ok<PreferencesResponse>, ValidationProblem>> UpdateAsync(
        PreferencesRequest request, HttpContext context, IGrainFactory grains, SectorCatalog sectors, PlaceCatalog places,
        ValidationMessages messages)
    {
        var preferences = new JobSeekerPreferences(request.Sectors ?? [], request.HoursPerWeek, request.HomePlace, request.OpenToMatching ?? false);
        var errors = preferences.Validate(sectors, places);
        if (!errors.IsValid)
        {
            return messages.Problem(errors);
        }

        var stored = await grains.GetGrain<IJobSeekerGrain>(context.User.GetUserId()!.Value)
            .UpdatePreferencesAsync(PreferencesSnapshot.From(preferences));
        return TypedResults.Ok(PreferencesResponse.From(stored));
    }
}
