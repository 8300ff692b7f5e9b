using Passport.Domain.Validation;

namespace Passport.Domain.Experiences;

/// <summary>An experience as typed in a form or sent to the API, before its rules are checked.</summary>
public sealed record ExperienceDraft(
    string? Kind,
    string? Title,
    string? Organisation,
    string? Place,
    DateOnly? StartedOn,
    DateOnly? EndedOn,
    string? Description,
    IReadOnlyList<string>? EscoUris)
{
    public const int MaxTitleLength = 120;
    public const int MaxOrganisationLength = 120;
    public const int MaxPlaceLength = 120;
    public const int MaxDescriptionLength = 1000;
    public const int MaxEscoUris = 10;

    /// <summary>Only ESCO's own concept URIs, so a passport links to the European classification and nowhere else.</summary>
    public const string EscoPrefix = "http://data.europa.eu/esco/";

    /// <summary>Checks the rules; <paramref name="today"/> is the person's calendar day, as nothing can start in the future.</summary>
    public ValidationErrors Validate(DateOnly today)
    {
        var errors = new ValidationErrors();
        if (!TryParseKind(Kind, out _))
        {
            errors.Add("kind", "Experience.Kind.Unknown");
        }

        var title = Clean(Title);
        if (title is null)
        {
            errors.Add("title", "Experience.Title.Required");
        }
        else if (title.Length > MaxTitleLength)
        {
            errors.Add("title", "Experience.Title.TooLong", MaxTitleLength);
        }

        if (Clean(Organisation) is { Length: > MaxOrganisationLength })
        {
            errors.Add("organisation", "Experience.Organisation.TooLong", MaxOrganisationLength);
        }

        if (Clean(Place) is { Length: > MaxPlaceLength })
        {
            errors.Add("place", "Experience.Place.TooLong", MaxPlaceLength);
        }

        if (StartedOn is not { } started)
        {
            errors.Add("startedOn", "Experience.StartedOn.Required");
        }
        else
        {
            if (started > today)
            {
                errors.Add("startedOn", "Experience.StartedOn.Future");
            }

            if (EndedOn is { } ended && ended < started)
            {
                errors.Add("endedOn", "Experience.EndedOn.BeforeStart");
            }
        }

        if (Clean(Description) is { Length: > MaxDescriptionLength })
        {
            errors.Add("description", "Experience.Description.TooLong", MaxDescriptionLength);
        }

        var uris = CleanUris(EscoUris);
        if (uris.Count > MaxEscoUris)
        {
            errors.Add("escoUris", "Experience.EscoUris.TooMany", MaxEscoUris);
        }

        foreach (var uri in uris.Where(uri => !IsEscoUri(uri)))
        {
            errors.Add("escoUris", "Experience.EscoUris.NotEsco", uri);
        }

        return errors;
    }

    /// <summary>The experience with texts trimmed and empty optional texts as null; call only after <see cref="Validate"/> passed.</summary>
    public Experience ToExperience()
    {
        if (!TryParseKind(Kind, out var kind) || Clean(Title) is not { } title || StartedOn is not { } started)
        {
            throw new InvalidOperationException("Validate the draft before turning it into an experience.");
        }

        return new Experience(kind, title, Clean(Organisation), Clean(Place), started, EndedOn, Clean(Description), [.. CleanUris(EscoUris).Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>The kind from its API name (<c>work</c>, <c>internship</c>, …), case-insensitively; numbers are refused.</summary>
    public static bool TryParseKind(string? value, out ExperienceKind kind)
    {
        kind = default;
        return !string.IsNullOrWhiteSpace(value)
            && value.Trim().All(char.IsAsciiLetter)
            && Enum.TryParse(value.Trim(), ignoreCase: true, out kind);
    }

    public static bool IsEscoUri(string value) =>
        value.StartsWith(EscoPrefix, StringComparison.Ordinal)
        && value.Length > EscoPrefix.Length
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Host == "data.europa.eu"
        && !value.Any(char.IsWhiteSpace);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static List<string> CleanUris(IReadOnlyList<string>? uris) =>
        uris is null ? [] : [.. uris.Select(uri => uri?.Trim() ?? "").Where(uri => uri.Length > 0)];
}
