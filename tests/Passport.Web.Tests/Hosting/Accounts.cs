using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Passport.Web.Tests.Hosting;

/// <summary>Fresh job-seeker accounts through the public API, so no test depends on another's data.</summary>
public static class Accounts
{
    public const string Password = "a long passphrase";

    public static string NewEmail() => $"js-{Guid.NewGuid():N}@example.org";

    public static async Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, object? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var body = overrides ?? new { email, password = Password, displayName = "Robin", birthYear = 2005, language = "en" };
        return await client.PostAsJsonAsync("/api/auth/register", body);
    }

    /// <summary><c>DELETE /api/me</c> with the password again, as erasure asks for it.</summary>
    public static Task<HttpResponseMessage> EraseAsync(HttpClient client, string? password = Password)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/me") { Content = JsonContent.Create(new { password }) });
    }

    /// <summary>Registers a job seeker and returns a client carrying their token.</summary>
    public static async Task<(HttpClient Client, string Email)> NewJobSeekerAsync(PassportApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var email = NewEmail();
        using (var anonymous = app.CreateClient())
        using (var response = await RegisterAsync(anonymous, email))
        {
            response.EnsureSuccessStatusCode();
        }

        var token = await app.LoginAsync(email, Password);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (client, email);
    }

    /// <summary>Registers a job seeker and returns a client carrying their token, with their user id.</summary>
    public static async Task<(HttpClient Client, Guid Id)> NewJobSeekerWithIdAsync(PassportApp app)
    {
        var (client, _) = await NewJobSeekerAsync(app);
        return (client, (await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me")).GetProperty("id").GetGuid());
    }

    /// <summary>Registers a 14-year-old job seeker (below every country's digital consent age but Norway's) and signs them in.</summary>
    public static async Task<(HttpClient Client, Guid Id, string Email)> NewMinorAsync(PassportApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var email = NewEmail();
        using (var anonymous = app.CreateClient())
        using (var registered = await RegisterAsync(anonymous, email, new
        {
            email,
            password = Password,
            displayName = "Kim",
            birthYear = DateTimeOffset.UtcNow.Year - 14,
            language = "en",
        }))
        {
            registered.EnsureSuccessStatusCode();
        }

        var client = await app.CreateClientForAsync(email, Password);
        return (client, (await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me")).GetProperty("id").GetGuid(), email);
    }
}
