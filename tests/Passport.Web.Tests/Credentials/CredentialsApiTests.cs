using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jose;
using Microsoft.Extensions.DependencyInjection;
using Passport.Application.Credentials;
using Passport.Web.Credentials;
using Passport.Web.Tests.Hosting;
using static Passport.Web.Tests.Credentials.CredentialClient;

namespace Passport.Web.Tests.Credentials;

/// <summary>Open Badges credentials over HTTP, checked the way an employer's software would check them.</summary>
public abstract class CredentialsApiTests(WebAppFixture fixture)
{
    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task Create_MeasuredSkill_VerifiesWithJoseAgainstThePublishedJwksAndHasTheOpenBadgesFields()
    {
        var (client, userId, skills) = await NewMeasuredJobSeekerAsync(_app);
        using var anonymous = _app.CreateClient();
        using (client)
        {
            var (id, jwt) = await CreateAsync(client, new { skillId = skills[0] });

            var headers = JWT.Headers(jwt);
            Assert.Equal("ES256", headers["alg"]);
            Assert.Equal("vc+jwt", headers["typ"]);
            Assert.Equal("vc", headers["cty"]);
            var credential = await VerifyWithJoseAsync(anonymous, jwt);

            Assert.Equal(["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                credential.GetProperty("@context").EnumerateArray().Select(context => context.GetString()));
            Assert.Equal($"urn:uuid:{id}", credential.GetProperty("id").GetString());
            Assert.Equal(["VerifiableCredential", "OpenBadgeCredential"], credential.GetProperty("type").EnumerateArray().Select(type => type.GetString()));
            var issuer = credential.GetProperty("issuer");
            Assert.EndsWith("/issuer", issuer.GetProperty("id").GetString(), StringComparison.Ordinal);
            Assert.Equal(["Profile"], issuer.GetProperty("type").EnumerateArray().Select(type => type.GetString()));
            Assert.Equal("Passport", issuer.GetProperty("name").GetString());
            Assert.True(DateTimeOffset.TryParse(credential.GetProperty("validFrom").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
            Assert.False(string.IsNullOrWhiteSpace(credential.GetProperty("name").GetString()));
            var subject = credential.GetProperty("credentialSubject");
            Assert.Equal($"urn:uuid:{userId}", subject.GetProperty("id").GetString());
            Assert.Equal(["AchievementSubject"], subject.GetProperty("type").EnumerateArray().Select(type => type.GetString()));
            var achievement = subject.GetProperty("achievement");
            Assert.Equal(["Achievement"], achievement.GetProperty("type").EnumerateArray().Select(type => type.GetString()));
            foreach (var field in new[] { "id", "name", "description" })
            {
                Assert.False(string.IsNullOrWhiteSpace(achievement.GetProperty(field).GetString()), field);
            }

            Assert.False(string.IsNullOrWhiteSpace(achievement.GetProperty("criteria").GetProperty("narrative").GetString()));
            Assert.StartsWith("http://data.europa.eu/esco/", achievement.GetProperty("alignment")[0].GetProperty("targetUrl").GetString(), StringComparison.Ordinal);
            Assert.Equal(2, subject.GetProperty("result").GetArrayLength());

            // VC-JOSE-COSE: the credential is the payload (no "vc" claim), with the registered claims beside it.
            Assert.False(credential.TryGetProperty("vc", out _));
            Assert.Equal(issuer.GetProperty("id").GetString(), credential.GetProperty("iss").GetString());
            Assert.Equal($"urn:uuid:{id}", credential.GetProperty("jti").GetString());
            Assert.Equal($"urn:uuid:{userId}", credential.GetProperty("sub").GetString());
            Assert.Equal(credential.GetProperty("iat").GetInt64(), credential.GetProperty("nbf").GetInt64());
            Assert.False(await IsRevokedInStatusListAsync(anonymous, credential));
        }
    }

    [Fact]
    public async Task Create_WithForgedHostHeader_NamesTheConfiguredIssuerAndStatusList()
    {
        var issuerBase = _app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CredentialsOptions>>().Value.IssuerUrl!.AbsoluteUri;
        var (client, _, skills) = await NewMeasuredJobSeekerAsync(_app);
        using var anonymous = _app.CreateClient();
        using (client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/me/credentials", UriKind.Relative))
            {
                Content = JsonContent.Create(new { skillId = skills[0] }),
            };
            request.Headers.Host = "evil.example";
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var credential = await VerifyWithJoseAsync(anonymous, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jwt").GetString()!);

            Assert.Equal($"{issuerBase}issuer", credential.GetProperty("issuer").GetProperty("id").GetString());
            Assert.Equal($"{issuerBase}issuer", credential.GetProperty("iss").GetString());
            var statusList = credential.GetProperty("credentialStatus").GetProperty("statusListCredential").GetString()!;
            Assert.StartsWith($"{issuerBase}credentials/status/", statusList, StringComparison.Ordinal);
            Assert.DoesNotContain("evil.example", credential.GetRawText(), StringComparison.OrdinalIgnoreCase);

            using var profile = new HttpRequestMessage(HttpMethod.Get, new Uri("/issuer", UriKind.Relative));
            profile.Headers.Host = "evil.example";
            using var published = await anonymous.SendAsync(profile);
            Assert.Equal($"{issuerBase}issuer", (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
            using var list = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(statusList).PathAndQuery, UriKind.Relative));
            list.Headers.Host = "evil.example";
            using var listed = await anonymous.SendAsync(list);
            Assert.Equal(statusList, (await VerifyWithJoseAsync(anonymous, await listed.Content.ReadAsStringAsync())).GetProperty("id").GetString());
        }
    }

    [Theory]
    [InlineData(null, "http://localhost:5080/")]
    [InlineData("http://localhost:5080", "http://localhost:5080/")]
    [InlineData("http://+:8080;https://example.org", "http://localhost:8080/")]
    [InlineData("https://0.0.0.0:7001", "https://localhost:7001/")]
    [InlineData("http://[::]:5000", "http://localhost:5000/")]
    public void DevelopmentIssuerUrl_FromTheConfiguredAddresses_IsTheFirstWithWildcardsAsLocalhost(string? urls, string expected) =>
        Assert.Equal(new Uri(expected), CredentialsHostingExtensions.DevelopmentIssuerUrl(urls));

    [Fact]
    public async Task Revoke_OwnCredential_ShowsAsRevokedInTheStatusListAndToTheVerifier()
    {
        var (client, _, skills) = await NewMeasuredJobSeekerAsync(_app);
        using var anonymous = _app.CreateClient();
        using (client)
        {
            var (id, jwt) = await CreateAsync(client, new { skillId = skills[0] });
            var (otherId, otherJwt) = await CreateAsync(client, new { summary = true });
            var credential = await VerifyWithJoseAsync(anonymous, jwt);

            using var revoked = await client.DeleteAsync(new Uri($"/api/me/credentials/{id}", UriKind.Relative));
            using var again = await client.DeleteAsync(new Uri($"/api/me/credentials/{id}", UriKind.Relative));

            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
            Assert.True(await IsRevokedInStatusListAsync(anonymous, credential));
            Assert.False(await IsRevokedInStatusListAsync(anonymous, await VerifyWithJoseAsync(anonymous, otherJwt)));
            var listed = (await client.GetFromJsonAsync<JsonElement>("/api/me/credentials")).EnumerateArray().ToList();
            var entry = Assert.Single(listed, item => item.GetProperty("id").GetGuid() == id);
            Assert.Equal("Revoked", entry.GetProperty("status").GetString());
            Assert.Equal("skill", entry.GetProperty("kind").GetString());
            Assert.Equal(skills[0], entry.GetProperty("skillId").GetString());
            Assert.NotEqual(JsonValueKind.Null, entry.GetProperty("revokedAt").ValueKind);
            Assert.False(entry.TryGetProperty("jwt", out _));
            Assert.Equal("Issued", Assert.Single(listed, item => item.GetProperty("id").GetGuid() == otherId).GetProperty("status").GetString());
            var verdict = await VerifyAsync(anonymous, jwt);
            Assert.True(verdict.GetProperty("genuine").GetBoolean());
            Assert.True(verdict.GetProperty("revoked").GetBoolean());
        }
    }

    [Fact]
    public async Task Create_Summary_OneAchievementWithTwoResultsPerMeasuredSkill()
    {
        var (client, _, skills) = await NewMeasuredJobSeekerAsync(_app);
        using var anonymous = _app.CreateClient();
        using (client)
        {
            var (_, jwt) = await CreateAsync(client, new { summary = true });

            var credential = await VerifyWithJoseAsync(anonymous, jwt);

            var subject = credential.GetProperty("credentialSubject");
            Assert.Equal("Skills summary", subject.GetProperty("achievement").GetProperty("name").GetString());
            Assert.Equal(skills.Count, subject.GetProperty("achievement").GetProperty("alignment").GetArrayLength());
            Assert.Equal(2 * skills.Count, subject.GetProperty("result").GetArrayLength());
            var listed = Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/me/credentials")).EnumerateArray());
            Assert.Equal("summary", listed.GetProperty("kind").GetString());
            Assert.Equal(JsonValueKind.Null, listed.GetProperty("skillId").ValueKind);
        }
    }

    [Fact]
    public async Task Rotate_AfterIssuing_OldCredentialStillVerifiesAndNewOnesUseTheNewKid()
    {
        var (client, _, skills) = await NewMeasuredJobSeekerAsync(_app);
        using var anonymous = _app.CreateClient();
        using var admin = await _app.CreateClientForAsync("admin@demo.test");
        using (client)
        {
            var (_, before) = await CreateAsync(client, new { skillId = skills[0] });

            using var rotated = await admin.PostAsync(new Uri("/api/admin/issuer-keys/rotate", UriKind.Relative), null);
            var newKid = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("kid").GetString();
            var (_, after) = await CreateAsync(client, new { skillId = skills[0] });

            Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
            Assert.NotEqual(newKid, JWT.Headers(before)["kid"]);
            Assert.Equal(newKid, JWT.Headers(after)["kid"]);
            var jwks = JsonDocument.Parse(await anonymous.GetStringAsync(new Uri("/.well-known/jwks.json", UriKind.Relative))).RootElement;
            var kids = jwks.GetProperty("keys").EnumerateArray().Select(key => key.GetProperty("kid").GetString()).ToList();
            Assert.Contains(newKid, kids);
            Assert.Contains((string)JWT.Headers(before)["kid"], kids);
            Assert.All(jwks.GetProperty("keys").EnumerateArray(), key =>
            {
                Assert.Equal(["kty", "crv", "x", "y", "kid", "use", "alg"], key.EnumerateObject().Select(member => member.Name));
                Assert.Equal("ES256", key.GetProperty("alg").GetString());
            });
            await VerifyWithJoseAsync(anonymous, before);
            await VerifyWithJoseAsync(anonymous, after);
            Assert.True((await VerifyAsync(anonymous, before)).GetProperty("genuine").GetBoolean());
            Assert.True((await VerifyAsync(anonymous, after)).GetProperty("genuine").GetBoolean());
        }
    }

    [Fact]
    public async Task RevokeAllForErasure_Account_RevokesEveryCredentialAndLeavesNoLink()
    {
        var (client, userId, skills) = await NewMeasuredJobSeekerAsync(_app);
        using var anonymous = _app.CreateClient();
        using (client)
        {
            var (_, skill) = await CreateAsync(client, new { skillId = skills[0] });
            var (_, summary) = await CreateAsync(client, new { summary = true });

            await _app.Services.GetRequiredService<CredentialService>().RevokeAllForErasureAsync(userId, CancellationToken.None);

            Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/me/credentials")).EnumerateArray());
            Assert.True(await IsRevokedInStatusListAsync(anonymous, await VerifyWithJoseAsync(anonymous, skill)));
            Assert.True((await VerifyAsync(anonymous, summary)).GetProperty("revoked").GetBoolean());
        }
    }

    [Fact]
    public async Task Verify_GenuineCredential_SaysGenuineUnalteredNotRevokedWithWhatItStates()
    {
        var (client, _, skills) = await NewMeasuredJobSeekerAsync(_app);
        using var anonymous = _app.CreateClient();
        using (client)
        {
            var (_, jwt) = await CreateAsync(client, new { skillId = skills[0] });

            var verdict = await VerifyAsync(anonymous, jwt);
            using var plain = await anonymous.PostAsync(new Uri("/api/credentials/verify", UriKind.Relative), new StringContent(jwt, Encoding.UTF8, "text/plain"));

            Assert.True(verdict.GetProperty("genuine").GetBoolean());
            Assert.True(verdict.GetProperty("unaltered").GetBoolean());
            Assert.False(verdict.GetProperty("revoked").GetBoolean());
            Assert.False(verdict.GetProperty("expired").GetBoolean());
            Assert.Equal("Passport", verdict.GetProperty("issuer").GetString());
            Assert.Equal(JsonValueKind.Null, verdict.GetProperty("problem").ValueKind);
            Assert.Equal(2, verdict.GetProperty("subject").GetProperty("results").GetArrayLength());
            Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
            Assert.True((await plain.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("genuine").GetBoolean());
        }
    }

    [Fact]
    public async Task Verify_TamperedPayload_IsNeitherGenuineNorUnaltered()
    {
        var (client, _, skills) = await NewMeasuredJobSeekerAsync(_app);
        using var anonymous = _app.CreateClient();
        using (client)
        {
            var (_, jwt) = await CreateAsync(client, new { skillId = skills[0] });
            var parts = jwt.Split('.');
            var payload = Encoding.UTF8.GetString(Base64Url.Decode(parts[1])).Replace("\"value\":\"", "\"value\":\"5", StringComparison.Ordinal);
            var tampered = $"{parts[0]}.{Base64Url.Encode(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";

            var verdict = await VerifyAsync(anonymous, tampered);

            Assert.False(verdict.GetProperty("genuine").GetBoolean());
            Assert.False(verdict.GetProperty("unaltered").GetBoolean());
        }
    }

    [Fact]
    public async Task Verify_UnknownKey_IsNotGenuine()
    {
        using var anonymous = _app.CreateClient();
        using var stranger = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var forged = JWT.Encode("""{"type":["VerifiableCredential","OpenBadgeCredential"]}""", stranger, JwsAlgorithm.ES256,
            new Dictionary<string, object> { ["kid"] = "not-ours", ["typ"] = "vc+jwt" });

        var verdict = await VerifyAsync(anonymous, forged);

        Assert.False(verdict.GetProperty("genuine").GetBoolean());
        Assert.Equal("unknownKey", verdict.GetProperty("problem").GetString());
    }

    [Theory]
    [InlineData("not a credential")]
    [InlineData("a.b.c")]
    [InlineData("")]
    [InlineData("eyJhbGciOiJFUzI1NiIsImFsZyI6Im5vbmUifQ.e30.AAAA")] // a header naming "alg" twice
    public async Task Verify_NotAJwt_Returns400Problem(string text)
    {
        using var anonymous = _app.CreateClient();

        using var response = await anonymous.PostAsJsonAsync("/api/credentials/verify", new { jwt = text });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Verify_MalformedJsonOrOtherMediaType_Returns400Or415Problem()
    {
        using var anonymous = _app.CreateClient();

        using var malformed = await anonymous.PostAsync(new Uri("/api/credentials/verify", UriKind.Relative), new StringContent("{\"jwt\":", Encoding.UTF8, "application/json"));
        using var xml = await anonymous.PostAsync(new Uri("/api/credentials/verify", UriKind.Relative), new StringContent("<jwt/>", Encoding.UTF8, "application/xml"));

        await ProblemAssert.IsProblemAsync(malformed, HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(xml, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Create_NeitherOrBothOrUnknownSkill_Returns400Problem()
    {
        var (client, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using (client)
        {
            using var neither = await client.PostAsJsonAsync("/api/me/credentials", new { });
            using var both = await client.PostAsJsonAsync("/api/me/credentials", new { skillId = "teamwork", summary = true });
            using var unknown = await client.PostAsJsonAsync("/api/me/credentials", new { skillId = "juggling" });
            using var falseSummary = await client.PostAsJsonAsync("/api/me/credentials", new { summary = false });
            using var malformed = await client.PostAsync(new Uri("/api/me/credentials", UriKind.Relative), new StringContent("{\"skillId\": 3", Encoding.UTF8, "application/json"));

            foreach (var response in new[] { neither, both, unknown, falseSummary })
            {
                Assert.True((await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("skillId", out _));
            }

            await ProblemAssert.IsProblemAsync(malformed, HttpStatusCode.BadRequest);
            Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/me/credentials")).EnumerateArray());
        }
    }

    [Fact]
    public async Task Create_NothingMeasuredYet_Returns409ProblemAndIssuesNothing()
    {
        var (client, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using (client)
        {
            using var skill = await client.PostAsJsonAsync("/api/me/credentials", new { skillId = "teamwork" });
            using var summary = await client.PostAsJsonAsync("/api/me/credentials", new { summary = true });

            await ProblemAssert.IsProblemAsync(skill, HttpStatusCode.Conflict);
            await ProblemAssert.IsProblemAsync(summary, HttpStatusCode.Conflict);
            Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/me/credentials")).EnumerateArray());
        }
    }

    [Fact]
    public async Task Credential_AnotherJobSeeker_Gets404AndCannotRevokeIt()
    {
        var (owner, _, skills) = await NewMeasuredJobSeekerAsync(_app);
        var (other, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using (owner)
        using (other)
        {
            var (id, _) = await CreateAsync(owner, new { skillId = skills[0] });

            using var read = await other.GetAsync(new Uri($"/api/me/credentials/{id}", UriKind.Relative));
            using var revoke = await other.DeleteAsync(new Uri($"/api/me/credentials/{id}", UriKind.Relative));
            using var unknown = await owner.DeleteAsync(new Uri($"/api/me/credentials/{Guid.NewGuid()}", UriKind.Relative));

            await ProblemAssert.IsProblemAsync(read, HttpStatusCode.NotFound);
            await ProblemAssert.IsProblemAsync(revoke, HttpStatusCode.NotFound);
            await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
            Assert.Empty((await other.GetFromJsonAsync<JsonElement>("/api/me/credentials")).EnumerateArray());
            var mine = await owner.GetFromJsonAsync<JsonElement>($"/api/me/credentials/{id}");
            Assert.Equal("Issued", mine.GetProperty("status").GetString());
        }
    }

    [Theory]
    [InlineData("GET", "/api/me/credentials")]
    [InlineData("POST", "/api/me/credentials")]
    [InlineData("GET", "/api/me/credentials/0193a1b2-0000-7000-8000-000000000001")]
    [InlineData("DELETE", "/api/me/credentials/0193a1b2-0000-7000-8000-000000000001")]
    [InlineData("POST", "/api/admin/issuer-keys/rotate")]
    public async Task PersonalEndpoints_Unauthenticated_Return401(string method, string path)
    {
        using var anonymous = _app.CreateClient();

        using var response = await anonymous.SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("employer@demo.test")]
    [InlineData("school@demo.test")]
    [InlineData("coach@demo.test")]
    [InlineData("admin@demo.test")]
    public async Task MyCredentials_StaffRoles_Return403Problem(string email)
    {
        using var staff = await _app.CreateClientForAsync(email);

        foreach (var (method, path) in new[] { ("GET", "/api/me/credentials"), ("POST", "/api/me/credentials"), ("DELETE", "/api/me/credentials/0193a1b2-0000-7000-8000-000000000001") })
        {
            using var response = await staff.SendAsync(Request(method, path));
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task Rotate_JobSeeker_Returns403Problem()
    {
        using var youth = await _app.CreateClientForAsync("youth@demo.test");

        using var response = await youth.PostAsync(new Uri("/api/admin/issuer-keys/rotate", UriKind.Relative), null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task PublishedDocuments_Anonymous_IssuerProfileJwksAndUnknownListAnswerAsDocumented()
    {
        using var anonymous = _app.CreateClient();

        var profile = JsonDocument.Parse(await anonymous.GetStringAsync(new Uri("/issuer", UriKind.Relative))).RootElement;
        using var jwks = await anonymous.GetAsync(new Uri("/.well-known/jwks.json", UriKind.Relative));
        using var missing = await anonymous.GetAsync(new Uri("/credentials/status/999999", UriKind.Relative));

        Assert.Equal(["Profile"], profile.GetProperty("type").EnumerateArray().Select(type => type.GetString()));
        Assert.EndsWith("/issuer", profile.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("https://www.w3.org/ns/credentials/v2", profile.GetProperty("@context")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, jwks.StatusCode);
        Assert.DoesNotContain("\"d\"", await jwks.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound);
    }

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), new Uri(path, UriKind.Relative))
    {
        Content = method == "POST" ? JsonContent.Create(new { summary = true }) : null,
    };

    private static async Task<JsonElement> VerifyAsync(HttpClient client, string jwt)
    {
        using var response = await client.PostAsJsonAsync("/api/credentials/verify", new { jwt });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteCredentialsApiTests(SqliteWebAppFixture fixture) : CredentialsApiTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresCredentialsApiTests(PostgresWebAppFixture fixture) : CredentialsApiTests(fixture);
