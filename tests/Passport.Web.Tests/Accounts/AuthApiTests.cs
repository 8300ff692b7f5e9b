using Microsoft.IdentityModel.JsonWebTokens;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Accounts;

public abstract class AuthApiTests(WebAppFixture fixture)
{
    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task Login_DemoJobSeeker_ReturnsTokenThatMeAcceptsWithTheJobSeekerRole()
    {
        using var client = _app.CreateClient();

        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "youth@demo.test", password = PassportApp.DemoPassword });
        var body = await login.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("accessToken").GetString());
        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.Equal(3600, body.GetProperty("expiresIn").GetInt32());
        Assert.Equal("youth@demo.test", me.GetProperty("email").GetString());
        Assert.Equal(["JobSeeker"], me.GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
        Assert.Equal(JsonValueKind.Null, me.GetProperty("organisationId").ValueKind);
        Assert.Equal("en", me.GetProperty("language").GetString());
    }

    [Fact]
    public async Task Login_WrongPassword_Returns401Problem()
    {
        using var client = _app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email = "youth@demo.test", password = "not the password" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Login_UnknownEmail_LooksLikeAWrongPassword()
    {
        using var client = _app.CreateClient();

        using var unknown = await client.PostAsJsonAsync("/api/auth/login", new { email = Hosting.Accounts.NewEmail(), password = "whatever it is" });
        using var wrong = await client.PostAsJsonAsync("/api/auth/login", new { email = "youth@demo.test", password = "whatever it is" });

        var unknownProblem = await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.Unauthorized);
        var wrongProblem = await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.Unauthorized);
        Assert.Equal(wrongProblem.GetProperty("detail").GetString(), unknownProblem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("{\"email\":")]
    [InlineData("{\"email\": 42, \"password\": []}")]
    [InlineData("not json at all")]
    public async Task Login_MalformedBody_Returns400Problem(string body)
    {
        using var client = _app.CreateClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/api/auth/login", content);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Login_FormInsteadOfJson_Returns415Problem()
    {
        using var client = _app.CreateClient();
        using var content = new FormUrlEncodedContent([new("email", "youth@demo.test"), new("password", PassportApp.DemoPassword)]);

        using var response = await client.PostAsync("/api/auth/login", content);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Login_MissingFields_Returns400NamingBoth()
    {
        using var client = _app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/auth/login", new { });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Login_RepeatedWrongPasswordsFromOneAddress_MakeItWait423WithRetryAfter()
    {
        var email = Hosting.Accounts.NewEmail();
        using var client = _app.CreateClient();
        (await Hosting.Accounts.RegisterAsync(client, email)).Dispose();

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await client.PostAsJsonAsync("/api/auth/login", new { email, password = "wrong password" });
            statuses.Add(wrong.StatusCode);
        }

        using var right = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Hosting.Accounts.Password });

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), HttpStatusCode.Locked], statuses);
        var problem = await ProblemAssert.IsProblemAsync(right, (HttpStatusCode)423);
        Assert.Contains("15", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.InRange(int.Parse(right.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 15 * 60);
    }

    [Fact]
    public async Task Login_UnknownEmailRepeatedWrongPasswords_AnswersExactlyAsAKnownAccount()
    {
        var known = Hosting.Accounts.NewEmail();
        var unknown = Hosting.Accounts.NewEmail();
        using var client = _app.CreateClient();
        (await Hosting.Accounts.RegisterAsync(client, known)).Dispose();

        var answers = new Dictionary<string, List<string>> { [known] = [], [unknown] = [] };
        foreach (var email in answers.Keys)
        {
            for (var attempt = 0; attempt < 6; attempt++)
            {
                using var wrong = await client.PostAsJsonAsync("/api/auth/login", new { email, password = "wrong password" });
                var problem = await ProblemAssert.IsProblemAsync(wrong, wrong.StatusCode);
                answers[email].Add($"{(int)wrong.StatusCode} {problem.GetProperty("title").GetString()} {problem.GetProperty("detail").GetString()}");
            }
        }

        Assert.Equal(answers[known], answers[unknown]);
        Assert.StartsWith("423", answers[unknown][^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_NewJobSeeker_Returns202AndTheAccountCanLogIn()
    {
        var email = Hosting.Accounts.NewEmail();
        using var client = _app.CreateClient();

        using var response = await Hosting.Accounts.RegisterAsync(client, email);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var token = await _app.LoginAsync(email, Hosting.Accounts.Password);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("/api/auth/login", response.Headers.Location?.OriginalString);
        Assert.Contains("sign in", accepted.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(email, me.GetProperty("email").GetString());
        Assert.Equal("Robin", me.GetProperty("displayName").GetString());
        Assert.Equal(["JobSeeker"], me.GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
        Assert.Equal(me.GetProperty("id").GetString(), new JsonWebTokenHandler().ReadJsonWebToken(token).Subject);
    }

    [Fact]
    public async Task Register_EmailTakenInOtherCase_AnswersExactlyAsForANewAddressAndChangesNothing()
    {
        var email = Hosting.Accounts.NewEmail();
        using var client = _app.CreateClient();
        (await Hosting.Accounts.RegisterAsync(client, email)).Dispose();

        using var taken = await Hosting.Accounts.RegisterAsync(client, "", new
        {
            email = email.ToUpperInvariant(), password = "someone else's phrase", displayName = "Mallory", birthYear = 2001, language = "nl",
        });
        using var fresh = await Hosting.Accounts.RegisterAsync(client, "", new
        {
            email = Hosting.Accounts.NewEmail(), password = "someone else's phrase", displayName = "Mallory", birthYear = 2001, language = "nl",
        });
        using var theirs = await client.PostAsJsonAsync("/api/auth/login", new { email, password = "someone else's phrase" });

        Assert.Equal(HttpStatusCode.Accepted, taken.StatusCode);
        Assert.Equal(fresh.StatusCode, taken.StatusCode);
        Assert.Equal(fresh.Headers.Location, taken.Headers.Location);
        Assert.Equal(await fresh.Content.ReadAsStringAsync(), await taken.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, theirs.StatusCode);
        Assert.False(string.IsNullOrEmpty(await _app.LoginAsync(email, Hosting.Accounts.Password)));
    }

    [Theory]
    [InlineData("password")]
    [InlineData("PASSWORD")]
    [InlineData("iloveyou")]
    [InlineData("1qaz2wsx")]
    public async Task Register_CommonPassword_Returns400OnPasswordAndStoresNothing(string common)
    {
        var email = Hosting.Accounts.NewEmail();
        using var client = _app.CreateClient();

        using var response = await Hosting.Accounts.RegisterAsync(client, email,
            new { email, password = common, displayName = "Robin", birthYear = 2005, language = "en" });
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = common });

        var errors = (await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["password"], errors.EnumerateObject().Select(property => property.Name));
        Assert.Contains("easy to guess", errors.GetProperty("password")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task Register_CommonPasswordInDanish_IsExplainedInDanish()
    {
        using var client = _app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("da");
        var email = Hosting.Accounts.NewEmail();

        using var response = await Hosting.Accounts.RegisterAsync(client, email,
            new { email, password = "password", displayName = "Robin", birthYear = 2005, language = "da" });

        var errors = (await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Contains("let at gætte", errors.GetProperty("password")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_TooYoungWithBadLanguage_Returns400NamingBothFields()
    {
        using var client = _app.CreateClient();

        using var response = await Hosting.Accounts.RegisterAsync(client, "", new
        {
            email = Hosting.Accounts.NewEmail(), password = Hosting.Accounts.Password, displayName = "Kid",
            birthYear = TimeProvider.System.GetUtcNow().Year - 5, language = "de",
        });

        var errors = (await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["birthYear", "language"], errors.EnumerateObject().Select(property => property.Name).Order());
    }

    [Fact]
    public async Task Register_ShortPassword_Returns400OnPasswordAndStoresNothing()
    {
        var email = Hosting.Accounts.NewEmail();
        using var client = _app.CreateClient();

        using var response = await Hosting.Accounts.RegisterAsync(client, email,
            new { email, password = "short", displayName = "Robin", birthYear = 2005, language = "en" });
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = "short" });

        var errors = (await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Contains("8", errors.GetProperty("password")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task Me_WithoutToken_Returns401Problem()
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync("/api/me");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Me_WithTamperedToken_Returns401()
    {
        var token = await _app.LoginAsync("youth@demo.test");
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(parts[1]))
            .Replace("\"role\":\"JobSeeker\"", "\"role\":\"Admin\"", StringComparison.Ordinal);
        var forged = $"{parts[0]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload)}.{parts[2]}";
        using var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);

        using var response = await client.GetAsync("/api/admin/cluster");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Me_TwoJobSeekers_EachSeeOnlyTheirOwnAccount()
    {
        var (first, firstEmail) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        var (second, secondEmail) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using (first)
        using (second)
        {
            Assert.Equal(firstEmail, (await first.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("email").GetString());
            Assert.Equal(secondEmail, (await second.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("email").GetString());
        }
    }

    [Fact]
    public async Task PutMe_NewNameAndLanguage_AreStoredAndReturned()
    {
        var (client, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using (client)
        {
            using var response = await client.PutAsJsonAsync("/api/me", new { displayName = "  Robin B  ", language = "nb" });
            var stored = await client.GetFromJsonAsync<JsonElement>("/api/me");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Robin B", stored.GetProperty("displayName").GetString());
            Assert.Equal("nb", stored.GetProperty("language").GetString());
        }
    }

    [Fact]
    public async Task PutMe_EmptyName_Returns400AndKeepsTheOldName()
    {
        var (client, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using (client)
        {
            using var response = await client.PutAsJsonAsync("/api/me", new { displayName = " ", language = "nl" });

            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
            var stored = await client.GetFromJsonAsync<JsonElement>("/api/me");
            Assert.Equal("Robin", stored.GetProperty("displayName").GetString());
            Assert.Equal("en", stored.GetProperty("language").GetString());
        }
    }

    [Fact]
    public async Task Problems_AcceptLanguageDutch_AreInDutch()
    {
        using var client = _app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nl-NL,nl;q=0.9");

        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email = "youth@demo.test", password = "wrong" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("nl", response.Content.Headers.ContentLanguage.Single());
        Assert.Contains("wachtwoord", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteAuthApiTests(SqliteWebAppFixture fixture) : AuthApiTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresAuthApiTests(PostgresWebAppFixture fixture) : AuthApiTests(fixture);
