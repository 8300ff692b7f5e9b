using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Passport.Data.Credentials;

/// <summary>
/// One issuer key: an ECDSA P-256 key pair for ES256, named by its RFC 7638 JWK thumbprint (<see cref="Kid"/>).
/// Holds the parameters, not an <see cref="ECDsa"/>, so nothing needs disposing; callers create one per use.
/// </summary>
public sealed class IssuerKey
{
    public const string Algorithm = "ES256";
    public const string Curve = "P-256";

    private readonly ECParameters _parameters;

    private IssuerKey(ECParameters parameters, DateTimeOffset created)
    {
        _parameters = parameters;
        Created = created;
        X = Base64Url.EncodeToString(parameters.Q.X);
        Y = Base64Url.EncodeToString(parameters.Q.Y);
        Kid = Thumbprint(X, Y);
    }

    public string Kid { get; }

    public DateTimeOffset Created { get; }

    public string X { get; }

    public string Y { get; }

    public bool HasPrivateKey => _parameters.D is not null;

    public static IssuerKey Generate(DateTimeOffset created)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new IssuerKey(key.ExportParameters(includePrivateParameters: true), created);
    }

    /// <summary>A signer (private key); the caller disposes it.</summary>
    public ECDsa CreateSigner() =>
        HasPrivateKey ? ECDsa.Create(_parameters) : throw new InvalidOperationException($"Key {Kid} has no private part.");

    /// <summary>A verifier (public key only); the caller disposes it.</summary>
    public ECDsa CreateVerifier() => ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = _parameters.Q });

    /// <summary>The public JWK as published in a JWKS: kty, crv, x, y, kid, use, alg. Never the private part.</summary>
    public JsonObject ToPublicJwk() => new()
    {
        ["kty"] = "EC",
        ["crv"] = Curve,
        ["x"] = X,
        ["y"] = Y,
        ["kid"] = Kid,
        ["use"] = "sig",
        ["alg"] = Algorithm,
    };

    /// <summary>The private JWK as stored in its file, with when it was made.</summary>
    public JsonObject ToPrivateJwk()
    {
        var jwk = ToPublicJwk();
        jwk["d"] = Base64Url.EncodeToString(_parameters.D ?? throw new InvalidOperationException($"Key {Kid} has no private part."));
        jwk["created"] = Created.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        return jwk;
    }

    /// <summary>Reads a stored private JWK; null when it is not an EC P-256 key with its private part.</summary>
    public static IssuerKey? FromPrivateJwk(JsonObject jwk)
    {
        ArgumentNullException.ThrowIfNull(jwk);
        if (Text(jwk, "kty") != "EC" || Text(jwk, "crv") != Curve
            || Decode(Text(jwk, "x")) is not { Length: 32 } x || Decode(Text(jwk, "y")) is not { Length: 32 } y
            || Decode(Text(jwk, "d")) is not { Length: 32 } d
            || !DateTimeOffset.TryParse(Text(jwk, "created"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var created))
        {
            return null;
        }

        var parameters = new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = x, Y = y }, D = d };
        try
        {
            parameters.Validate();
            // Importing checks that the point lies on the curve and matches d.
            using var check = ECDsa.Create(parameters);
        }
        catch (CryptographicException)
        {
            return null;
        }

        return new IssuerKey(parameters, created);
    }

    /// <summary>RFC 7638: SHA-256 over the required members in lexicographic order, base64url.</summary>
    private static string Thumbprint(string x, string y) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes($$"""{"crv":"{{Curve}}","kty":"EC","x":"{{x}}","y":"{{y}}"}""")));

    private static string? Text(JsonObject jwk, string name) =>
        jwk[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static byte[]? Decode(string? text) => text is not null && Base64Url.IsValid(text) ? Base64Url.DecodeFromChars(text) : null;
}
