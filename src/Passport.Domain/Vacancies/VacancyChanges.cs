namespace Passport.Domain.Vacancies;

/// <summary>
/// Which parts of a vacancy differ between two versions of it. Once a vacancy is published, job seekers and the
/// ranker have seen it, so an edit names what it changed; the names are the API's field names.
/// </summary>
public static class VacancyChanges
{
    public const string Title = "title";
    public const string Sector = "sector";
    public const string Location = "location";
    public const string HoursPerWeek = "hoursPerWeek";
    public const string Skills = "skills";
    public const string MustHaves = "mustHaves";

    /// <summary>Every part, in the order the history lists a change of several at once.</summary>
    public static IReadOnlyList<string> All { get; } = [Title, Sector, Location, HoursPerWeek, Skills, MustHaves];

    /// <summary>The parts whose value differs, in <see cref="All"/> order; empty when nothing changed.</summary>
    public static IReadOnlyList<string> Between(Vacancy before, Vacancy after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return [.. All.Where(part => !Same(part, before, after))];
    }

    private static bool Same(string part, Vacancy before, Vacancy after) => part switch
    {
        Title => before.TitleText.Equals(after.TitleText),
        Sector => string.Equals(before.Sector, after.Sector, StringComparison.Ordinal),
        Location => before.Location == after.Location,
        HoursPerWeek => before.HoursPerWeek == after.HoursPerWeek,
        Skills => before.Skills.SequenceEqual(after.Skills),
        MustHaves => before.MustHaves.SequenceEqual(after.MustHaves),
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, "Not a part of a vacancy."),
    };
}
