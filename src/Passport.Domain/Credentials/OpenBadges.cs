using System.Globalization;
using System.Text.Json.Nodes;

namespace Passport.Domain.Credentials;

/// <summary>
/// Builds the JSON of Open Badges 3.0 credentials (W3C Verifiable Credentials Data Model 2.0): the
/// <c>OpenBadgeCredential</c> for a skill or the skills summary, the issuer <c>Profile</c> and the
/// <c>BitstringStatusListCredential</c>. Pure: the caller signs and publishes them.
/// </summary>
public static class OpenBadges
{
    public const string VcContext = "https://www.w3.org/ns/credentials/v2";
    public const string ObContext = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    public const string CredentialType = "OpenBadgeCredential";
    public const string StatusEntryType = "BitstringStatusListEntry";
    public const string StatusListCredentialType = "BitstringStatusListCredential";
    public const string RevocationPurpose = "revocation";

    private const string SchemaUrl = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";

    /// <summary>The id of a credential: a URN, as it has no address of its own (the owner holds it).</summary>
    public static string CredentialUrn(Guid id) => $"urn:uuid:{id:D}";

    /// <summary>The id of the credential's subject: the owner's user id as a URN.</summary>
    public static string SubjectUrn(Guid userId) => $"urn:uuid:{userId:D}";

    /// <summary>The issuer profile; with <paramref name="withContext"/> it stands alone as a JSON-LD document.</summary>
    public static JsonObject Profile(IssuerProfile issuer, bool withContext = false)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        var profile = new JsonObject();
        if (withContext)
        {
            profile["@context"] = new JsonArray(VcContext, ObContext);
        }

        profile["id"] = issuer.Id.AbsoluteUri;
        profile["type"] = new JsonArray("Profile");
        profile["name"] = issuer.Name;
        profile["url"] = issuer.Url.AbsoluteUri;
        return profile;
    }

    public static JsonObject Credential(BadgeContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Skills.Count == 0 || (content.Kind == CredentialKind.Skill && content.Skills.Count != 1))
        {
            throw new ArgumentException("A skill credential states one skill, a summary at least one.", nameof(content));
        }

        var wording = content.Wording;
        var achievementId = AchievementId(content);
        var achievement = content.Kind == CredentialKind.Skill
            ? (Name: content.Skills[0].SkillName, Description: content.Skills[0].SkillDescription, Criteria: Format(wording.SkillCriteria, content.Skills[0].SkillName))
            : (Name: wording.SummaryName, Description: wording.SummaryDescription, Criteria: wording.SummaryCriteria);
        var name = content.Kind == CredentialKind.Skill ? Format(wording.SkillCredentialName, content.Skills[0].SkillName) : wording.SummaryName;

        return new JsonObject
        {
            ["@context"] = new JsonArray(VcContext, ObContext),
            ["id"] = CredentialUrn(content.CredentialId),
            ["type"] = new JsonArray("VerifiableCredential", CredentialType),
            ["issuer"] = Profile(content.Issuer),
            ["validFrom"] = Timestamp(content.ValidFrom),
            ["name"] = name,
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = SubjectUrn(content.SubjectId),
                ["type"] = new JsonArray("AchievementSubject"),
                ["achievement"] = new JsonObject
                {
                    ["id"] = achievementId,
                    ["type"] = new JsonArray("Achievement"),
                    ["achievementType"] = content.Kind == CredentialKind.Skill ? "Competency" : "Assessment",
                    ["name"] = achievement.Name,
                    ["description"] = achievement.Description,
                    ["criteria"] = new JsonObject { ["narrative"] = achievement.Criteria },
                    ["alignment"] = new JsonArray([.. content.Skills.Select(Alignment)]),
                    ["resultDescription"] = new JsonArray([.. content.Skills.SelectMany(skill => ResultDescriptions(achievementId, skill, wording))]),
                },
                ["result"] = new JsonArray([.. content.Skills.SelectMany(skill => Results(achievementId, skill))]),
            },
            ["credentialStatus"] = new JsonObject
            {
                ["id"] = $"{content.Status.StatusListCredential.AbsoluteUri}#{content.Status.Index.ToString(CultureInfo.InvariantCulture)}",
                ["type"] = StatusEntryType,
                ["statusPurpose"] = RevocationPurpose,
                ["statusListIndex"] = content.Status.Index.ToString(CultureInfo.InvariantCulture),
                ["statusListCredential"] = content.Status.StatusListCredential.AbsoluteUri,
            },
            ["credentialSchema"] = new JsonArray(new JsonObject { ["id"] = SchemaUrl, ["type"] = "1EdTechJsonSchemaValidator2019" }),
        };
    }

    /// <summary>The status list itself as a credential (to be signed), published at <paramref name="listUrl"/>.</summary>
    public static JsonObject StatusListCredential(Uri listUrl, IssuerProfile issuer, DateTimeOffset validFrom, BitstringStatusList list)
    {
        ArgumentNullException.ThrowIfNull(listUrl);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(list);
        return new JsonObject
        {
            ["@context"] = new JsonArray(VcContext),
            ["id"] = listUrl.AbsoluteUri,
            ["type"] = new JsonArray("VerifiableCredential", StatusListCredentialType),
            ["issuer"] = issuer.Id.AbsoluteUri,
            ["validFrom"] = Timestamp(validFrom),
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = $"{listUrl.AbsoluteUri}#list",
                ["type"] = "BitstringStatusList",
                ["statusPurpose"] = RevocationPurpose,
                ["encodedList"] = list.Encode(),
            },
        };
    }

    /// <summary>An instant as the data model writes it: UTC, whole seconds.</summary>
    public static string Timestamp(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string AchievementId(BadgeContent content)
    {
        var root = content.Issuer.Url.AbsoluteUri.TrimEnd('/');
        return content.Kind == CredentialKind.Skill
            ? $"{root}/achievements/skills/{Uri.EscapeDataString(content.Skills[0].SkillId)}"
            : $"{root}/achievements/skills-summary";
    }

    private static JsonObject Alignment(SkillMeasurement skill) => new()
    {
        ["type"] = new JsonArray("Alignment"),
        ["targetName"] = skill.SkillName,
        ["targetUrl"] = skill.EscoUri.AbsoluteUri,
        ["targetFramework"] = "ESCO",
        ["targetType"] = "ceasn:Competency",
        ["targetCode"] = skill.SkillId,
    };

    private static string LevelDescriptionId(string achievementId, SkillMeasurement skill) => $"{achievementId}#{skill.SkillId}-level";

    private static string LevelId(string achievementId, SkillMeasurement skill, int level) =>
        $"{achievementId}#{skill.SkillId}-level-{level.ToString(CultureInfo.InvariantCulture)}";

    private static string StandardErrorDescriptionId(string achievementId, SkillMeasurement skill) => $"{achievementId}#{skill.SkillId}-standard-error";

    private static IEnumerable<JsonObject> ResultDescriptions(string achievementId, SkillMeasurement skill, CredentialWording wording)
    {
        yield return new JsonObject
        {
            ["id"] = LevelDescriptionId(achievementId, skill),
            ["type"] = new JsonArray("ResultDescription"),
            ["name"] = Format(wording.LevelResultName, skill.SkillName),
            ["resultType"] = "RubricCriterionLevel",
            ["allowedValue"] = new JsonArray([.. skill.LevelTexts.Select((_, index) => (JsonNode)Number(index + 1))]),
            ["rubricCriterionLevel"] = new JsonArray([.. skill.LevelTexts.Select((text, index) => (JsonNode)new JsonObject
            {
                ["id"] = LevelId(achievementId, skill, index + 1),
                ["type"] = new JsonArray("RubricCriterionLevel"),
                ["name"] = Format(wording.LevelName, Number(index + 1)),
                ["description"] = text,
                ["level"] = Number(index + 1),
            })]),
        };
        yield return new JsonObject
        {
            ["id"] = StandardErrorDescriptionId(achievementId, skill),
            ["type"] = new JsonArray("ResultDescription"),
            ["name"] = Format(wording.StandardErrorResultName, skill.SkillName),
            // Not one of the spec's result types, so an extension term as its extensible enumeration asks.
            ["resultType"] = "ext:StandardError",
            ["valueMin"] = "0",
        };
    }

    private static IEnumerable<JsonObject> Results(string achievementId, SkillMeasurement skill)
    {
        yield return new JsonObject
        {
            ["type"] = new JsonArray("Result"),
            ["resultDescription"] = LevelDescriptionId(achievementId, skill),
            ["achievedLevel"] = LevelId(achievementId, skill, skill.Level),
            ["value"] = Number(skill.Level),
        };
        yield return new JsonObject
        {
            ["type"] = new JsonArray("Result"),
            ["resultDescription"] = StandardErrorDescriptionId(achievementId, skill),
            ["value"] = Math.Round(skill.StandardError, 3).ToString("0.###", CultureInfo.InvariantCulture),
        };
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Format(string format, string argument) => string.Format(CultureInfo.InvariantCulture, format, argument);
}
