using System.Globalization;
using Passport.Matching.Candidates;

namespace Passport.Matching.Cards;

/// <summary>
/// One skill the vacancy asks as a card shows it. <c>Measured</c>: whether the passport measured it (null when the
/// card cannot tell); <c>ReachesMinimum</c>: whether it reaches the vacancy's minimum (null when the card cannot
/// tell; an unmeasured skill does not); the level from <c>LevelFrom</c> to <c>LevelTo</c> (equal for an exact level,
/// null when not measured or held back); the certainty (null when held back).
/// </summary>
public sealed record CardSkill(string SkillId, bool? Measured, bool? ReachesMinimum, int? LevelFrom, int? LevelTo, string? Certainty);

/// <summary>
/// Everything an employer's card may say about one candidate for one vacancy, in coarse values only
/// (<see cref="CardBands"/>): never an estimate, standard error, score or distance in km, and only the skills the
/// vacancy asks. Distance is a range of bands (<c>DistanceFrom</c> to <c>DistanceTo</c>, indexes into
/// <see cref="CardBands.DistanceBands"/>; null when unknown or held back); <c>HeldBack</c> names what the card
/// leaves out or widens so that it reads like others (<see cref="LookAlikes"/>); a withheld card says nothing about
/// the person. The card's reasons and gaps are worked out from these facts alone (<see cref="ToProfile"/>), not from
/// the exact passport, so two cards with the same facts read exactly alike.
/// </summary>
public sealed record CardFacts(
    IReadOnlyList<CardSkill> Skills,
    int? DistanceFrom,
    int? DistanceTo,
    string? HoursBand,
    bool? SectorChosen,
    IReadOnlyList<string>? ExperienceKinds,
    IReadOnlySet<string> HeldBack,
    bool Withheld = false)
{
    /// <summary>What <see cref="HeldBack"/> may name.</summary>
    public const string Hours = "hours", Sector = "sector", Experience = "experience", Certainty = "certainty",
        ExactLevels = "exactLevels", Measured = "measured", Distance = "distance", Everything = "everything";

    /// <summary>A card that says nothing about the person.</summary>
    public static CardFacts Nothing { get; } = new([], null, null, null, null, null, new HashSet<string>(StringComparer.Ordinal) { Everything }, true);

    /// <summary>The full facts of a candidate for a vacancy.</summary>
    public static CardFacts Of(PoolCandidate candidate, VacancyProfile vacancy)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(vacancy);
        var person = candidate.Profile;
        int? band = person.Location is null ? null : CardBands.DistanceBand(FeatureSchema.DistanceKmOf(person, vacancy));
        return new CardFacts(
            [.. vacancy.Skills.Select(requirement => person.Skills.TryGetValue(requirement.SkillId, out var measure)
                ? new CardSkill(
                    requirement.SkillId, true, measure.Level >= requirement.MinimumLevel, measure.Level, measure.Level,
                    CardBands.Certainty(measure.StandardError))
                : new CardSkill(requirement.SkillId, false, false, null, null, null))],
            band,
            band,
            person.HoursWanted is { } hours ? CardBands.HoursBand(hours, vacancy.HoursPerWeek) : null,
            person.ExperienceCategories.Contains(vacancy.Sector),
            [.. candidate.ExperienceKinds.Keys.Order(StringComparer.Ordinal)],
            new HashSet<string>(StringComparer.Ordinal));
    }

    /// <summary>
    /// What every one of <paramref name="cards"/> (facts of the same vacancy) can truly be said to be: a value they
    /// share, a range that holds them all, or held back. The result reads the same for each of them.
    /// </summary>
    public static CardFacts Common(IReadOnlyCollection<CardFacts> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        if (cards.Count == 0 || cards.Any(card => card.Withheld))
        {
            return Nothing;
        }

        var first = cards.First();
        var heldBack = new HashSet<string>(cards.SelectMany(card => card.HeldBack), StringComparer.Ordinal);
        T? Shared<T>(Func<CardFacts, T?> of, string name)
        {
            var values = cards.Select(of).Distinct().ToList();
            if (values.Count == 1)
            {
                return values[0];
            }

            heldBack.Add(name);
            return default;
        }

        var skills = first.Skills.Select((skill, s) => CommonSkill([.. cards.Select(card => card.Skills[s])], heldBack)).ToList();
        int? distanceFrom = null, distanceTo = null;
        if (cards.All(card => card.DistanceFrom is not null))
        {
            distanceFrom = cards.Min(card => card.DistanceFrom);
            distanceTo = cards.Max(card => card.DistanceTo);
            // All four bands together say nothing.
            if (distanceFrom == 0 && distanceTo == CardBands.DistanceBands.Count - 1 && distanceFrom != distanceTo)
            {
                (distanceFrom, distanceTo) = (null, null);
                heldBack.Add(Distance);
            }
        }
        else if (cards.Any(card => card.DistanceFrom is not null))
        {
            heldBack.Add(Distance);
        }

        var kinds = cards.Select(card => card.ExperienceKinds is null ? null : string.Join(",", card.ExperienceKinds)).Distinct().Count() == 1
            ? first.ExperienceKinds
            : null;
        if (kinds is null && cards.Any(card => card.ExperienceKinds is not null))
        {
            heldBack.Add(Experience);
        }

        return new CardFacts(
            skills, distanceFrom, distanceTo, Shared(card => card.HoursBand, Hours), Shared(card => card.SectorChosen, Sector), kinds, heldBack);
    }

    /// <summary>How much is lost when these facts stand for a card (for choosing look-alikes that lose least).</summary>
    public double Loss =>
        Withheld ? 1000
        : Skills.Sum(skill => (skill.Measured is null ? 3 : 0) + (skill.ReachesMinimum is null ? 1 : 0)
            + ((skill.LevelTo - skill.LevelFrom) ?? 0) + (skill.Measured == true && skill.Certainty is null ? 0.5 : 0))
        + (DistanceTo - DistanceFrom ?? (HeldBack.Contains(Distance) ? 3 : 0))
        + (HeldBack.Contains(Hours) ? 0.5 : 0) + (HeldBack.Contains(Sector) ? 0.5 : 0) + (HeldBack.Contains(Experience) ? 0.5 : 0);

    /// <summary>Everything that can tell this card from another of the same list; equal keys read exactly alike.</summary>
    public string Key => string.Join(
        "|",
        Withheld ? "withheld" : "-",
        string.Join(",", Skills.Select(skill => string.Join(
            ":", skill.SkillId, Text(skill.Measured), Text(skill.ReachesMinimum), Number(skill.LevelFrom), Number(skill.LevelTo), skill.Certainty ?? "-"))),
        Number(DistanceFrom),
        Number(DistanceTo),
        HoursBand ?? "-",
        Text(SectorChosen),
        ExperienceKinds is null ? "-" : string.Join(",", ExperienceKinds),
        string.Join(",", HeldBack.Order(StringComparer.Ordinal)));

    /// <summary>
    /// Whether a reason may be said: only about what the card shows, and about skills only those the vacancy asks
    /// whose measurement the card tells.
    /// </summary>
    public bool MaySay(MatchReason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return !Withheld && reason.Feature switch
        {
            MatchExplainer.SkillFeature => Skills.Any(skill => skill.SkillId == reason.SkillId && skill.Measured is not null),
            FeatureSchema.DistanceKm => DistanceFrom is not null || !HeldBack.Contains(Distance),
            FeatureSchema.HoursMismatch => HoursBand is not null || !HeldBack.Contains(Hours),
            FeatureSchema.SectorExperience => SectorChosen is not null,
            _ => true,
        };
    }

    /// <summary>
    /// A profile made of these facts only, for the card's reasons and gaps: a level range at its middle, a standard
    /// error typical of its certainty (medium when held back), a home in the middle of the distance bands, typical
    /// hours for the hours band; what the card holds back counts as unknown. It holds every must-have, as everyone
    /// listed does.
    /// </summary>
    public CandidateProfile ToProfile(string candidateRef, VacancyProfile vacancy)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        var minimums = vacancy.Skills.ToDictionary(requirement => requirement.SkillId, requirement => requirement.MinimumLevel, StringComparer.Ordinal);
        var skills = new Dictionary<string, SkillMeasure>(StringComparer.Ordinal);
        foreach (var skill in Skills)
        {
            if (skill is not { Measured: true, LevelFrom: { } from, LevelTo: { } to })
            {
                continue;
            }

            var estimate = (from + to) / 2.0;
            var minimum = minimums.GetValueOrDefault(skill.SkillId, 1);
            // The level agrees with what the card says about the minimum, so gaps worked out from it agree with the card.
            var level = skill.ReachesMinimum switch
            {
                true => Math.Max(minimum, from),
                false => Math.Min(minimum - 1, to),
                null => (int)Math.Round(estimate, MidpointRounding.AwayFromZero),
            };
            skills[skill.SkillId] = new SkillMeasure(
                Math.Max(1, level), estimate, CardBands.TypicalStandardError(skill.Certainty ?? CardBands.Certainties[1]));
        }

        return new CandidateProfile(
            candidateRef,
            skills,
            SectorChosen == true ? new HashSet<string>(StringComparer.Ordinal) { vacancy.Sector } : new HashSet<string>(StringComparer.Ordinal),
            new HashSet<string>(vacancy.MustHaves, StringComparer.Ordinal),
            DistanceFrom is { } near && DistanceTo is { } far ? North(vacancy.Location, CardBands.TypicalKm(near, far)) : null,
            HoursBand is { } hours ? CardBands.TypicalHours(hours, vacancy.HoursPerWeek) : null);
    }

    private static CardSkill CommonSkill(IReadOnlyList<CardSkill> skills, HashSet<string> heldBack)
    {
        var first = skills[0];
        bool? measured = skills.All(skill => skill.Measured == first.Measured) ? first.Measured : null;
        bool? reaches = skills.All(skill => skill.ReachesMinimum == first.ReachesMinimum) ? first.ReachesMinimum : null;
        string? certainty = skills.All(skill => skill.Certainty == first.Certainty) ? first.Certainty : null;
        if (measured is null)
        {
            heldBack.Add(Measured);
        }

        if (measured != true)
        {
            return new CardSkill(first.SkillId, measured, reaches, null, null, null);
        }

        if (certainty is null && skills.Any(skill => skill.Certainty is not null))
        {
            heldBack.Add(Certainty);
        }

        int? from = skills.Min(skill => skill.LevelFrom), to = skills.Max(skill => skill.LevelTo);
        if (from != to)
        {
            heldBack.Add(ExactLevels);
        }

        return new CardSkill(first.SkillId, true, reaches, from, to, certainty);
    }

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string Text(bool? value) => value switch { true => "yes", false => "no", null => "-" };

    // A point that far due north: only its distance to the vacancy counts.
    private static GeoPoint North(GeoPoint from, double km) =>
        new(Math.Min(90, from.Latitude + (km / (Geo.EarthRadiusKm * Math.PI / 180))), from.Longitude);
}
