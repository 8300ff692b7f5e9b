using System.Globalization;
using Microsoft.Extensions.Localization;
using Passport.Application.Localization;
using Passport.Domain.Accounts;
using Passport.Domain.Skills;
using Passport.Matching;
using Passport.Matching.Advice;
using Passport.Matching.Cards;

namespace Passport.Application.Matching;

/// <summary>Whose reasons are written: an employer reads about a candidate, a job seeker about themselves.</summary>
public enum Perspective
{
    Them,
    You,
}

/// <summary>
/// Turns the explainer's structured reasons into plain sentences in the reader's language ("strong in teamwork,
/// which this job weighs highly"; "planning is one level below what is asked: “Pathway X” closes this gap").
/// </summary>
public sealed class MatchWords(IStringLocalizer<ApplicationTexts> texts, SkillCatalog skills)
{
    public string SkillName(string skillId) =>
        skills.IsKnown(skillId) ? skills.Get(skillId).Name.In(TextLanguage.Current()) : skillId;

    public IReadOnlyList<ReasonView> Reasons(
        Perspective perspective,
        IEnumerable<MatchReason> reasons,
        CandidateProfile candidate,
        VacancyProfile vacancy,
        Func<SkillGap, IReadOnlyList<PathwayOffer>> closers,
        Func<string, bool>? levelShown = null)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(vacancy);
        ArgumentNullException.ThrowIfNull(closers);
        var gaps = PathwayAdvice.Gaps(candidate, vacancy).ToDictionary(gap => gap.SkillId, StringComparer.Ordinal);
        return [.. reasons.Where(reason => !Contradicts(reason, candidate, gaps) && !Unanswered(reason, candidate)).Take(ReasonsShown).Select(reason => new ReasonView(
            reason.Direction == ReasonDirection.Raised ? "raised" : "lowered",
            Sentence(perspective, reason, candidate, vacancy, gaps, closers, levelShown),
            reason.Feature,
            reason.SkillId))];
    }

    /// <summary>Reasons asked of the explainer; a few more than shown, since some may not be said (see <see cref="Contradicts"/>).</summary>
    public const int ReasonsAsked = 7;

    /// <summary>Reasons shown per candidate or vacancy.</summary>
    public const int ReasonsShown = 4;

    /// <summary>The advice-only notice every list carries (EU AI Act Art. 14; no solely automated decision, GDPR Art. 22).</summary>
    public string Advice() => texts["Match.Advice"];

    /// <summary>A text in a given language rather than the reader's, e.g. for the access log of the person read.</summary>
    public string InLanguage(string language, string key, params object[] arguments) =>
        TextLanguage.InLanguage(language, () => (string)texts[key, arguments]);

    public string ClosedBy(string pathwayTitle) => texts["Match.Reason.ClosedBy", pathwayTitle];

    /// <summary>Distance bands <paramref name="from"/> to <paramref name="to"/> (<see cref="CardBands"/>) in words: "within 10 km", "10 to 50 km away", ….</summary>
    public string Distance(int from, int to)
    {
        var (start, end) = CardBands.DistanceRange(from, to);
        return start == 0 ? texts["Match.Distance.Within", end!] : end is null ? texts["Match.Distance.Over", start] : texts["Match.Distance.Between", start, end];
    }

    /// <summary>A certainty (<see cref="CardBands.Certainty"/>) in words: "sure", "fairly sure", "not yet sure".</summary>
    public string Certainty(string certainty) => texts[$"Match.Certainty.{certainty}"];

    /// <summary>Hours wanted against the job's (<see cref="CardBands.HoursBand"/>) in words.</summary>
    public string HoursBand(string band) => texts[$"Match.Hours.{band}"];

    private string Sentence(
        Perspective perspective, MatchReason reason, CandidateProfile candidate, VacancyProfile vacancy,
        Dictionary<string, SkillGap> gaps, Func<SkillGap, IReadOnlyList<PathwayOffer>> closers, Func<string, bool>? levelShown)
    {
        var raised = reason.Direction == ReasonDirection.Raised;
        switch (reason.Feature)
        {
            case MatchExplainer.SkillFeature when reason.SkillId is { } skillId:
                var name = SkillName(skillId);
                if (raised)
                {
                    var importance = vacancy.Skills.FirstOrDefault(r => r.SkillId == skillId)?.Importance ?? 0;
                    return Text(perspective, importance >= 2 ? "SkillStrongWeighed" : "SkillGood", name);
                }

                if (!candidate.Skills.ContainsKey(skillId))
                {
                    return Text(perspective, "SkillUnmeasured", name);
                }

                if (gaps.TryGetValue(skillId, out var gap))
                {
                    // A card that holds levels back says only that the skill is below the minimum, not by how much.
                    var below = levelShown?.Invoke(skillId) == false ? Text(perspective, "SkillBelow", name)
                        : gap.Levels == 1 ? Text(perspective, "SkillBelowOne", name)
                        : Text(perspective, "SkillBelowMany", name, gap.Levels);
                    return closers(gap) is [var first, ..] ? $"{below} {ClosedBy(first.Title)}" : below;
                }

                return Text(perspective, "SkillWeaker", name);
            case FeatureSchema.DistanceKm:
                // A job seeker reads their own distance; an employer's card shows only bands, so the reason names none.
                return perspective == Perspective.You
                    ? Text(perspective, raised ? "Close" : "Far", RoundedKm(FeatureSchema.DistanceKmOf(candidate, vacancy)))
                    : Text(perspective, raised ? "Close" : "Far");
            case FeatureSchema.HoursMismatch:
                // Unanswered preferences were left out before (see Unanswered).
                var hours = candidate.HoursWanted!.Value;
                if (raised)
                {
                    return Text(perspective, "HoursFit", Hours(vacancy.HoursPerWeek));
                }

                return perspective == Perspective.You
                    ? Text(perspective, "HoursMismatch", Hours(hours), Hours(vacancy.HoursPerWeek))
                    : Text(perspective, hours < vacancy.HoursPerWeek ? "HoursFewer" : "HoursMore", Hours(vacancy.HoursPerWeek));
            case FeatureSchema.MustHaveCoverage:
                return Text(perspective, raised ? "MustHavesMet" : "MustHavesMissing");
            case FeatureSchema.SectorExperience:
                return Text(perspective, raised ? "SectorChosen" : "SectorNotChosen");
            default:
                throw new ArgumentException($"No words for the reason '{reason.Feature}'.", nameof(reason));
        }
    }

    /// <summary>
    /// A learned model can score a skill's swap oddly (an unmeasured skill, or one below the minimum, "raising" the
    /// score against the average); saying "strong in planning" then would be false, so such a reason is not said.
    /// </summary>
    private static bool Contradicts(MatchReason reason, CandidateProfile candidate, Dictionary<string, SkillGap> gaps) =>
        reason is { Feature: MatchExplainer.SkillFeature, Direction: ReasonDirection.Raised, SkillId: { } skillId }
        && (!candidate.Skills.ContainsKey(skillId) || gaps.ContainsKey(skillId));

    /// <summary>
    /// A preference the person left unanswered (where they live, the hours they want, the sectors they chose) counts
    /// neither for nor against them: the model's guess for "unknown" is not something they did, so it is not said.
    /// </summary>
    public static bool Unanswered(MatchReason reason, CandidateProfile candidate)
    {
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(candidate);
        return reason.Feature switch
        {
            FeatureSchema.DistanceKm => candidate.Location is null,
            FeatureSchema.HoursMismatch => candidate.HoursWanted is null,
            FeatureSchema.SectorExperience => candidate.ExperienceCategories.Count == 0,
            _ => false,
        };
    }

    /// <summary>Distances in whole kilometres below 10, else to 5 km: a town centre is all we know, so no false precision.</summary>
    public static int RoundedKm(double km) => km < 10 ? (int)Math.Round(km) : (int)(Math.Round(km / 5) * 5);

    private static string Hours(double hours) => hours.ToString("0.#", CultureInfo.CurrentCulture);

    private string Text(Perspective perspective, string key, params object[] arguments) =>
        texts[$"Match.Reason.{perspective}.{key}", arguments];
}
