using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jose;
using Passport.Data.Database;
using Passport.Testing;
using Passport.Web.Tests.Hosting;
using Passport.Web.Tests.Sprints;

namespace Passport.Web.Tests.Credentials;

/// <summary>Issuer keys as operators handle them: a directory shared by hosts, rotated on one, unreadable files refused at start.</summary>
public sealed class IssuerKeyHostTests
{
    [Fact]
    [Trait("Category", "Postgres")]
    public async Task SharedKeyDirectory_RotatedOnOneHost_TheOtherPublishesItAndVerifiesWhatEitherIssued()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        var keys = Path.Combine(Path.GetTempPath(), $"passport-shared-keys-{Guid.NewGuid():N}");
        try
        {
            await using var hostA = new PassportApp(database, [new("Credentials:KeyDirectory", keys)]);
            await using var hostB = new PassportApp(database, [new("Credentials:KeyDirectory", keys)]);
            hostA.StartServer();
            hostB.StartServer();
            var (seeker, email) = await Hosting.Accounts.NewJobSeekerAsync(hostA);
            using (seeker)
            {
                await using (var player = await SprintPlayer.ConnectAsync(hostA, await hostA.LoginAsync(email, Hosting.Accounts.Password)))
                {
                    await player.PlayToEndAsync((await player.StartAsync("team-shift")).GetProperty("sessionId").GetString()!);
                }

                var (_, before) = await CredentialClient.CreateAsync(seeker, new { summary = true });
                using var admin = await hostA.CreateClientForAsync("admin@demo.test");
                using var rotated = await admin.PostAsync(new Uri("/api/admin/issuer-keys/rotate", UriKind.Relative), null);
                var kid = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("kid").GetString();
                var (_, after) = await CredentialClient.CreateAsync(seeker, new { summary = true });

                using var verifierAtB = hostB.CreateClient();
                var jwks = await verifierAtB.GetFromJsonAsync<JsonElement>("/.well-known/jwks.json");
                Assert.Equal(2, jwks.GetProperty("keys").GetArrayLength());
                Assert.Equal(kid, JWT.Headers(after)["kid"]);
                await CredentialClient.VerifyWithJoseAsync(verifierAtB, before);
                await CredentialClient.VerifyWithJoseAsync(verifierAtB, after);
                foreach (var jwt in new[] { before, after })
                {
                    using var response = await verifierAtB.PostAsJsonAsync("/api/credentials/verify", new { jwt });
                    Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("genuine").GetBoolean());
                }

                Assert.Equal(2, Directory.GetFiles(keys, "*.jwk.json").Length);
            }
        }
        finally
        {
            Directory.Delete(keys, recursive: true);
        }
    }

    [Fact]
    public async Task Start_BrokenKeyFile_ExitsWithOneLineNamingTheFile()
    {
        var keys = Directory.CreateTempSubdirectory("passport-broken-keys-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(keys, "old.jwk.json"), """{"kty":"oct","k":"c2VjcmV0"}""");

            var result = await HostProcess.RunUntilExitAsync($"--Credentials:KeyDirectory={keys}");

            Assert.Equal(1, result.ExitCode);
            var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("Passport cannot start: Issuer key file ", line, StringComparison.Ordinal);
            Assert.Contains("old.jwk.json", line, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(keys, recursive: true);
        }
    }

    [Fact]
    public async Task Start_EmptyKeyDirectory_CreatesOneKeyAndPublishesIt()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new PassportApp(database);
        app.StartServer();
        using var client = app.CreateClient();

        var jwks = await client.GetFromJsonAsync<JsonElement>("/.well-known/jwks.json");

        var key = Assert.Single(jwks.GetProperty("keys").EnumerateArray());
        var file = Assert.Single(Directory.GetFiles(app.KeyDirectory));
        Assert.Equal($"{key.GetProperty("kid").GetString()}.jwk.json", Path.GetFileName(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        using var response = await client.GetAsync(new Uri("/.well-known/jwks.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/jwk-set+json", response.Content.Headers.ContentType?.MediaType);
    }
}
