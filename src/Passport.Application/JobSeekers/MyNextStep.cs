using System.Security.Claims;
using Passport.Application.Accounts;
using Passport.Application.Matching;
using Passport.Domain.Sprints;
using Passport.Grains.JobSeekers;

namespace Passport.Application.JobSeekers;

/// <summary>What a job seeker's home offers them to do next, first match wins.</summary>
public enum NextStepKind
{
    /// <summary>They have finished no sprint yet: nothing else works without one.</summary>
    FirstSprint,

    /// <summary>The profile lacks the kind of work they want or where they live, which matching needs.</summary>
    FinishProfile,

    /// <summary>A published vacancy fits them better than most typical candidates.</summary>
    JobFits,

    /// <summary>A sprint they can play now, one they have not played before if there is one.</summary>
    AnotherSprint,

    /// <summary>Every sprint is cooling down: their passport is the place to look.</summary>
    SeePassport,
}

/// <summary>The next step, with the sprint to play or the vacancy that fits, when the step has one.</summary>
public sealed record NextStep(NextStepKind Kind, string? SprintId = null, Guid? VacancyId = null, string? VacancyTitle = null, int? Fit = null);

/// <summary>
/// The one next step a job seeker's home offers, worked out from their own passport, preferences and matches: always
/// the caller's own (the grain is keyed by the signed-in user).
/// </summary>
public sealed class MyNextStep(IGrainFactory grains, SprintCatalog sprints, MyMatcher matcher, TimeProvider time)
{
    /// <summary>
    /// The fit (share of typical candidates placed below them) from which a vacancy is offered as "fits you"; below
    /// it, the home suggests more sprints rather than a job they are unlikely to get.
    /// </summary>
    public const int FitsFrom = 50;

    public async Task<NextStep> ForAsync(ClaimsPrincipal owner, CancellationToken cancellationToken)
    {
        var userId = owner?.GetUserId() ?? throw new InvalidOperationException("Only a signed-in job seeker has a next step.");
        var jobSeeker = grains.GetGrain<IJobSeekerGrain>(userId);
        var passport = await jobSeeker.GetPassportAsync();
        var playable = SprintToPlay(passport);
        if (passport.CompletedSprints == 0 && playable is not null)
        {
            return new NextStep(NextStepKind.FirstSprint, playable);
        }

        var preferences = await jobSeeker.GetPreferencesAsync();
        if (preferences.Sectors.IsDefaultOrEmpty || preferences.HomePlace is null)
        {
            return new NextStep(NextStepKind.FinishProfile);
        }

        // Not recorded as a shown list: the home names one job, it does not show a ranking.
        var matches = await matcher.VacanciesAsync(userId, 1, recordShown: false, cancellationToken);
        if (matches.Vacancies is [var best, ..] && best.Fit >= FitsFrom)
        {
            return new NextStep(NextStepKind.JobFits, VacancyId: best.VacancyId, VacancyTitle: best.Title, Fit: best.Fit);
        }

        return playable is null ? new NextStep(NextStepKind.SeePassport) : new NextStep(NextStepKind.AnotherSprint, playable);
    }

    /// <summary>A sprint left unfinished first, then one never played, then any; never one still cooling down.</summary>
    private string? SprintToPlay(PassportSnapshot passport)
    {
        if (passport.OpenSessions is [var open, ..])
        {
            return open.SprintId;
        }

        var now = time.GetUtcNow();
        var played = passport.Skills.SelectMany(skill => skill.Sprints).ToHashSet(StringComparer.Ordinal);
        var ready = sprints.All.Where(sprint => !passport.ReplayableAt.TryGetValue(sprint.Id, out var at) || at <= now).ToList();
        return (ready.FirstOrDefault(sprint => !played.Contains(sprint.Id)) ?? ready.FirstOrDefault())?.Id;
    }
}
