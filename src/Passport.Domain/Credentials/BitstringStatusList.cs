using System.Buffers.Text;
using System.IO.Compression;

namespace Passport.Domain.Credentials;

/// <summary>
/// A W3C Bitstring Status List v1.0: one bit per credential, set when it is revoked. Index 0 is the leftmost
/// (most significant) bit of the first byte. The published form (<c>encodedList</c>) is the GZIP-compressed
/// bitstring in base64url without padding, with the Multibase prefix <c>u</c>. Every list is at least
/// <see cref="MinimumLength"/> bits long (16 KB), so one credential's bit hides among many (herd privacy).
/// </summary>
public sealed class BitstringStatusList
{
    /// <summary>The spec's minimum: 131,072 bits, 16 KB.</summary>
    public const int MinimumLength = 131_072;

    /// <summary>The Multibase prefix of base64url without padding.</summary>
    public const char MultibasePrefix = 'u';

    // A decoded list larger than this is refused: a hostile list must not make us inflate gigabytes.
    private const int MaximumBytes = 16 * 1024 * 1024;

    private readonly byte[] _bits;

    public BitstringStatusList(int length = MinimumLength)
    {
        if (length < MinimumLength || length % 8 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, $"A status list has at least {MinimumLength} bits, a whole number of bytes.");
        }

        _bits = new byte[length / 8];
    }

    private BitstringStatusList(byte[] bits) => _bits = bits;

    /// <summary>The number of bits (entries).</summary>
    public int Length => _bits.Length * 8;

    public bool this[int index]
    {
        get
        {
            CheckIndex(index);
            return (_bits[index / 8] & Mask(index)) != 0;
        }

        set
        {
            CheckIndex(index);
            if (value)
            {
                _bits[index / 8] |= Mask(index);
            }
            else
            {
                _bits[index / 8] &= (byte)~Mask(index);
            }
        }
    }

    /// <summary>The list as <c>encodedList</c>: Multibase base64url (prefix <c>u</c>) of the GZIP-compressed bits.</summary>
    public string Encode()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(_bits);
        }

        return MultibasePrefix + Base64Url.EncodeToString(compressed.ToArray());
    }

    /// <summary>
    /// Reads an <c>encodedList</c> (with or without the Multibase prefix); null when it is not base64url, not GZIP,
    /// or shorter than the spec's minimum.
    /// </summary>
    public static BitstringStatusList? TryDecode(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded))
        {
            return null;
        }

        var text = encoded[0] == MultibasePrefix ? encoded[1..] : encoded;
        if (!Base64Url.IsValid(text))
        {
            return null;
        }

        try
        {
            using var input = new GZipStream(new MemoryStream(Base64Url.DecodeFromChars(text)), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = input.Read(buffer)) > 0)
            {
                output.Write(buffer, 0, read);
                if (output.Length > MaximumBytes)
                {
                    return null;
                }
            }

            return output.Length * 8 >= MinimumLength ? new BitstringStatusList(output.ToArray()) : null;
        }
        catch (InvalidDataException)
        {
            // Not GZIP: the list cannot be read, which the caller reports as "cannot check".
            return null;
        }
    }

    private static byte Mask(int index) => (byte)(0x80 >> (index % 8));

    private void CheckIndex(int index) => ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Length, nameof(index));
}
