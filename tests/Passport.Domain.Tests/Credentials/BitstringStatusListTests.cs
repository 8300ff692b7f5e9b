using System.Buffers.Text;
using System.IO.Compression;
using Passport.Domain.Credentials;

namespace Passport.Domain.Tests.Credentials;

public sealed class BitstringStatusListTests
{
    [Fact]
    public void New_Default_HasTheSpecMinimumOf131072BitsAllClear()
    {
        var list = new BitstringStatusList();

        Assert.Equal(131_072, list.Length);
        Assert.False(list[0]);
        Assert.False(list[131_071]);
    }

    [Fact]
    public void Encode_SomeBitsSet_RoundTripsThroughDecode()
    {
        var list = new BitstringStatusList();
        int[] set = [0, 7, 8, 4_242, 131_071];
        foreach (var index in set)
        {
            list[index] = true;
        }

        var decoded = BitstringStatusList.TryDecode(list.Encode());

        Assert.NotNull(decoded);
        Assert.Equal(list.Length, decoded.Length);
        Assert.All(set, index => Assert.True(decoded[index]));
        Assert.Equal(set.Length, Enumerable.Range(0, decoded.Length).Count(index => decoded[index]));
    }

    [Fact]
    public void Encode_AsTheSpecSays_MultibaseBase64UrlOfGzipWithIndexZeroTheLeftmostBit()
    {
        var list = new BitstringStatusList();
        list[0] = true;
        list[9] = true;

        var encoded = list.Encode();

        Assert.StartsWith("u", encoded, StringComparison.Ordinal);
        Assert.DoesNotContain('=', encoded);
        using var gzip = new GZipStream(new MemoryStream(Base64Url.DecodeFromChars(encoded.AsSpan(1))), CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        var raw = bytes.ToArray();
        Assert.Equal(16 * 1024, raw.Length);
        Assert.Equal(0b1000_0000, raw[0]);
        Assert.Equal(0b0100_0000, raw[1]);
        Assert.All(raw[2..], value => Assert.Equal(0, value));
    }

    [Fact]
    public void Decode_WithoutMultibasePrefix_IsAcceptedToo()
    {
        var list = new BitstringStatusList();
        list[12] = true;

        Assert.True(BitstringStatusList.TryDecode(list.Encode()[1..])![12]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("u!!!")]
    [InlineData("uAAAA")]
    public void TryDecode_NotAList_ReturnsNull(string? encoded) => Assert.Null(BitstringStatusList.TryDecode(encoded));

    [Fact]
    public void TryDecode_ShorterThanTheSpecMinimum_ReturnsNull()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(new byte[1024]);
        }

        Assert.Null(BitstringStatusList.TryDecode("u" + Base64Url.EncodeToString(compressed.ToArray())));
    }

    [Fact]
    public void Constructor_FewerBitsThanTheMinimum_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BitstringStatusList(8_192));

    [Fact]
    public void Indexer_OutsideTheList_Throws()
    {
        var list = new BitstringStatusList();

        Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[list.Length] = true);
    }
}
