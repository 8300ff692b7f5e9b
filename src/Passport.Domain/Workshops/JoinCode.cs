using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Passport.Domain.Workshops;

/// <summary>
/// The short code a coach shows (or projects) so job seekers can join a live workshop: six characters from an
/// alphabet without look-alikes (no 0/O, 1/I/L), drawn from a cryptographic generator so codes cannot be guessed
/// from each other. Typed codes are normalised first: upper case, spaces and dashes dropped.
/// </summary>
public sealed record JoinCode
{
    public const int Length = 6;

    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private JoinCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>A new random code.</summary>
    public static JoinCode New(RandomNumberGenerator random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<char> chars = stackalloc char[Length];
        Span<byte> bytes = stackalloc byte[1];
        for (var index = 0; index < Length;)
        {
            random.GetBytes(bytes);
            // Rejection sampling: only bytes below the largest multiple of the alphabet's size, so every character is equally likely.
            if (bytes[0] < 256 - (256 % Alphabet.Length))
            {
                chars[index++] = Alphabet[bytes[0] % Alphabet.Length];
            }
        }

        return new JoinCode(new string(chars));
    }

    /// <summary>Reads a typed code; false when, after normalising, it is not six characters of the alphabet.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out JoinCode? code)
    {
        code = null;
        if (text is null)
        {
            return false;
        }

        var normalised = new string([.. text.Where(character => !char.IsWhiteSpace(character) && character != '-').Select(char.ToUpperInvariant)]);
        if (normalised.Length != Length || !normalised.All(character => Alphabet.Contains(character, StringComparison.Ordinal)))
        {
            return false;
        }

        code = new JoinCode(normalised);
        return true;
    }

    public override string ToString() => Value;
}
