namespace Passport.Domain.Consent;

/// <summary>
/// The kinds of personal data an owner shares one by one. The names in <see cref="DataCategories"/> are part of the
/// public API (consents, the access log, share links).
/// </summary>
public enum DataCategory
{
    /// <summary>Measured skill levels, their uncertainty and accepted endorsements.</summary>
    Skills,

    /// <summary>Which sprints were played and when, per skill (never the answers themselves).</summary>
    SprintDetails,

    /// <summary>Work, internships, volunteering and education the owner entered.</summary>
    Experiences,

    /// <summary>Name and e-mail address.</summary>
    Contact,

    /// <summary>The plan shared with a coach.</summary>
    Plan,
}

public static class DataCategories
{
    public static IReadOnlyList<DataCategory> All { get; } = Enum.GetValues<DataCategory>();

    /// <summary>The category's name in the API: camelCase, as in <c>sprintDetails</c>.</summary>
    public static string Name(this DataCategory category) => category switch
    {
        DataCategory.Skills => "skills",
        DataCategory.SprintDetails => "sprintDetails",
        DataCategory.Experiences => "experiences",
        DataCategory.Contact => "contact",
        DataCategory.Plan => "plan",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    public static bool TryParse(string? name, out DataCategory category)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name(), name, StringComparison.Ordinal))
            {
                category = candidate;
                return true;
            }
        }

        category = default;
        return false;
    }

    /// <summary>Stored form: names separated by spaces, in the enum's order.</summary>
    public static string Format(IEnumerable<DataCategory> categories) =>
        string.Join(' ', categories.Distinct().Order().Select(Name));

    public static IReadOnlyList<DataCategory> ParseStored(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var result = new List<DataCategory>();
        foreach (var name in stored.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TryParse(name, out var category))
            {
                throw new FormatException($"Unknown data category '{name}' in storage.");
            }

            result.Add(category);
        }

        return result;
    }
}
