using Passport.Domain.Measurement;

namespace Passport.Domain.Passports;

/// <summary>
/// Each skill's estimate over time: one point after every completed sprint session that measured the skill,
/// holding what the passport knew at that moment. Like the passport itself it is derived from the stored
/// responses, never stored, so it cannot disagree with them. A point counts every response to the skill given
/// up to the session's completion (sessions left unfinished count too, as they do in the passport) and every
/// response of the sessions completed by then, whatever their clocks said.
/// </summary>
public sealed class SkillHistory
{
    private readonly List<(Guid Session, EvidenceRecord Evidence)> _evidence = [];
    private readonly Dictionary<Guid, DateTimeOffset> _completed = [];

    public void AddEvidence(Guid sessionId, EvidenceRecord evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        _evidence.Add((sessionId, evidence));
    }

    /// <summary>Records a session's completion; the first time counts, so a repeated report changes nothing.</summary>
    public void CompleteSession(Guid sessionId, DateTimeOffset completedAt) => _completed.TryAdd(sessionId, completedAt);

    /// <summary>Per measured skill, its points oldest first; skills with no completed session have none and are left out.</summary>
    public IReadOnlyList<SkillTimeline> Timelines()
    {
        var timelines = new List<SkillTimeline>();
        foreach (var skill in _evidence.GroupBy(entry => entry.Evidence.SkillId, StringComparer.Ordinal))
        {
            var evidence = skill.OrderBy(entry => entry.Evidence.AnsweredAt).ToList();
            var completions = evidence
                .Select(entry => entry.Session)
                .Distinct()
                .Where(_completed.ContainsKey)
                .Select(session => (Session: session, At: _completed[session]))
                .OrderBy(completion => completion.At)
                .ThenBy(completion => completion.Session)
                .ToList();
            if (completions.Count == 0)
            {
                continue;
            }

            var posterior = new AbilityPosterior();
            var counted = new bool[evidence.Count];
            var completedSoFar = new HashSet<Guid>();
            var points = new List<SkillHistoryPoint>(completions.Count);
            foreach (var (session, at) in completions)
            {
                completedSoFar.Add(session);
                for (var index = 0; index < evidence.Count; index++)
                {
                    var (from, record) = evidence[index];
                    if (!counted[index] && (record.AnsweredAt <= at || completedSoFar.Contains(from)))
                    {
                        counted[index] = true;
                        posterior.Add(new ItemResponse(record.Model, record.Category));
                    }
                }

                points.Add(new SkillHistoryPoint(session, at, posterior.Estimate()));
            }

            timelines.Add(new SkillTimeline(skill.Key, points));
        }

        return timelines;
    }
}

/// <summary>One skill's estimates over time, oldest first.</summary>
public sealed record SkillTimeline(string SkillId, IReadOnlyList<SkillHistoryPoint> Points);

/// <summary>The skill's estimate right after <paramref name="SessionId"/> was completed.</summary>
public sealed record SkillHistoryPoint(Guid SessionId, DateTimeOffset At, AbilityEstimate Estimate);
