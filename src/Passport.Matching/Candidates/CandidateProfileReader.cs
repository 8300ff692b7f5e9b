using Passport.Data.Matching;
using Passport.Domain.Measurement;
using Passport.Domain.Places;
using Passport.Domain.Sprints;

namespace Passport.Matching.Candidates;

/// <summary>
/// Turns what <see cref="CandidateRepository"/> reads into ranker profiles: skill estimates rebuilt from the scored
/// answers exactly as the passport does, the town centre of the chosen home place, hours, sectors chosen and
/// certificates (ESCO URIs) from experiences. A person without any measured skill is not a candidate.
/// </summary>
public sealed class CandidateProfileReader(CandidateRepository repository, SprintCatalog sprints, PlaceCatalog places)
{
    /// <summary>Theta 0 (the population's middle) is the middle of level 3; one standard deviation is one level.</summary>
    public const double LevelOffset = 3.0;

    public async Task<IReadOnlyList<PoolCandidate>> ReadAsync(CandidateScope scope, CancellationToken cancellationToken = default)
    {
        var facts = (await repository.ListFactsAsync(scope, cancellationToken)).ToDictionary(row => row.UserId);
        var candidates = new List<PoolCandidate>(facts.Count);
        var estimates = new PersonEstimates<Guid>(itemId => sprints.TryGetItem(itemId, out var item) ? (item.SkillId, item.Model) : null);
        await foreach (var answer in repository.StreamAnswersAsync(scope, cancellationToken))
        {
            Keep(estimates.Add(answer.UserId, answer.ItemId, answer.Category));
        }

        Keep(estimates.Finish());
        return candidates;

        void Keep((Guid Person, Dictionary<string, AbilityEstimate> Skills)? finished)
        {
            if (finished is { } person && facts.TryGetValue(person.Person, out var row))
            {
                candidates.Add(ToCandidate(row, person.Skills.ToDictionary(pair => pair.Key, pair => Measure(pair.Value), StringComparer.Ordinal)));
            }
        }
    }

    /// <summary>A passport estimate on the ranker's 1..5 scale.</summary>
    public static SkillMeasure Measure(AbilityEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return new SkillMeasure(
            estimate.Level,
            Math.Round(Math.Clamp(estimate.Estimate + LevelOffset, AbilityEstimate.LowestLevel, AbilityEstimate.HighestLevel), 3),
            Math.Round(estimate.StandardError, 3));
    }

    private PoolCandidate ToCandidate(CandidateFactsRow row, Dictionary<string, SkillMeasure> skills)
    {
        var home = places.Find(row.HomePlace) is { } place ? new GeoPoint(place.Latitude, place.Longitude) : (GeoPoint?)null;
        var profile = new CandidateProfile(
            row.UserId.ToString("N"),
            skills,
            row.Sectors.ToHashSet(StringComparer.Ordinal),
            row.EscoUris.ToHashSet(StringComparer.Ordinal),
            home,
            row.HoursPerWeek);
        var kinds = row.ExperienceKinds
            .GroupBy(kind => kind.ToLowerInvariant(), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        return new PoolCandidate(row.UserId, profile, kinds);
    }
}
