using Passport.Cli;
using Passport.Data.Credentials;

namespace Passport.Content.Tests;

public sealed class RotateIssuerKeyTests : IDisposable
{
    private readonly string _keys = Path.Combine(Path.GetTempPath(), $"passport-cli-keys-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_keys))
        {
            Directory.Delete(_keys, recursive: true);
        }
    }

    [Fact]
    public void RotateIssuerKey_TwiceIntoADirectory_AddsASigningKeyAndKeepsTheOldOne()
    {
        var (firstCode, firstOutput, _) = Run("rotate-issuer-key", "--keys", _keys);
        var old = Assert.Single(new IssuerKeyDirectory(_keys).Load());

        var (exitCode, output, error) = Run("rotate-issuer-key", "--keys", _keys);

        Assert.Equal(0, firstCode);
        Assert.Contains(old.Kid, firstOutput, StringComparison.Ordinal);
        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        var keys = new IssuerKeyDirectory(_keys).Load();
        Assert.Equal(2, keys.Count);
        Assert.Contains(keys[0].Kid, output, StringComparison.Ordinal);
        Assert.Equal(old.Kid, keys[1].Kid);
    }

    [Theory]
    [InlineData("rotate-issuer-key")]
    [InlineData("rotate-issuer-key", "--keys")]
    [InlineData("rotate-issuer-key", "--content", "x")]
    public void RotateIssuerKey_WithoutKeys_ExitsTwoAndSaysHow(params string[] args)
    {
        var (exitCode, _, error) = Run(args);

        Assert.Equal(2, exitCode);
        Assert.Contains("rotate-issuer-key takes --keys DIR", error, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = Commands.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
