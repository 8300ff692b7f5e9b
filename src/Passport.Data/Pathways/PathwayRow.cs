namespace Passport.Data.Pathways;

/// <summary>A row of <c>pathways</c>, with the provider's name for lists.</summary>
public sealed class PathwayRow
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public string Title { get; set; } = "";

    public string Place { get; set; } = "";

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public int Capacity { get; set; }

    public string Status { get; set; } = "";

    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The provider's language and the texts in other languages (<see cref="Localization.StoredTranslations"/>).</summary>
    public string? Translations { get; set; }

    /// <summary>Read only: the name of the provider's organisation.</summary>
    public string OrganisationName { get; set; } = "";
}
