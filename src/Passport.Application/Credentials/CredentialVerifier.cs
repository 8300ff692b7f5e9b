using System.Globalization;
using Passport.Domain.Credentials;

namespace Passport.Application.Credentials;

/// <summary>Why a credential could not be checked fully; <see cref="None"/> when it could.</summary>
public enum VerificationProblem
{
    None,

    /// <summary>Signed with a key this platform never published (or not with ES256).</summary>
    UnknownKey,

    /// <summary>Signed by us, but not an Open Badges credential (e.g. a status list).</summary>
    NotABadge,

    /// <summary>The credential names no status list of ours, so revocation cannot be checked.</summary>
    NoStatus,
}

/// <summary>What a verifier learns about a pasted credential.</summary>
public sealed record VerificationResult(
    bool Genuine,
    bool Unaltered,
    bool? Revoked,
    bool Expired,
    VerificationProblem Problem,
    CredentialStatement? Statement);

/// <summary>
/// Checks a VC-JWT the way any verifier would, but without a network round trip: the signature against the
/// published issuer keys (by <c>kid</c>), that the payload is an <c>OpenBadgeCredential</c>, its validity period, and
/// its bit in our status list (read from the database, the source of the published list).
/// </summary>
public sealed class CredentialVerifier(IssuerKeys keys, CredentialService credentials, TimeProvider time)
{
    /// <summary>The result; null when <paramref name="text"/> is not a JWT at all.</summary>
    public async Task<VerificationResult?> VerifyAsync(string? text, CancellationToken cancellationToken = default)
    {
        if (VcJwt.TryParse(text) is not { } jwt)
        {
            return null;
        }

        var statement = CredentialStatement.Read(jwt.Payload);
        if (keys.Find(jwt.Kid) is not { } key || jwt.Algorithm != Data.Credentials.IssuerKey.Algorithm)
        {
            return new VerificationResult(false, false, null, false, VerificationProblem.UnknownKey, statement);
        }

        if (!await VcJwt.VerifyAsync(jwt, key))
        {
            // Our key, but the signature does not match what it covers: the contents were changed.
            return new VerificationResult(false, false, null, false, VerificationProblem.None, statement);
        }

        if (!statement.IsOpenBadge)
        {
            return new VerificationResult(false, true, null, false, VerificationProblem.NotABadge, statement);
        }

        var now = time.GetUtcNow();
        var expired = statement.ValidUntil is { } until && until < now
            || (jwt.Payload["exp"] is System.Text.Json.Nodes.JsonValue exp && exp.TryGetValue<long>(out var seconds) && seconds < now.ToUnixTimeSeconds());
        var revoked = await RevokedAsync(statement, cancellationToken);
        return new VerificationResult(true, true, revoked, expired, revoked is null ? VerificationProblem.NoStatus : VerificationProblem.None, statement);
    }

    /// <summary>
    /// The credential's bit. The signature proved we wrote the status URL, so only its list number matters; the
    /// host part may differ when the issuer is reached under several names.
    /// </summary>
    private async Task<bool?> RevokedAsync(CredentialStatement statement, CancellationToken cancellationToken)
    {
        if (statement.StatusListCredential is not { } url || statement.StatusListIndex is not { } index
            || url.Segments is not [.., "credentials/", "status/", var last]
            || !int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var listId)
            || index >= BitstringStatusList.MinimumLength)
        {
            return null;
        }

        return (await credentials.StatusListAsync(listId, cancellationToken))[index];
    }
}
