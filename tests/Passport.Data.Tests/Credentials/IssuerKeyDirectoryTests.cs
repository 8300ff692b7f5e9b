using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Passport.Data.Credentials;

namespace Passport.Data.Tests.Credentials;

public sealed class IssuerKeyDirectoryTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"passport-keys-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_path))
        {
            Directory.Delete(_path, recursive: true);
        }
    }

    [Fact]
    public void EnsureKey_NoDirectory_CreatesOnePrivateFileNamedByKid()
    {
        var directory = new IssuerKeyDirectory(_path);

        var key = Assert.Single(directory.EnsureKey(Now));

        var file = Assert.Single(Directory.GetFiles(_path));
        Assert.Equal($"{key.Kid}.jwk.json", Path.GetFileName(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        var jwk = JsonNode.Parse(File.ReadAllText(file))!;
        Assert.Equal("EC", (string?)jwk["kty"]);
        Assert.Equal("P-256", (string?)jwk["crv"]);
        Assert.Equal("ES256", (string?)jwk["alg"]);
        Assert.NotNull((string?)jwk["d"]);
        Assert.Single(directory.EnsureKey(Now.AddDays(1)));
    }

    [Fact]
    public void Create_AfterAnother_NewestSignsAndBothStay()
    {
        var directory = new IssuerKeyDirectory(_path);
        var first = Assert.Single(directory.EnsureKey(Now));

        var second = directory.Create(Now.AddDays(30));

        var keys = directory.Load();
        Assert.Equal([second.Kid, first.Kid], keys.Select(key => key.Kid));
        Assert.NotEqual(first.Kid, second.Kid);
    }

    [Fact]
    public void Load_SignedWithAStoredKey_VerifiesWithThePublicJwkAlone()
    {
        var directory = new IssuerKeyDirectory(_path);
        var key = directory.Create(Now);
        var data = Encoding.UTF8.GetBytes("header.payload");

        using var signer = Assert.Single(new IssuerKeyDirectory(_path).Load()).CreateSigner();
        var signature = signer.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

        var jwk = key.ToPublicJwk();
        Assert.Null(jwk["d"]);
        Assert.Equal(["kty", "crv", "x", "y", "kid", "use", "alg"], jwk.Select(member => member.Key));
        using var verifier = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = System.Buffers.Text.Base64Url.DecodeFromChars((string)jwk["x"]!), Y = System.Buffers.Text.Base64Url.DecodeFromChars((string)jwk["y"]!) },
        });
        Assert.True(verifier.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    [Fact]
    public void Kid_IsTheRfc7638Thumbprint()
    {
        var key = new IssuerKeyDirectory(_path).Create(Now);

        var canonical = $$"""{"crv":"P-256","kty":"EC","x":"{{key.X}}","y":"{{key.Y}}"}""";
        Assert.Equal(System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))), key.Kid);
    }

    [Fact]
    public void Fingerprint_KeyAdded_Changes()
    {
        var directory = new IssuerKeyDirectory(_path);
        directory.EnsureKey(Now);
        var before = directory.Fingerprint();

        Assert.Equal(before, directory.Fingerprint());
        new IssuerKeyDirectory(_path).Create(Now.AddMinutes(1));

        Assert.NotEqual(before, directory.Fingerprint());
    }

    [Fact]
    public void Load_BrokenKeyFile_ThrowsNamingTheFile()
    {
        Directory.CreateDirectory(_path);
        File.WriteAllText(Path.Combine(_path, "broken.jwk.json"), """{"kty":"RSA"}""");

        var problem = Assert.Throws<InvalidDataException>(() => new IssuerKeyDirectory(_path).Load());

        Assert.Contains("broken.jwk.json", problem.Message, StringComparison.Ordinal);
    }
}
