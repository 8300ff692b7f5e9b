using Passport.Domain.Validation;

namespace Passport.Domain.Plans;

/// <summary>
/// The barriers and needs a young person can name on their plan: a fixed list with stable ids (texts in every language
/// under <c>Municipality.Barrier.{id}</c>), so the municipality can count them across everyone without reading
/// anyone's words.
/// </summary>
public static class PlanBarriers
{
    public const string Health = "health";
    public const string Housing = "housing";
    public const string Money = "money";
    public const string Debts = "debts";
    public const string Language = "language";
    public const string Motivation = "motivation";
    public const string CareForOthers = "care-for-others";
    public const string Transport = "transport";
    public const string SchoolResults = "school-results";
    public const string SafetyAtHome = "safety-at-home";

    /// <summary>Every barrier, in the order they are shown.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Health, Housing, Money, Debts, Language, Motivation, CareForOthers, Transport, SchoolResults, SafetyAtHome];

    public static bool IsKnown(string? id) => id is not null && All.Contains(id, StringComparer.Ordinal);

    /// <summary>Each barrier at most once, all known; the answer is in the list's order.</summary>
    public static ValidationErrors Check(IReadOnlyList<string>? barriers, out IReadOnlyList<string> normalised)
    {
        var errors = new ValidationErrors();
        normalised = [];
        if (barriers is null)
        {
            errors.Add("barriers", "Plan.Barriers.Required");
            return errors;
        }

        foreach (var unknown in barriers.Where(barrier => !IsKnown(barrier)).Distinct(StringComparer.Ordinal))
        {
            errors.Add("barriers", "Plan.Barriers.Unknown", unknown ?? "");
        }

        if (errors.IsValid)
        {
            normalised = [.. All.Where(barrier => barriers.Contains(barrier, StringComparer.Ordinal))];
        }

        return errors;
    }
}
