using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Passport.Application.Privacy;
using Passport.Application.Plans;
using Passport.Data.Insights;
using Passport.Domain.Insights.Cohort;
using Passport.Domain.Journeys;
using Passport.Domain.Measurement;
using Passport.Domain.Places;
using Passport.Domain.Skills;
using Passport.Domain.Sprints;

namespace Passport.Application.Insights;

/// <summary>
/// The municipality's knowledge base for the API, the CSV and the page alike: reads every job seeker's rows, makes them
/// into anonymous <see cref="CohortPerson"/>s and lets the domain count and protect them. Only protected counts come out.
/// </summary>
public sealed class MunicipalityInsightsService(
    CohortRepository cohort,
    InsightsRepository answers,
    PlaceCatalog places,
    SkillCatalog skills,
    SprintCatalog sprints,
    IOptions<MunicipalityInsightsOptions> options,
    IOptions<Handovers.HandoverOptions> handovers,
    TimeProvider time)
{
    public async Task<CohortInsights> ComputeAsync(CancellationToken cancellationToken = default)
    {
        var rows = await cohort.ReadAsync(cancellationToken);
        var levels = await LevelsAsync(cancellationToken);
        var events = rows.Events.ToLookup(row => row.PersonId);
        var starts = rows.PlanStarts.ToDictionary(row => row.PersonId, row => DateOnly.FromDateTime(row.StartedAt.UtcDateTime));
        var barriers = rows.Barriers.ToLookup(row => row.PersonId, row => row.Barrier);
        var districts = rows.People.ToDictionary(row => row.Id, row => places.DistrictOf(row.HomePlace));
        var people = rows.People.Select(person => new CohortPerson(
            person.BirthYear,
            districts[person.Id],
            [.. events[person.Id].Select(row => new CohortEvent(row.OccurredOn, Enum.Parse<JourneyEventKind>(row.Kind)))],
            starts.TryGetValue(person.Id, out var started) ? started : null,
            [.. barriers[person.Id]],
            levels.TryGetValue(person.Id, out var measured) ? measured : new Dictionary<string, int>()))
            .ToList();
        var cohortHandovers = rows.Handovers
            .Select(row => new CohortHandover(districts.GetValueOrDefault(row.PersonId), row.Status, row.ConsentedAt, row.MetAt))
            .ToList();
        return CohortCalculator.Compute(
            people, cohortHandovers, [.. skills.All.Select(skill => skill.Id)], DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime),
            handovers.Value.WarmWithin, options.Value.Inputs());
    }

    /// <summary>Each person's measured level per skill, estimated from their scored answers as their passport does.</summary>
    private async Task<Dictionary<Guid, IReadOnlyDictionary<string, int>>> LevelsAsync(CancellationToken cancellationToken)
    {
        var estimates = new PersonEstimates<Guid>(itemId => sprints.TryGetItem(itemId, out var item) ? (item.SkillId, item.Model) : null);
        var levels = new Dictionary<Guid, IReadOnlyDictionary<string, int>>();
        void Keep((Guid Person, Dictionary<string, AbilityEstimate> Skills)? finished)
        {
            if (finished is { } done)
            {
                levels[done.Person] = done.Skills.ToDictionary(pair => pair.Key, pair => pair.Value.Level, StringComparer.Ordinal);
            }
        }

        foreach (var answer in await answers.ListScoredAnswersAsync(cancellationToken))
        {
            Keep(estimates.Add(answer.UserId, answer.ItemId, answer.Category));
        }

        Keep(estimates.Finish());
        return levels;
    }
}

public static class MunicipalityInsightsServices
{
    /// <summary>The knowledge base, its settings (<c>MunicipalityInsights</c>, checked on start; <c>Handover:WarmWithin</c> comes from the hand-over's options) and the plan's barriers.</summary>
    public static IServiceCollection AddMunicipalityInsights(this IServiceCollection services)
    {
        services.AddOptions<MunicipalityInsightsOptions>().BindConfiguration(MunicipalityInsightsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MunicipalityInsightsOptions>, MunicipalityInsightsOptionsValidator>();
        services.AddSingleton<MunicipalityInsightsService>();
        services.AddSingleton<PlanBarriersDesk>();
        services.AddSingleton<IPersonalDataSection, PlanBarriersDataSection>();
        return services;
    }
}
