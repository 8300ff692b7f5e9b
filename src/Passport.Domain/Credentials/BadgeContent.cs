namespace Passport.Domain.Credentials;

/// <summary>The platform as issuer: an Open Badges <c>Profile</c>. <see cref="Id"/> is where its profile is published.</summary>
public sealed record IssuerProfile(Uri Id, string Name, Uri Url);

/// <summary>One measured skill as a credential states it (texts in the credential's language, English).</summary>
public sealed record SkillMeasurement(
    string SkillId,
    Uri EscoUri,
    string SkillName,
    string SkillDescription,
    IReadOnlyList<string> LevelTexts,
    int Level,
    double StandardError);

/// <summary>The credential's entry in a status list: the list's credential URL and this credential's bit.</summary>
public sealed record StatusListEntry(Uri StatusListCredential, int Index);

/// <summary>
/// The sentences a credential carries, from the product's texts (composite formats, <c>{0}</c> = skill name or
/// level number), so no prose is written in code.
/// </summary>
public sealed record CredentialWording(
    string SkillCredentialName,
    string SkillCriteria,
    string SummaryName,
    string SummaryDescription,
    string SummaryCriteria,
    string LevelResultName,
    string LevelName,
    string StandardErrorResultName);

/// <summary>Everything one <c>OpenBadgeCredential</c> states; <see cref="OpenBadges.Credential"/> turns it into JSON.</summary>
public sealed record BadgeContent(
    Guid CredentialId,
    CredentialKind Kind,
    IssuerProfile Issuer,
    Guid SubjectId,
    DateTimeOffset ValidFrom,
    IReadOnlyList<SkillMeasurement> Skills,
    StatusListEntry Status,
    CredentialWording Wording);
