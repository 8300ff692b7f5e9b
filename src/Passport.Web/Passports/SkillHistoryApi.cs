using Passport.Application.Sprints;
using Passport.Web.Accounts;

namespace Passport.Web.Passports;

/// <summary><c>/api/me/passport/history</c>: how each of the caller's skills changed, one point per completed sprint that measured it.</summary>
public static class SkillHistoryApi
{
    public static IEndpointRouteBuilder MapSkillHistoryApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/me/passport/history", GetAsync).WithTags("Passport").WithSummary("Your skills over time")
            .RequireAuthorization(Policies.JobSeeker);
        return endpoints;
    }

    public sealed record SkillHistoryResponse(IReadOnlyList<SkillHistoryLineResponse> Skills);

    public sealed record SkillHistoryLineResponse(string SkillId, IReadOnlyList<SkillHistoryPointResponse> Points);

    public sealed record SkillHistoryPointResponse(DateTimeOffset At, double Estimate, double StandardError, int Level);

    private static async Task<Ok<SkillHistoryResponse>> GetAsync(HttpContext context, SprintPlay play)
    {
        var history = await play.MySkillHistoryAsync(context.User);
        return TypedResults.Ok(new SkillHistoryResponse([.. history.Skills.Select(line => new SkillHistoryLineResponse(
            line.SkillId,
            [.. line.Points.Select(point => new SkillHistoryPointResponse(
                point.At, Math.Round(point.Estimate, 3), Math.Round(point.StandardError, 3), point.Level))]))]));
    }
}
