using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Passport.Domain.Experiences;
using Passport.Domain.Gamification;
using Passport.Domain.Measurement;
using Passport.Domain.Sprints;

namespace Passport.Domain.Simulation;

/// <summary>
/// Makes simulated job seekers whose passports look like real ones: seeded and reproducible, one person at a time
/// (person <c>i</c> of a seed is the same however many are made, or in which order). Each person has a true ability
/// per skill on the theta scale, a general factor plus a skill's own part, so that skills correlate as in people and
/// the population is standard normal like the estimator's prior. For 85 % of the skills they answered two to four items
/// of one sprint that measures it, each scored in a category drawn from the item's response model at the true ability,
/// so the passport's estimates have the standard errors that short sprints really give. No names of real people: a
/// display name like "Demo candidate 0042" and an address under <c>demo.invalid</c>, which can never receive mail.
/// </summary>
public sealed class SimulatedPassports
{
    /// <summary>Share of the skills a person has played a sprint for.</summary>
    public const double MeasuredShare = 0.85;

    /// <summary>Share of the people who list a certificate.</summary>
    public const double CertificateShare = 0.3;

    public const int FewestItemsPerSkill = 2;

    public const int MostItemsPerSkill = 4;

    /// <summary>Weight of the general factor and of the skill's own part; their squares add up to one.</summary>
    private const double GeneralLoading = 0.6;
    private const double SkillLoading = 0.8;

    private static readonly int[] HoursChoices = [16, 24, 32, 36, 40];

    private readonly string[] _skillIds;
    private readonly string[] _sectors;
    private readonly string[] _places;
    private readonly double[] _cumulativePlaceWeights;
    private readonly SimulatedCertificate[] _certificates;

    // Per skill (in _skillIds order) the sprints that measure it, each with its items of that skill in authoring order.
    private readonly (string SprintId, SprintItem[] Items)[][] _itemsBySkill;

    // Per item, an answer it scores into each category (null where no answer gives that category).
    private readonly Dictionary<string, Answer?[]> _answers;

    public SimulatedPassports(int seed, SprintCatalog sprints, IEnumerable<string> skillIds, CandidateSimulationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(sprints);
        ArgumentNullException.ThrowIfNull(skillIds);
        ArgumentNullException.ThrowIfNull(settings);
        Seed = seed;
        _skillIds = [.. skillIds.Distinct(StringComparer.Ordinal)];
        _sectors = [.. (settings.Sectors ?? []).Distinct(StringComparer.Ordinal)];
        var places = (settings.Places ?? new Dictionary<string, double>()).OrderBy(place => place.Key, StringComparer.Ordinal).ToArray();
        if (_skillIds.Length == 0 || _sectors.Length == 0 || places.Length == 0)
        {
            throw new ArgumentException("Simulated people need at least one skill, sector and place.", nameof(settings));
        }

        if (places.Any(place => !double.IsFinite(place.Value) || place.Value <= 0))
        {
            throw new ArgumentException("Every place needs a weight above zero.", nameof(settings));
        }

        _places = [.. places.Select(place => place.Key)];
        _cumulativePlaceWeights = new double[places.Length];
        var total = 0.0;
        for (var index = 0; index < places.Length; index++)
        {
            total += places[index].Value;
            _cumulativePlaceWeights[index] = total;
        }

        _certificates = [.. settings.Certificates ?? []];
        _itemsBySkill = [.. _skillIds.Select(skill => sprints.All
            .Select(sprint => (sprint.Id, Items: sprint.Items.Where(item => item.SkillId == skill).ToArray()))
            .Where(group => group.Items.Length > 0)
            .ToArray())];
        _answers = sprints.All.SelectMany(sprint => sprint.Items).ToDictionary(item => item.Id, AnswersByCategory, StringComparer.Ordinal);
    }

    public int Seed { get; }

    public IReadOnlyList<string> SkillIds => _skillIds;

    /// <summary>People 0 to <paramref name="count"/> − 1 of this seed, made as they are enumerated.</summary>
    public IEnumerable<SimulatedPerson> People(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        for (var index = 0; index < count; index++)
        {
            yield return Person(index);
        }
    }

    /// <summary>Person <paramref name="index"/> of this seed; the same every time.</summary>
    public SimulatedPerson Person(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var random = new Random(PersonSeed(Seed, index));
        var id = IdOf(Seed, index, "person");
        var number = (index + 1).ToString("D4", CultureInfo.InvariantCulture);

        var general = ResponseSampling.StandardNormal(random);
        var truth = new Dictionary<string, double>(_skillIds.Length, StringComparer.Ordinal);
        foreach (var skill in _skillIds)
        {
            truth[skill] = (GeneralLoading * general) + (SkillLoading * ResponseSampling.StandardNormal(random));
        }

        var sessions = PlaySprints(random, index, truth);
        var hours = HoursChoices[random.Next(HoursChoices.Length)];
        var sectors = _sectors.ToArray();
        random.Shuffle(sectors);
        var interests = sectors.Take(Math.Min(sectors.Length, 1 + random.Next(3))).ToArray();
        var place = PickPlace(random.NextDouble());
        var experience = _certificates.Length > 0 && random.NextDouble() < CertificateShare
            ? Certificate(random, index)
            : null;

        return new SimulatedPerson(
            index,
            id,
            $"Demo candidate {number}",
            string.Create(CultureInfo.InvariantCulture, $"candidate-{Seed}-{number}@demo.invalid"),
            truth,
            hours,
            interests,
            place,
            sessions,
            experience,
            // Its own stream, so adding the journey changed nothing of the passports a seed made before.
            SimulatedJourney.Draw(new Random(PersonSeed(Seed, index) ^ 0x4A6F7572)));
    }

    /// <summary>
    /// A fixed id for a part of a simulated person (a UUID of version 8), so the same seed and index give the same
    /// account, session and experience ids on every run and every host. The first four bytes come from the seed and the
    /// next 32 bits are the index, so one seed's ids ascend with the index: a bulk write appends to the end of every
    /// index on them instead of touching pages all over a large one. The rest comes from a hash of the part.
    /// </summary>
    public static Guid IdOf(int seed, int index, string part)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        Span<byte> seedHash = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> partHash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"passport-simulated:{seed}")), seedHash);
        SHA256.HashData(Encoding.UTF8.GetBytes($"passport-simulated-part:{part}"), partHash);
        Span<byte> bytes = stackalloc byte[16];
        seedHash[..4].CopyTo(bytes);
        var value = (uint)index;
        bytes[4] = (byte)(value >> 24);
        bytes[5] = (byte)(value >> 16);
        bytes[6] = (byte)(0x80 | ((value >> 12) & 0x0F)); // version 8
        bytes[7] = (byte)(value >> 4);
        bytes[8] = (byte)(0x80 | ((value & 0x0F) << 2) | (partHash[0] & 0x03u)); // variant 10
        partHash[1..8].CopyTo(bytes[9..]);
        return new Guid(bytes, bigEndian: true);
    }

    private List<SimulatedSession> PlaySprints(Random random, int index, Dictionary<string, double> truth)
    {
        // Which sprint measured which skill, in the order the skills came up; a sprint played for two skills is one session.
        var bySprint = new Dictionary<string, List<SimulatedResponse>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var skill = 0; skill < _skillIds.Length; skill++)
        {
            var groups = _itemsBySkill[skill];
            if (groups.Length == 0 || random.NextDouble() >= MeasuredShare)
            {
                continue;
            }

            var (sprintId, items) = groups[random.Next(groups.Length)];
            if (!bySprint.TryGetValue(sprintId, out var responses))
            {
                responses = [];
                bySprint[sprintId] = responses;
                order.Add(sprintId);
            }

            var chosen = items.ToArray();
            random.Shuffle(chosen);
            var count = Math.Min(chosen.Length, FewestItemsPerSkill + random.Next(MostItemsPerSkill - FewestItemsPerSkill + 1));
            foreach (var item in chosen.Take(count))
            {
                var category = ResponseSampling.Respond(item.Model, truth[item.SkillId], random.NextDouble());
                var after = TimeSpan.FromSeconds((responses.Count + 1) * (15 + random.Next(30)));
                responses.Add(new SimulatedResponse(
                    item.Id, item.SkillId, category, _answers[item.Id][category], Xp.ForAnswer(category, item.Model.Categories), after));
            }
        }

        // Sessions a few days apart within the last half year, the earliest first.
        var sessions = new List<SimulatedSession>(order.Count);
        var ago = TimeSpan.FromDays(1 + random.Next(180)) + TimeSpan.FromMinutes(random.Next(24 * 60));
        foreach (var sprintId in order)
        {
            var responses = bySprint[sprintId];
            responses.Sort((left, right) => left.AfterStart.CompareTo(right.AfterStart));
            sessions.Add(new SimulatedSession(IdOf(Seed, index, $"session:{sprintId}"), sprintId, ago, responses));
            ago -= TimeSpan.FromHours(1 + random.Next(72));
            if (ago < TimeSpan.FromHours(1))
            {
                ago = TimeSpan.FromHours(1);
            }
        }

        return sessions;
    }

    private SimulatedExperience Certificate(Random random, int index)
    {
        var certificate = _certificates[random.Next(_certificates.Length)];
        var ended = TimeSpan.FromDays(30 + random.Next(3 * 365));
        var started = ended + TimeSpan.FromDays(7 + random.Next(60));
        return new SimulatedExperience(
            IdOf(Seed, index, "experience"),
            ExperienceKind.Education,
            certificate.Label,
            started,
            ended,
            certificate.EscoUri is { } uri ? [uri] : []);
    }

    private string PickPlace(double uniform)
    {
        var target = uniform * _cumulativePlaceWeights[^1];
        for (var index = 0; index < _places.Length; index++)
        {
            if (target < _cumulativePlaceWeights[index])
            {
                return _places[index];
            }
        }

        return _places[^1];
    }

    /// <summary>For each category an answer the item scores into it, found by scoring every answer the item allows.</summary>
    private static Answer?[] AnswersByCategory(SprintItem item)
    {
        var answers = new Answer?[item.Model.Categories];
        foreach (var answer in PossibleAnswers(item))
        {
            var score = item.Score(answer);
            if (score.IsAccepted && score.Category < answers.Length)
            {
                answers[score.Category] ??= answer;
            }
        }

        return answers;
    }

    private static IEnumerable<Answer> PossibleAnswers(SprintItem item) => item.Kind switch
    {
        ItemKind.Choice or ItemKind.Timed => item.Options.Select(option => Answer.ForChoice(option.Id)),
        ItemKind.Scale when item.Scale is { } scale =>
            Enumerable.Range(scale.Min, scale.Max - scale.Min + 1).Select(value => Answer.ForValue(value)),
        ItemKind.Rank => Permutations(item.Key.ToArray(), 0).Select(order => Answer.ForOrder(order)),
        _ => [],
    };

    private static IEnumerable<string[]> Permutations(string[] ids, int from)
    {
        if (from >= ids.Length - 1)
        {
            yield return ids.ToArray();
            yield break;
        }

        for (var index = from; index < ids.Length; index++)
        {
            (ids[from], ids[index]) = (ids[index], ids[from]);
            foreach (var permutation in Permutations(ids, from + 1))
            {
                yield return permutation;
            }

            (ids[from], ids[index]) = (ids[index], ids[from]);
        }
    }

    /// <summary>SplitMix64 of seed and index, so neighbouring people get unrelated random streams.</summary>
    private static int PersonSeed(int seed, int index)
    {
        var mixed = ((ulong)(uint)seed << 32) | (uint)index;
        mixed += 0x9E3779B97F4A7C15UL;
        mixed = (mixed ^ (mixed >> 30)) * 0xBF58476D1CE4E5B9UL;
        mixed = (mixed ^ (mixed >> 27)) * 0x94D049BB133111EBUL;
        mixed ^= mixed >> 31;
        return (int)(mixed & 0x7FFFFFFF);
    }
}
