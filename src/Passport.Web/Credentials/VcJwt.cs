using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Passport.Data.Credentials;

namespace Passport.Web.Credentials;

/// <summary>A compact JWS taken apart: its header and payload, and what the signature covers.</summary>
public sealed record ParsedJwt(JsonObject Header, JsonObject Payload, byte[] SigningInput, byte[] Signature)
{
    public string? Kid => Header["kid"] is JsonValue value && value.TryGetValue<string>(out var kid) ? kid : null;

    public string? Algorithm => Header["alg"] is JsonValue value && value.TryGetValue<string>(out var alg) ? alg : null;
}

/// <summary>
/// VC-JWT as VC-JOSE-COSE secures a VCDM 2.0 credential: the credential itself is the JWS payload (no <c>vc</c>
/// claim), header <c>alg: ES256</c>, <c>kid</c>, <c>typ: vc+jwt</c>, <c>cty: vc</c>. Signed by hand with the
/// platform's ECDSA key; the signature is the JOSE form (r and s, 32 bytes each).
/// </summary>
public static class VcJwt
{
    public const string MediaType = "application/vc+jwt";

    // A credential is a few kilobytes; anything far larger is not one of ours.
    public const int MaximumLength = 256 * 1024;

    // A name given twice is ambiguous (which one did the signer mean?), so such a document is refused outright.
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };

    public static string Sign(JsonObject payload, IssuerKey key)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(key);
        var header = new JsonObject { ["alg"] = IssuerKey.Algorithm, ["kid"] = key.Kid, ["typ"] = "vc+jwt", ["cty"] = "vc" };
        var signingInput = $"{Encode(header)}.{Encode(payload)}";
        using var signer = key.CreateSigner();
        var signature = signer.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    /// <summary>The three parts of a compact JWS with JSON header and payload; null for anything else.</summary>
    public static ParsedJwt? TryParse(string? text)
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
                return new ParsedJwt(header, payload, Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Base64Url.DecodeFromChars(parts[2]));
            }

            return null;
        }
        catch (JsonException)
        {
            // Base64url that is not JSON: not a JWT, which the caller reports as such.
            return null;
        }
    }

    public static bool Verify(ParsedJwt jwt, IssuerKey key)
    {
        ArgumentNullException.ThrowIfNull(jwt);
        ArgumentNullException.ThrowIfNull(key);
        if (jwt.Algorithm != IssuerKey.Algorithm || jwt.Signature.Length != 64)
        {
            return false;
        }

        using var verifier = key.CreateVerifier();
        return verifier.VerifyData(jwt.SigningInput, jwt.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    private static string Encode(JsonObject json) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(json));
}
