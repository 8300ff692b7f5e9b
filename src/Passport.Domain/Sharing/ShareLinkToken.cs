using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Passport.Domain.Sharing;

/// <summary>
/// The secret in a share link: 32 random bytes, base64url (43 characters). Whoever holds it may read, so only its
/// SHA-256 hash is stored; the token itself is shown to the owner once and never again.
/// </summary>
public static class ShareLinkToken
{
    public const int ByteLength = 32;

    /// <summary>The length of a token in characters: base64url of 32 bytes without padding.</summary>
    public const int TextLength = 43;

    /// <summary>A new token and the hash to store.</summary>
    public static (string Token, string Hash) Create()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(ByteLength));
        return (token, Hash(token));
    }

    /// <summary>The stored form: lower-case hex SHA-256 of the token's characters.</summary>
    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
    }

    /// <summary>
    /// The hash to look up, or false for text that cannot be a token at all. A random 256-bit token cannot be
    /// guessed, so the shape check only spares the database pointless lookups; it reveals nothing.
    /// </summary>
    public static bool TryHash(string? candidate, out string hash)
    {
        hash = "";
        if (candidate is not { Length: TextLength } || !Base64Url.IsValid(candidate, out var decodedLength) || decodedLength != ByteLength)
        {
            return false;
        }

        hash = Hash(candidate);
        return true;
    }
}
