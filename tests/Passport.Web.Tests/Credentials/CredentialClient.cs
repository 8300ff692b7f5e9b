using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using Jose;
using Passport.Web.Tests.Hosting;
using Passport.Web.Tests.Sprints;

namespace Passport.Web.Tests.Credentials;

/// <summary>
/// A job seeker with measured skills, and what an outside verifier does with their credential: fetch the issuer's
/// JWKS and the status list over HTTP and check both with jose-jwt, a JOSE library that is not ours.
/// </summary>
public static class CredentialClient
{
    /// <summary>A new job seeker who played one sprint to its end, so the passport has measured skills.</summary>
    public static async Task<(HttpClient Client, Guid UserId, IReadOnlyList<string> Skills)> NewMeasuredJobSeekerAsync(PassportApp app)
    {
        var (client, userId, skills, _) = await NewMeasuredJobSeekerWithEmailAsync(app);
        return (client, userId, skills);
    }

    /// <summary>As <see cref="NewMeasuredJobSeekerAsync"/>, with the e-mail address to sign in on the pages.</summary>
    public static async Task<(HttpClient Client, Guid UserId, IReadOnlyList<string> Skills, string Email)> NewMeasuredJobSeekerWithEmailAsync(PassportApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var (client, email) = await Hosting.Accounts.NewJobSeekerAsync(app);
        await using (var player = await SprintPlayer.ConnectAsync(app, await app.LoginAsync(email, Hosting.Accounts.Password)))
        {
            await player.PlayToEndAsync((await player.StartAsync("team-shift")).GetProperty("sessionId").GetString()!);
        }

        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");
        var passport = await client.GetFromJsonAsync<JsonElement>("/api/me/passport");
        var skills = passport.GetProperty("skills").EnumerateArray().Select(skill => skill.GetProperty("skillId").GetString()!).ToList();
        Assert.NotEmpty(skills);
        return (client, me.GetProperty("id").GetGuid(), skills, email);
    }

    public static async Task<(Guid Id, string Jwt)> CreateAsync(HttpClient client, object body)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.PostAsJsonAsync("/api/me/credentials", body);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("id").GetGuid(), created.GetProperty("jwt").GetString()!);
    }

    /// <summary>Verifies the JWT with jose-jwt against the JWKS published at <c>/.well-known/jwks.json</c>; returns the payload.</summary>
    public static async Task<JsonElement> VerifyWithJoseAsync(HttpClient anonymous, string jwt)
    {
        ArgumentNullException.ThrowIfNull(anonymous);
        var jwks = JwkSet.FromJson(await anonymous.GetStringAsync(new Uri("/.well-known/jwks.json", UriKind.Relative)), JWT.DefaultSettings.JsonMapper);
        var kid = (string)JWT.Headers(jwt)["kid"];
        var key = Assert.Single(jwks.Keys, candidate => candidate.KeyId == kid);
        using var ecdsa = key.ECDsaKey();
        return JsonDocument.Parse(JWT.Decode(jwt, ecdsa, JwsAlgorithm.ES256)).RootElement.Clone();
    }

    /// <summary>
    /// Fetches the status list the credential names (as any verifier would, from its URL), checks its signature
    /// with jose-jwt and reads the credential's bit with plain GZIP and base64url.
    /// </summary>
    public static async Task<bool> IsRevokedInStatusListAsync(HttpClient anonymous, JsonElement credential)
    {
        ArgumentNullException.ThrowIfNull(anonymous);
        var status = credential.GetProperty("credentialStatus");
        Assert.Equal("BitstringStatusListEntry", status.GetProperty("type").GetString());
        Assert.Equal("revocation", status.GetProperty("statusPurpose").GetString());
        var index = int.Parse(status.GetProperty("statusListIndex").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var url = new Uri(status.GetProperty("statusListCredential").GetString()!);

        using var response = await anonymous.GetAsync(new Uri(url.PathAndQuery, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/vc+jwt", response.Content.Headers.ContentType?.MediaType);
        var list = await VerifyWithJoseAsync(anonymous, await response.Content.ReadAsStringAsync());
        Assert.Contains("BitstringStatusListCredential", list.GetProperty("type").EnumerateArray().Select(type => type.GetString()));
        Assert.Equal(url.AbsoluteUri, list.GetProperty("id").GetString());
        var subject = list.GetProperty("credentialSubject");
        Assert.Equal("BitstringStatusList", subject.GetProperty("type").GetString());
        Assert.Equal("revocation", subject.GetProperty("statusPurpose").GetString());

        var encoded = subject.GetProperty("encodedList").GetString()!;
        Assert.StartsWith("u", encoded, StringComparison.Ordinal);
        var base64 = encoded[1..].Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        using var gzip = new GZipStream(new MemoryStream(Convert.FromBase64String(base64)), CompressionMode.Decompress);
        using var bits = new MemoryStream();
        await gzip.CopyToAsync(bits);
        Assert.True(bits.Length >= 16 * 1024, "the spec asks for at least 131,072 bits");
        return (bits.ToArray()[index / 8] & (0x80 >> (index % 8))) != 0;
    }
}
