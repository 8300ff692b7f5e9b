using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Passport.Application.Localization;
using Passport.Data.Credentials;
using Passport.Data.Database;
using Passport.Domain.Accounts;
using Passport.Domain.Credentials;
using Passport.Domain.Skills;
using Passport.Grains.Credentials;
using Passport.Grains.JobSeekers;

namespace Passport.Application.Credentials;

/// <summary>An issued credential: its row, and the signed JWT, which is handed to the owner and not kept.</summary>
public sealed record IssuedCredential(IssuedCredentialRow Row, string Jwt);

/// <summary>
/// Issues, lists and revokes a job seeker's Open Badges credentials and publishes the status lists. Revocation is
/// the status-list bit: the owner's revoke and account erasure set it, and a verifier reads it from the list.
/// </summary>
public sealed class CredentialService(
    CredentialRepository credentials,
    IssuerKeys keys,
    IGrainFactory grains,
    SkillCatalog skills,
    IStringLocalizer<ApplicationTexts> texts,
    IOptions<CredentialsOptions> options,
    IOptions<LimitOptions> limits,
    TimeProvider time,
    ILogger<CredentialService> logger)
{
    /// <summary>A list is left for a new one once half its bits are taken, so a free random bit is found quickly.</summary>
    public const int CredentialsPerList = BitstringStatusList.MinimumLength / 2;

    private const int IndexAttempts = 32;

    /// <summary>
    /// The issuer's base address, <c>Credentials:IssuerUrl</c> (validated at start). Never the request's Host header:
    /// anyone can send any Host, and the issuer id and status lists in a signed credential must be ours.
    /// </summary>
    public Uri IssuerBase
    {
        get
        {
            var configured = options.Value.IssuerUrl!.AbsoluteUri;
            return new Uri(configured.EndsWith('/') ? configured : configured + "/");
        }
    }

    public IssuerProfile Issuer(Uri issuerBase) => new(new Uri(issuerBase, "issuer"), options.Value.IssuerName, issuerBase);

    public static Uri StatusListUrl(Uri issuerBase, int listId) =>
        new(issuerBase, $"credentials/status/{listId.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>
    /// Issues a credential for one measured skill (<paramref name="skillId"/>) or for the summary (null), signed with
    /// the current issuer key. The skill must be known to the catalogue (the caller checks). Refused when the skill
    /// has no measurement in the passport yet, or for a summary no skill has (<see cref="OutcomeStatus.Conflict"/>),
    /// and after <see cref="LimitOptions.CredentialsPerDay"/> credentials in the last 24 hours
    /// (<see cref="OutcomeStatus.TooManyRequests"/>, with when to try again).
    /// </summary>
    public async Task<Outcome<IssuedCredential>> IssueAsync(Guid userId, string? skillId, Uri issuerBase, CancellationToken cancellationToken = default)
    {
        var perDay = limits.Value.CredentialsPerDay;
        var issued = await credentials.CountIssuedSinceAsync(userId, time.GetUtcNow() - LimitOptions.Day, cancellationToken);
        if (issued.RetryAfter(perDay, LimitOptions.Day, time.GetUtcNow()) is { } retryAfter)
        {
            return Outcome.TooMany<IssuedCredential>("Credentials", perDay, retryAfter);
        }

        var passport = await grains.GetGrain<IJobSeekerGrain>(userId).GetPassportAsync();
        var measured = skills.All
            .Select(skill => passport.Skills.FirstOrDefault(candidate => candidate.SkillId == skill.Id))
            .OfType<PassportSkillSnapshot>()
            .Where(skill => skillId is null || skill.SkillId == skillId)
            .ToList();
        if (measured.Count == 0)
        {
            return Outcome.Fail<IssuedCredential>(OutcomeStatus.Conflict, "Problem.Credentials.NotMeasured");
        }

        var kind = skillId is null ? CredentialKind.Summary : CredentialKind.Skill;
        var signing = keys.Signing;
        var now = time.GetUtcNow();
        // Whole seconds: validFrom, iat and nbf then all say the same instant.
        now = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var row = new IssuedCredentialRow
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Kind = kind.Name(),
            SkillId = skillId,
            Status = nameof(CredentialStatus.Issued),
            IssuedAt = now,
            Kid = signing.Kid,
        };
        await StoreWithFreeBitAsync(row, cancellationToken);

        var issuer = Issuer(issuerBase);
        var content = new BadgeContent(
            row.Id, kind, issuer, userId, now,
            [.. measured.Select(skill => Measurement(skills.Get(skill.SkillId), skill))],
            new StatusListEntry(StatusListUrl(issuerBase, row.StatusListId), row.StatusListIndex),
            Wording());
        var payload = OpenBadges.Credential(content);
        AddRegisteredClaims(payload, issuer, OpenBadges.CredentialUrn(row.Id), OpenBadges.SubjectUrn(userId), now);
        logger.LogInformation("Credential {CredentialId} ({Kind}) issued with key {Kid}", row.Id, row.Kind, signing.Kid);
        return Outcome.Done(new IssuedCredential(row, VcJwt.Sign(payload, signing)));
    }

    /// <summary>How long a credential made on the page waits for its owner's download.</summary>
    public static TimeSpan DownloadHold => CredentialHandoverGrain.HoldFor;

    /// <summary>
    /// Issues as <see cref="IssueAsync"/> and holds the signed credential for its owner's download for a short time
    /// (<see cref="DownloadHold"/>), in memory, never in the database: the page's form records
    /// the credential, lists it, and hands the file over from <see cref="HeldAsync"/>.
    /// </summary>
    public async Task<Outcome<IssuedCredentialRow>> IssueForDownloadAsync(Guid userId, string? skillId, CancellationToken cancellationToken = default)
    {
        var outcome = await IssueAsync(userId, skillId, IssuerBase, cancellationToken);
        if (outcome.Value is not { } issued)
        {
            return outcome.As<IssuedCredentialRow>();
        }

        await grains.GetGrain<ICredentialHandoverGrain>(issued.Row.Id).HoldAsync(userId, issued.Jwt);
        return Outcome.Done(issued.Row);
    }

    /// <summary>The signed credential waiting for its owner's download, with its row; null when it is not theirs or no longer held.</summary>
    public async Task<IssuedCredential?> HeldAsync(Guid userId, Guid credentialId, CancellationToken cancellationToken = default) =>
        await credentials.GetOfUserAsync(credentialId, userId, cancellationToken) is { } row
        && await grains.GetGrain<ICredentialHandoverGrain>(credentialId).GetAsync(userId) is { } jwt
            ? new IssuedCredential(row, jwt)
            : null;

    public Task<IReadOnlyList<IssuedCredentialRow>> ListAsync(Guid userId, PageRequest? page = null, CancellationToken cancellationToken = default) =>
        credentials.ListOfUserAsync(userId, page, cancellationToken);

    public Task<IssuedCredentialRow?> GetAsync(Guid userId, Guid credentialId, CancellationToken cancellationToken = default) =>
        credentials.GetOfUserAsync(credentialId, userId, cancellationToken);

    /// <summary>Revokes the owner's credential (its status bit is set from now on); false when it is not theirs. Idempotent.</summary>
    public async Task<bool> RevokeAsync(Guid userId, Guid credentialId, CancellationToken cancellationToken = default)
    {
        if (await credentials.GetOfUserAsync(credentialId, userId, cancellationToken) is not { } row)
        {
            return false;
        }

        var status = Enum.Parse<CredentialStatus>(row.Status);
        var lifecycle = new CredentialLifecycle(() => status, value => status = value);
        if (lifecycle.Revoke())
        {
            await credentials.RevokeAsync(credentialId, userId, time.GetUtcNow(), cancellationToken);
            logger.LogInformation("Credential {CredentialId} revoked by its owner", credentialId);
        }

        return true;
    }

    /// <summary>
    /// For account erasure: revokes every credential of the user and removes the link to them (user and skill), so
    /// nothing personal remains while every verifier still sees the credentials as revoked.
    /// </summary>
    public async Task RevokeAllForErasureAsync(Guid userId, CancellationToken cancellationToken)
    {
        var count = await credentials.RevokeAndUnlinkAllAsync(userId, time.GetUtcNow(), cancellationToken);
        logger.LogInformation("Account erasure revoked and unlinked {Count} credential(s)", count);
    }

    /// <summary>The signed <c>BitstringStatusListCredential</c> of a list in use; null for a list that does not exist.</summary>
    public async Task<string?> StatusListJwtAsync(int listId, Uri issuerBase, CancellationToken cancellationToken = default)
    {
        if (listId < 1 || listId > (await credentials.NewestListAsync(cancellationToken)).ListId)
        {
            return null;
        }

        var list = await StatusListAsync(listId, cancellationToken);
        var issuer = Issuer(issuerBase);
        var url = StatusListUrl(issuerBase, listId);
        var now = time.GetUtcNow();
        var payload = OpenBadges.StatusListCredential(url, issuer, now, list);
        AddRegisteredClaims(payload, issuer, url.AbsoluteUri, $"{url.AbsoluteUri}#list", now);
        return VcJwt.Sign(payload, keys.Signing);
    }

    /// <summary>The current bits of a list, straight from the database.</summary>
    public async Task<BitstringStatusList> StatusListAsync(int listId, CancellationToken cancellationToken = default)
    {
        var list = new BitstringStatusList();
        foreach (var index in await credentials.RevokedIndexesAsync(listId, cancellationToken))
        {
            list[index] = true;
        }

        return list;
    }

    /// <summary>JWT registered claims beside the credential, as VC-JOSE-COSE allows: iss, jti, sub, iat, nbf.</summary>
    private static void AddRegisteredClaims(JsonObject payload, IssuerProfile issuer, string id, string subject, DateTimeOffset now)
    {
        payload["iss"] = issuer.Id.AbsoluteUri;
        payload["jti"] = id;
        payload["sub"] = subject;
        payload["iat"] = now.ToUnixTimeSeconds();
        payload["nbf"] = now.ToUnixTimeSeconds();
    }

    /// <summary>A random free bit of the newest list (herd privacy: the order of issue says nothing), else of a new list.</summary>
    private async Task StoreWithFreeBitAsync(IssuedCredentialRow row, CancellationToken cancellationToken)
    {
        var newest = await credentials.NewestListAsync(cancellationToken);
        var listId = newest.ListId == 0 || newest.Taken >= CredentialsPerList ? newest.ListId + 1 : newest.ListId;
        while (true)
        {
            for (var attempt = 0; attempt < IndexAttempts; attempt++)
            {
                row.StatusListId = listId;
                row.StatusListIndex = RandomNumberGenerator.GetInt32(BitstringStatusList.MinimumLength);
                if (await credentials.TryCreateAsync(row, cancellationToken))
                {
                    return;
                }
            }

            // Only when hosts filled the list together past half: the next list has room.
            listId++;
        }
    }

    private static SkillMeasurement Measurement(Skill skill, PassportSkillSnapshot measured) => new(
        skill.Id,
        skill.EscoUri,
        skill.Name.In(Languages.English),
        skill.Description.In(Languages.English),
        [.. skill.Levels.Select(level => level.In(Languages.English))],
        measured.Level,
        measured.StandardError);

    /// <summary>The credential's sentences in English, whatever the owner's language: one language for every verifier.</summary>
    private CredentialWording Wording() => TextLanguage.InLanguage(Languages.English, () => new CredentialWording(
        texts["Credentials.Badge.SkillName"],
        texts["Credentials.Badge.SkillCriteria"],
        texts["Credentials.Badge.SummaryName"],
        texts["Credentials.Badge.SummaryDescription"],
        texts["Credentials.Badge.SummaryCriteria"],
        texts["Credentials.Badge.LevelResult"],
        texts["Credentials.Badge.Level"],
        texts["Credentials.Badge.StandardErrorResult"]));
}
