namespace Passport.Domain.Measurement;

/// <summary>
/// Re-estimates people's abilities from their scored answers in one pass, as the passport does, for readers of many
/// people at once (the education insights, the matching pool). Answers must arrive grouped by person; each person's
/// estimates come out when the next person's first answer arrives, and the last with <see cref="Finish"/>.
/// </summary>
public sealed class PersonEstimates<TPerson>(Func<string, (string SkillId, IResponseModel Model)?> itemOf)
    where TPerson : IEquatable<TPerson>
{
    private readonly Dictionary<string, AbilityPosterior> _posteriors = new(StringComparer.Ordinal);
    private TPerson? _current;
    private bool _any;

    /// <summary>Adds one answer; returns the previous person's estimates when this answer starts a new person.</summary>
    public (TPerson Person, Dictionary<string, AbilityEstimate> Skills)? Add(TPerson person, string itemId, int category)
    {
        var finished = _any && !person.Equals(_current) ? Finish() : null;
        _current = person;
        _any = true;
        // Answers to items no longer in content, or out of the item's range, do not count (as in the passport).
        if (itemOf(itemId) is { } item && category >= 0 && category < item.Model.Categories)
        {
            if (!_posteriors.TryGetValue(item.SkillId, out var posterior))
            {
                posterior = new AbilityPosterior();
                _posteriors[item.SkillId] = posterior;
            }

            posterior.Add(new ItemResponse(item.Model, category));
        }

        return finished;
    }

    /// <summary>The current person's estimates (none if no answer of theirs counted), and a clean start.</summary>
    public (TPerson Person, Dictionary<string, AbilityEstimate> Skills)? Finish()
    {
        if (!_any)
        {
            return null;
        }

        var person = _current!;
        var skills = _posteriors.ToDictionary(pair => pair.Key, pair => pair.Value.Estimate(), StringComparer.Ordinal);
        _posteriors.Clear();
        _any = false;
        return skills.Count > 0 ? (person, skills) : null;
    }
}
