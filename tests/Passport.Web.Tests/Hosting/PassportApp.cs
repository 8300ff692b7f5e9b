using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Passport.Testing;

namespace Passport.Web.Tests.Hosting;

/// <summary>
/// The real host (Program) on Kestrel at a free port, with its own database and silo ports, so browsers, HTTP
/// clients and (later) SignalR clients all talk to it as they would in production.
/// </summary>
public sealed class PassportApp : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Passport-demo-1";

    private readonly Dictionary<string, string?> _settings;

    private readonly string _environment;

    private readonly Action<IServiceCollection>? _services;

    // Issuer keys live outside the database; each host gets a fresh directory unless a test shares one on purpose.
    private readonly string _keyDirectory = Path.Combine(Path.GetTempPath(), $"passport-keys-{Guid.NewGuid():N}");

    /// <param name="kestrel">
    /// Listen on a real port (browsers need one). Tests of a failing start pass false: the in-memory server
    /// reports the start-up exception itself, where the Kestrel path hides it behind a disposed host.
    /// </param>
    /// <param name="environment">
    /// The hosting environment; outside Development the host adds HSTS and refuses to start without its production
    /// settings, which this host then gets: allowed hosts, an https issuer and a key-ring certificate made for it.
    /// </param>
    /// <param name="services">Replaces services of the host after its own registrations (a clock the test moves, say).</param>
    public PassportApp(
        TestDatabase database, IEnumerable<KeyValuePair<string, string?>>? overrides = null, bool kestrel = true, string environment = "Development",
        Action<IServiceCollection>? services = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        _environment = environment;
        _services = services;
        _settings = new Dictionary<string, string?>(database.Settings())
        {
            ["Orleans:SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:ClusterId"] = $"test-{Guid.NewGuid():N}",
            // Tests sign in far more often than a person; the limit itself has its own test.
            ["RateLimits:AuthPermitsPerMinute"] = "100000",
            ["RateLimits:ShareLinkPermitsPerMinute"] = "100000",
            ["RateLimits:CalendarFeedPermitsPerMinute"] = "100000",
            ["RateLimits:MatchPermitsPerMinute"] = "100000",
            ["Seed:Demo"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Passport"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore.Diagnostics"] = "Error",
            ["Credentials:KeyDirectory"] = _keyDirectory,
            // Tests write passports and then list candidates at once; the refresh interval itself is for production load.
            ["Matching:PoolRefresh"] = "00:00:00",
        };
        if (environment != "Development")
        {
            Directory.CreateDirectory(_keyDirectory);
            foreach (var (key, value) in ProductionSettings.In(_keyDirectory, allowedHosts: "127.0.0.1;localhost"))
            {
                _settings[key] = value;
            }
        }

        foreach (var (key, value) in overrides ?? [])
        {
            _settings[key] = value;
        }

        if (kestrel)
        {
            UseKestrel(0);
        }
    }

    /// <summary>The address Kestrel listens on, once started.</summary>
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public async Task<string> LoginAsync(string email, string password = DemoPassword)
    {
        using var client = CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenBody>())!.AccessToken;
    }

    public async Task<HttpClient> CreateClientForAsync(string email, string password = DemoPassword)
    {
        var token = await LoginAsync(email, password);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The issuer key directory this host uses.</summary>
    public string KeyDirectory => _settings["Credentials:KeyDirectory"]!;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_keyDirectory))
        {
            Directory.Delete(_keyDirectory, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }

    private sealed record TokenBody(string AccessToken);
}
