using Passport.Application.Sprints;
using Passport.Domain.Skills;
using Passport.Domain.Sprints;
using Passport.Grains.JobSeekers;
using Passport.Web.Accounts;
using Passport.Web.Localization;

namespace Passport.Web.Sprints;

/// <summary>
/// The skills framework and the sprints (public, in the caller's language) and the caller's own passport.
/// Playing happens on the hub (<see cref="SprintHub"/>).
/// </summary>
public static class SprintsApi
{
    public static IEndpointRouteBuilder MapSprintsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/skills", GetSkills).WithTags("Sprints").WithSummary("The skills framework");
        endpoints.MapGet("/api/sprints", GetSprints).WithTags("Sprints").WithSummary("The sprints that can be played");
        endpoints.MapGet("/api/me/passport", GetPassportAsync).WithTags("Sprints").WithSummary("Your skills passport")
            .RequireAuthorization(Policies.JobSeeker);
        return endpoints;
    }

    public sealed record SkillResponse(string Id, string Name, string Description, IReadOnlyList<string> Levels, Uri Esco);

    public sealed record SprintResponse(
        string Id, string Title, string Description, IReadOnlyList<string> Skills, int EstimatedMinutes, int ItemCount, int MaxItems, IReadOnlyList<string> Mechanics);

    public sealed record PassportResponse(
        IReadOnlyList<PassportSkillResponse> Skills,
        int Xp,
        int Level,
        double LevelProgress,
        IReadOnlyList<string> Badges,
        int StreakDays,
        int CompletedSprints,
        IReadOnlyList<OpenSessionResponse> OpenSessions,
        IReadOnlyDictionary<string, DateTimeOffset> ReplayableAt);

    public sealed record PassportSkillResponse(
        string SkillId, double Estimate, double StandardError, int Level, int EvidenceCount, DateTimeOffset UpdatedAt, IReadOnlyList<string> Sprints);

    public sealed record OpenSessionResponse(Guid SessionId, string SprintId);

    private static Ok<SkillResponse[]> GetSkills(SkillCatalog skills)
    {
        var language = LocalizationHostingExtensions.CurrentLanguage();
        return TypedResults.Ok(skills.All.Select(skill => new SkillResponse(
            skill.Id, skill.Name.In(language), skill.Description.In(language), [.. skill.Levels.Select(level => level.In(language))], skill.EscoUri)).ToArray());
    }

    private static Ok<SprintResponse[]> GetSprints(SprintCatalog sprints)
    {
        var language = LocalizationHostingExtensions.CurrentLanguage();
        return TypedResults.Ok(sprints.All.Select(sprint => new SprintResponse(
            sprint.Id, sprint.Title.In(language), sprint.Description.In(language), sprint.Skills, sprint.EstimatedMinutes,
            sprint.Items.Count, sprint.MaxItems, [.. sprint.Mechanics.Select(kind => kind.ToString().ToLowerInvariant())])).ToArray());
    }

    private static async Task<Ok<PassportResponse>> GetPassportAsync(HttpContext context, SprintPlay play)
    {
        var passport = await play.MyPassportAsync(context.User);
        return TypedResults.Ok(From(passport));
    }

    private static PassportResponse From(PassportSnapshot passport) => new(
        [.. passport.Skills.Select(skill => new PassportSkillResponse(
            skill.SkillId, Math.Round(skill.Estimate, 3), Math.Round(skill.StandardError, 3), skill.Level, skill.EvidenceCount, skill.UpdatedAt, skill.Sprints))],
        passport.TotalXp,
        passport.Level,
        Math.Round(passport.LevelProgress, 3),
        passport.Badges,
        passport.StreakDays,
        passport.CompletedSprints,
        [.. passport.OpenSessions.Select(session => new OpenSessionResponse(session.SessionId, session.SprintId))],
        passport.ReplayableAt);
}
