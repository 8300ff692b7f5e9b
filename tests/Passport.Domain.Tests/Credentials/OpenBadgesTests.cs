using System.Text.Json.Nodes;
using Passport.Domain.Credentials;

namespace Passport.Domain.Tests.Credentials;

public sealed class OpenBadgesTests
{
    private static readonly Guid CredentialId = Guid.Parse("0193a1b2-0000-7000-8000-000000000001");
    private static readonly Guid UserId = Guid.Parse("0193a1b2-0000-7000-8000-0000000000aa");
    private static readonly IssuerProfile Issuer = new(new Uri("https://passport.example/issuer"), "Passport", new Uri("https://passport.example/"));
    private static readonly CredentialWording Wording = new(
        "{0}: skill credential", "Measured in sprints ({0}).", "Skills summary", "All measured skills.", "Measured in sprints.",
        "{0}: level", "Level {0}", "{0}: standard error");

    private static SkillMeasurement Skill(string id, string name, int level, double standardError) => new(
        id, new Uri($"http://data.europa.eu/esco/skill/{id}"), name, $"About {name}.", ["one", "two", "three", "four", "five"], level, standardError);

    private static BadgeContent Content(CredentialKind kind, params SkillMeasurement[] skills) => new(
        CredentialId, kind, Issuer, UserId, new DateTimeOffset(2026, 11, 23, 10, 15, 30, TimeSpan.FromHours(1)), skills,
        new StatusListEntry(new Uri("https://passport.example/credentials/status/3"), 4242), Wording);

    [Fact]
    public void Credential_Skill_HasTheOpenBadgesRequiredFields()
    {
        var credential = OpenBadges.Credential(Content(CredentialKind.Skill, Skill("teamwork", "Teamwork", 3, 0.4123)));

        Assert.Equal(["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"], Strings(credential["@context"]));
        Assert.Equal($"urn:uuid:{CredentialId}", (string?)credential["id"]);
        Assert.Equal(["VerifiableCredential", "OpenBadgeCredential"], Strings(credential["type"]));
        Assert.Equal("https://passport.example/issuer", (string?)credential["issuer"]!["id"]);
        Assert.Equal(["Profile"], Strings(credential["issuer"]!["type"]));
        Assert.Equal("Passport", (string?)credential["issuer"]!["name"]);
        Assert.Equal("https://passport.example/", (string?)credential["issuer"]!["url"]);
        Assert.Equal("2026-11-23T09:15:30Z", (string?)credential["validFrom"]);
        Assert.Equal("Teamwork: skill credential", (string?)credential["name"]);

        var subject = credential["credentialSubject"]!;
        Assert.Equal($"urn:uuid:{UserId}", (string?)subject["id"]);
        Assert.Equal(["AchievementSubject"], Strings(subject["type"]));
        var achievement = subject["achievement"]!;
        Assert.Equal("https://passport.example/achievements/skills/teamwork", (string?)achievement["id"]);
        Assert.Equal(["Achievement"], Strings(achievement["type"]));
        Assert.Equal("Teamwork", (string?)achievement["name"]);
        Assert.Equal("About Teamwork.", (string?)achievement["description"]);
        Assert.Equal("Measured in sprints (Teamwork).", (string?)achievement["criteria"]!["narrative"]);
        var alignment = Assert.Single(achievement["alignment"]!.AsArray())!;
        Assert.Equal(["Alignment"], Strings(alignment["type"]));
        Assert.Equal("http://data.europa.eu/esco/skill/teamwork", (string?)alignment["targetUrl"]);
        Assert.Equal("Teamwork", (string?)alignment["targetName"]);

        var status = credential["credentialStatus"]!;
        Assert.Equal("BitstringStatusListEntry", (string?)status["type"]);
        Assert.Equal("revocation", (string?)status["statusPurpose"]);
        Assert.Equal("4242", (string?)status["statusListIndex"]);
        Assert.Equal("https://passport.example/credentials/status/3", (string?)status["statusListCredential"]);
        Assert.Equal("https://passport.example/credentials/status/3#4242", (string?)status["id"]);
    }

    [Fact]
    public void Credential_Skill_ResultsStateTheLevelWithItsTextAndTheStandardError()
    {
        var credential = OpenBadges.Credential(Content(CredentialKind.Skill, Skill("teamwork", "Teamwork", 3, 0.4123)));

        var statement = CredentialStatement.Read(credential);

        Assert.True(statement.IsOpenBadge);
        Assert.Equal([new StatedResult("Teamwork: level", "Level 3"), new StatedResult("Teamwork: standard error", "0.412")], statement.Results);
        var levels = credential["credentialSubject"]!["achievement"]!["resultDescription"]![0]!["rubricCriterionLevel"]!.AsArray();
        Assert.Equal("three", (string?)levels[2]!["description"]);
        Assert.All(credential["credentialSubject"]!["result"]!.AsArray(), result => Assert.Equal(["Result"], Strings(result!["type"])));
    }

    [Fact]
    public void Credential_Summary_OneAchievementWithAResultPerSkill()
    {
        var credential = OpenBadges.Credential(Content(
            CredentialKind.Summary, Skill("teamwork", "Teamwork", 3, 0.41), Skill("reliability", "Reliability", 5, 0.3)));

        var statement = CredentialStatement.Read(credential);

        Assert.True(statement.IsOpenBadge);
        Assert.Equal("Skills summary", statement.Name);
        Assert.Equal("Skills summary", statement.AchievementName);
        Assert.Equal("https://passport.example/achievements/skills-summary", (string?)credential["credentialSubject"]!["achievement"]!["id"]);
        Assert.Equal(2, credential["credentialSubject"]!["achievement"]!["alignment"]!.AsArray().Count);
        Assert.Contains(new StatedResult("Reliability: level", "Level 5"), statement.Results);
        Assert.Contains(new StatedResult("Teamwork: level", "Level 3"), statement.Results);
        Assert.Equal(4, statement.Results.Count);
    }

    [Fact]
    public void Credential_SkillKindWithTwoSkills_Throws() =>
        Assert.Throws<ArgumentException>(() => OpenBadges.Credential(Content(CredentialKind.Skill, Skill("a", "A", 1, 1), Skill("b", "B", 2, 1))));

    [Fact]
    public void Read_BuiltCredential_FindsIssuerDatesAndStatus()
    {
        var statement = CredentialStatement.Read(OpenBadges.Credential(Content(CredentialKind.Skill, Skill("teamwork", "Teamwork", 2, 0.5))));

        Assert.Equal("https://passport.example/issuer", statement.IssuerId);
        Assert.Equal("Passport", statement.IssuerName);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 15, 30, TimeSpan.Zero), statement.ValidFrom);
        Assert.Null(statement.ValidUntil);
        Assert.Equal(new Uri("https://passport.example/credentials/status/3"), statement.StatusListCredential);
        Assert.Equal(4242, statement.StatusListIndex);
    }

    [Theory]
    [InlineData("type")]
    [InlineData("issuer")]
    [InlineData("validFrom")]
    [InlineData("name")]
    [InlineData("credentialSubject")]
    public void Read_RequiredFieldMissing_IsNotAnOpenBadge(string field)
    {
        var credential = OpenBadges.Credential(Content(CredentialKind.Skill, Skill("teamwork", "Teamwork", 2, 0.5)));
        credential.Remove(field);

        Assert.False(CredentialStatement.Read(credential).IsOpenBadge);
    }

    [Fact]
    public void StatusListCredential_HasTheBitstringStatusListSubject()
    {
        var list = new BitstringStatusList();
        list[5] = true;
        var url = new Uri("https://passport.example/credentials/status/1");

        var credential = OpenBadges.StatusListCredential(url, Issuer, DateTimeOffset.UnixEpoch, list);

        Assert.Equal(["VerifiableCredential", "BitstringStatusListCredential"], Strings(credential["type"]));
        Assert.Equal(url.AbsoluteUri, (string?)credential["id"]);
        Assert.Equal("https://passport.example/issuer", (string?)credential["issuer"]);
        var subject = credential["credentialSubject"]!;
        Assert.Equal("BitstringStatusList", (string?)subject["type"]);
        Assert.Equal("revocation", (string?)subject["statusPurpose"]);
        Assert.True(BitstringStatusList.TryDecode((string?)subject["encodedList"])![5]);
    }

    private static List<string?> Strings(JsonNode? node) => [.. node!.AsArray().Select(item => (string?)item)];
}
