using System.Security.Cryptography;
using Passport.Domain.Workshops;

namespace Passport.Domain.Tests.Workshops;

public sealed class JoinCodeTests
{
    [Fact]
    public void New_IsSixCharactersFromTheAlphabetWithoutLookAlikes()
    {
        using var random = RandomNumberGenerator.Create();
        var codes = Enumerable.Range(0, 200).Select(_ => JoinCode.New(random).Value).ToList();

        Assert.All(codes, code =>
        {
            Assert.Equal(JoinCode.Length, code.Length);
            Assert.All(code, character => Assert.Contains(character, JoinCode.Alphabet));
        });
        Assert.DoesNotContain(JoinCode.Alphabet, character => "0O1IL".Contains(character, StringComparison.Ordinal));
        Assert.True(codes.Distinct(StringComparer.Ordinal).Count() > 190, "codes are random");
    }

    [Theory]
    [InlineData("abc234", "ABC234")]
    [InlineData(" ABC-234 ", "ABC234")]
    [InlineData("ab c2-34", "ABC234")]
    public void TryParse_TypedCode_IsNormalised(string typed, string expected)
    {
        Assert.True(JoinCode.TryParse(typed, out var code));
        Assert.Equal(expected, code.Value);
        Assert.Equal(code, JoinCode.TryParse(expected, out var same) ? same : null);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ABC23")]
    [InlineData("ABC2345")]
    [InlineData("ABC10O")]
    [InlineData("ABCDE!")]
    public void TryParse_Malformed_IsRefused(string? typed)
    {
        Assert.False(JoinCode.TryParse(typed, out var code));
        Assert.Null(code);
    }
}
