using System.Globalization;
using Microsoft.Extensions.Localization;
using Passport.Domain.Consent;
using Passport.Domain.Sectors;
using Passport.Grains.Consent;
using Passport.Web.Localization;

namespace Passport.Web.Consent.Pages;

/// <summary>
/// Consents, audiences and times in the plain words the consent pages use, so every page says the same thing the
/// same way (the API keeps its stable names; these are only for people).
/// </summary>
public sealed class ConsentWords(IStringLocalizer<Texts> texts, SectorCatalog sectors, TimeZoneInfo timeZone, LocalDates dates)
{
    /// <summary>A category's short name, e.g. "Skills".</summary>
    public string Title(DataCategory category) => texts[$"Consent.Category.{category.Name()}"];

    /// <summary>One plain line of what a category holds, said to its owner.</summary>
    public string Hint(DataCategory category) => texts[$"Consent.Category.{category.Name()}.Hint"];

    /// <summary>The category inside a sentence, e.g. "your skills".</summary>
    public string Phrase(DataCategory category) => texts[$"Consent.Category.{category.Name()}.Phrase"];

    /// <summary>"a, b and c" in the page language.</summary>
    public string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count switch
        {
            0 => "",
            1 => all[0],
            _ => texts["Consent.List.And", string.Join(", ", all[..^1]), all[^1]],
        };
    }

    public string Phrases(IEnumerable<DataCategory> categories) => List(categories.Select(Phrase));

    public string Audience(ConsentView consent)
    {
        ArgumentNullException.ThrowIfNull(consent);
        return Audience(consent.AudienceKind, consent.AudienceOrganisationName, consent.AudienceSector);
    }

    public string Audience(AudienceKind kind, string? organisationName, string? sector) => kind switch
    {
        AudienceKind.Organisation => organisationName ?? texts["Consent.Audience.GoneOrganisation"],
        AudienceKind.Sector => texts["Consent.Audience.Sector", SectorName(sector)],
        _ => texts["Consent.Audience.Education"],
    };

    public string SectorName(string? sector) =>
        sectors.All.FirstOrDefault(candidate => candidate.Id == sector)?.NameIn(LocalizationHostingExtensions.CurrentLanguage()) ?? sector ?? "";

    public string Status(ConsentStatus status) => texts[$"Consent.Status.{status}"];

    /// <summary>A moment in the platform's time zone, in the language's one date-and-time style (<see cref="LocalDates"/>).</summary>
    public string When(DateTimeOffset at) => dates.Moment(at);

    /// <summary>The end of a consent: its moment, or "until you stop it".</summary>
    public string Until(DateTimeOffset? expiresAt) => expiresAt is { } at ? When(at) : texts["Consent.Until.Open"];

    /// <summary>
    /// A date typed in a date field (yyyy-MM-dd) as the last moment of that day in the platform's time zone; null
    /// when empty. False when it is not a date.
    /// </summary>
    public bool TryReadEndDate(string? typed, out DateTimeOffset? expiresAt)
    {
        expiresAt = null;
        if (string.IsNullOrWhiteSpace(typed))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(typed.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }

        var local = date.ToDateTime(new TimeOnly(23, 59, 59));
        expiresAt = new DateTimeOffset(local, timeZone.GetUtcOffset(local));
        return true;
    }

    /// <summary>The ISO form for <c>datetime</c> attributes.</summary>
    public static string Machine(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);
}
