using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Passport.Data.Credentials;

namespace Passport.Application.Credentials;

/// <summary>A compact JWS taken apart: the token itself, its header and its payload.</summary>
internal sealed record ParsedJwt(string Compact, JsonObject Header, JsonObject Payload)
{
    public string? Kid => Header["kid"] is JsonValue value && value.TryGetValue<string>(out var kid) ? kid : null;

    public string? Algorithm => Header["alg"] is JsonValue value && value.TryGetValue<string>(out var alg) ? alg : null;
}

/// <summary>
/// VC-JWT as VC-JOSE-COSE secures a VCDM 2.0 credential: the credential itself is the JWS payload (no <c>vc</c>
/// claim), header <c>alg: ES256</c>, <c>kid</c>, <c>typ: vc+jwt</c>, <c>cty: vc</c>. Signing and the signature
/// check are IdentityModel's JOSE implementation; what is ours is the strict reading of the parts around it.
/// </summary>
public static class VcJwt
{
    public const string MediaType = "application/vc+jwt";

    // A credential is a few kilobytes; anything far larger is not one of ours.
    public const int MaximumLength = 256 * 1024;

    // A name given twice is ambiguous (which one did the signer mean?), so such a document is refused outright.
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };

    internal static string Sign(JsonObject payload, IssuerKey key)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(key);
        using var signer = key.CreateSigner();
        var credentials = new SigningCredentials(SecurityKey(signer, key.Kid), SecurityAlgorithms.EcdsaSha256);
        // The payload is the credential exactly as built: no default iat/nbf/exp added behind our back.
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(
            payload.ToJsonString(), credentials, new Dictionary<string, object> { [JwtHeaderParameterNames.Typ] = "vc+jwt", [JwtHeaderParameterNames.Cty] = "vc" });
    }

    /// <summary>The three parts of a compact JWS with JSON header and payload; null for anything else.</summary>
    internal static ParsedJwt? TryParse(string? text)
    {
        var compact = text?.Trim();
        if (string.IsNullOrEmpty(compact) || compact.Length > MaximumLength)
        {
            return null;
        }

        var parts = compact.Split('.');
        if (parts.Length != 3 || parts.Any(part => !Base64Url.IsValid(part)) || parts[2].Length == 0)
        {
            return null;
        }

        try
        {
            if (JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]), documentOptions: Strict) is JsonObject header
                && JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]), documentOptions: Strict) is JsonObject payload)
            {
                return new ParsedJwt(compact, header, payload);
            }

            return null;
        }
        catch (JsonException)
        {
            // Base64url that is not JSON: not a JWT, which the caller reports as such.
            return null;
        }
    }

    /// <summary>Whether the signature is the key's over exactly these header and payload bytes (dates are checked by the caller).</summary>
    internal static async Task<bool> VerifyAsync(ParsedJwt jwt, IssuerKey key)
    {
        ArgumentNullException.ThrowIfNull(jwt);
        ArgumentNullException.ThrowIfNull(key);
        using var verifier = key.CreateVerifier();
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(jwt.Compact, new TokenValidationParameters
        {
            IssuerSigningKey = SecurityKey(verifier, key.Kid),
            ValidAlgorithms = [IssuerKey.Algorithm],
            ValidTypes = ["vc+jwt"],
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            RequireSignedTokens = true,
        });
        return result.IsValid;
    }

    // IdentityModel caches signature providers per key id by default; ours wrap an ECDsa disposed after each use,
    // so a cached provider would outlive its key. Keys are read from the key directory each time, so nothing is lost.
    private static ECDsaSecurityKey SecurityKey(System.Security.Cryptography.ECDsa ecdsa, string kid) => new(ecdsa)
    {
        KeyId = kid,
        CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false },
    };
}
