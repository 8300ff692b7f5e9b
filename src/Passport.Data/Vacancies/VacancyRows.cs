namespace Passport.Data.Vacancies;

/// <summary>A row of <c>vacancies</c>.</summary>
public sealed class VacancyRow
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid? CreatedByUserId { get; set; }

    public string Title { get; set; } = "";

    public string Sector { get; set; } = "";

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public string Place { get; set; } = "";

    public int HoursPerWeek { get; set; }

    public string Status { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The employer's language and the texts in other languages (<see cref="Localization.StoredTranslations"/>).</summary>
    public string? Translations { get; set; }
}

/// <summary>A row of <c>vacancy_skills</c>.</summary>
public sealed class VacancySkillRow
{
    public Guid VacancyId { get; set; }

    public int Position { get; set; }

    public string SkillId { get; set; } = "";

    public int Importance { get; set; }

    public int MinimumLevel { get; set; }
}

/// <summary>A row of <c>vacancy_must_haves</c>.</summary>
public sealed class VacancyMustHaveRow
{
    public Guid VacancyId { get; set; }

    public int Position { get; set; }

    public string Label { get; set; } = "";

    public string? EscoUri { get; set; }
}

/// <summary>
/// A row of <c>vacancy_changes</c>: the parts an edit of a published vacancy changed, space-separated in
/// <see cref="Fields"/>; <see cref="ChangedByName"/> is the editor's display name now, when listed for the history.
/// </summary>
public sealed class VacancyChangeRow
{
    public Guid Id { get; init; }

    public Guid VacancyId { get; init; }

    public DateTimeOffset ChangedAt { get; init; }

    public Guid? ChangedByUserId { get; init; }

    public string? ChangedByName { get; init; }

    public string Fields { get; init; } = "";

    /// <summary>The parts as a list, in the order they were recorded.</summary>
    public IReadOnlyList<string> FieldList => Fields.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
