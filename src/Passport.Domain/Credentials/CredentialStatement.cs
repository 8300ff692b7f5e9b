using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Passport.Domain.Credentials;

/// <summary>One result of a credential as a person reads it: the result's name and its value (a level's name).</summary>
public sealed record StatedResult(string Name, string Value);

/// <summary>
/// What an <c>OpenBadgeCredential</c> payload says, read back for a verifier: who issued it, when, to which
/// achievement and with which results, and where its status bit is. Read leniently: a field of the wrong shape is
/// simply absent, and <see cref="IsOpenBadge"/> says whether the required fields are all there.
/// </summary>
public sealed record CredentialStatement(
    bool IsOpenBadge,
    string? Id,
    string? Name,
    string? IssuerId,
    string? IssuerName,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidUntil,
    string? AchievementName,
    IReadOnlyList<StatedResult> Results,
    Uri? StatusListCredential,
    int? StatusListIndex)
{
    public static CredentialStatement Read(JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var issuer = payload["issuer"];
        var subject = payload["credentialSubject"] as JsonObject;
        var achievement = subject?["achievement"] as JsonObject;
        var status = payload["credentialStatus"] as JsonObject;

        var contexts = Strings(payload["@context"]);
        var types = Strings(payload["type"]);
        var isOpenBadge =
            contexts.FirstOrDefault() == OpenBadges.VcContext
            && contexts.Any(context => context.StartsWith("https://purl.imsglobal.org/spec/ob/v3p0/context", StringComparison.Ordinal))
            && types.Contains("VerifiableCredential") && types.Contains(OpenBadges.CredentialType)
            && Text(payload["id"]) is not null
            && IssuerOf(issuer) is not null
            && Instant(payload["validFrom"]) is not null
            && Text(payload["name"]) is not null
            && subject is not null && Strings(subject["type"]).Contains("AchievementSubject")
            && achievement is not null
            && Text(achievement["id"]) is not null && Strings(achievement["type"]).Contains("Achievement")
            && Text(achievement["name"]) is not null && Text(achievement["description"]) is not null
            && achievement["criteria"] is JsonObject;

        Uri? listUrl = null;
        int? index = null;
        if (status is not null && Text(status["type"]) == OpenBadges.StatusEntryType && Text(status["statusPurpose"]) == OpenBadges.RevocationPurpose)
        {
            listUrl = Uri.TryCreate(Text(status["statusListCredential"]), UriKind.Absolute, out var url) ? url : null;
            index = int.TryParse(Text(status["statusListIndex"]), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
        }

        return new CredentialStatement(
            isOpenBadge,
            Text(payload["id"]),
            Text(payload["name"]),
            IssuerOf(issuer),
            issuer is JsonObject profile ? Text(profile["name"]) : null,
            Instant(payload["validFrom"]),
            Instant(payload["validUntil"]),
            achievement is null ? null : Text(achievement["name"]),
            ResultsOf(subject, achievement),
            listUrl,
            index);
    }

    private static List<StatedResult> ResultsOf(JsonObject? subject, JsonObject? achievement)
    {
        var descriptions = (achievement?["resultDescription"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var levels = descriptions.SelectMany(description => (description["rubricCriterionLevel"] as JsonArray ?? []).OfType<JsonObject>()).ToList();
        var results = new List<StatedResult>();
        foreach (var result in (subject?["result"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var descriptionId = Text(result["resultDescription"]);
            var name = descriptions.Where(description => Text(description["id"]) == descriptionId).Select(description => Text(description["name"])).FirstOrDefault();
            var levelId = Text(result["achievedLevel"]);
            var level = levels.Where(candidate => levelId is not null && Text(candidate["id"]) == levelId).Select(candidate => Text(candidate["name"])).FirstOrDefault();
            if ((level ?? Text(result["value"])) is { } value && name is not null)
            {
                results.Add(new StatedResult(name, value));
            }
        }

        return results;
    }

    private static string? IssuerOf(JsonNode? issuer) => issuer is JsonObject profile ? Text(profile["id"]) : Text(issuer);

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 } text ? text : null;

    private static List<string> Strings(JsonNode? node) => node switch
    {
        JsonArray array => [.. array.Select(Text).OfType<string>()],
        _ when Text(node) is { } single => [single],
        _ => [],
    };

    private static DateTimeOffset? Instant(JsonNode? node) =>
        DateTimeOffset.TryParse(Text(node), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;
}
