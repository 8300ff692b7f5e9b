using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Passport.Application.Accounts;
using Passport.Data.Accounts;
using Passport.Web.Accounts;
using Passport.Web.Hosting;

namespace Passport.Web.Tests.Accounts;

/// <summary>The account rules that need no host: common passwords, the sign-in lockout, session lifetime, trusted proxies.</summary>
public sealed class AccountRulesTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("password")]
    [InlineData("Password")]
    [InlineData(" password ")]
    [InlineData("12345678")]
    [InlineData("sunshine")]
    public async Task CommonPasswordValidator_ListedPassword_IsRefusedWhateverItsCase(string password)
    {
        var result = await new CommonPasswordValidator().ValidateAsync(null!, new PassportUser(), password);

        Assert.False(result.Succeeded);
        Assert.Equal(CommonPasswordValidator.Code, Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData("a long passphrase")]
    [InlineData("Passport-demo-1")]
    [InlineData("kaffe på torvet i Aarhus")]
    public async Task CommonPasswordValidator_UncommonPassword_Passes(string password)
    {
        var result = await new CommonPasswordValidator().ValidateAsync(null!, new PassportUser(), password);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void CommonPasswordValidator_ShippedList_HoldsTensOfThousandsOfPasswords() =>
        Assert.InRange(CommonPasswordValidator.Count, 40_000, 1_000_000);

    [Fact]
    public void SignInThrottle_FifthWrongPassword_MakesOnlyThatAddressWait()
    {
        var (throttle, time) = NewThrottle();
        using var _ = throttle;

        var answers = Enumerable.Range(0, 5).Select(_ => throttle.RecordFailure("ROBIN@EXAMPLE.ORG", "203.0.113.1")).ToList();

        Assert.All(answers.Take(4), answer => Assert.Null(answer));
        Assert.Equal(TimeSpan.FromMinutes(15), answers[4]);
        Assert.Equal(TimeSpan.FromMinutes(15), throttle.WaitFor("ROBIN@EXAMPLE.ORG", "203.0.113.1"));
        Assert.Null(throttle.WaitFor("ROBIN@EXAMPLE.ORG", "198.51.100.7"));
        Assert.Null(throttle.WaitFor("KIM@EXAMPLE.ORG", "203.0.113.1"));
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(TimeSpan.FromMinutes(10), throttle.WaitFor("ROBIN@EXAMPLE.ORG", "203.0.113.1"));
    }

    [Fact]
    public void SignInThrottle_AfterTheLockout_ThePairMayTryAgainWithAFullAllowance()
    {
        var (throttle, time) = NewThrottle();
        using var _ = throttle;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            throttle.RecordFailure("ROBIN@EXAMPLE.ORG", "203.0.113.1");
        }

        time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var wait = throttle.WaitFor("ROBIN@EXAMPLE.ORG", "203.0.113.1");
        var next = throttle.RecordFailure("ROBIN@EXAMPLE.ORG", "203.0.113.1");

        Assert.Null(wait);
        Assert.Null(next);
    }

    [Fact]
    public void SignInThrottle_RightPassword_ForgetsEarlierFailures()
    {
        var (throttle, _) = NewThrottle();
        using var _throttle = throttle;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            throttle.RecordFailure("ROBIN@EXAMPLE.ORG", "203.0.113.1");
        }

        throttle.Reset("ROBIN@EXAMPLE.ORG", "203.0.113.1");

        Assert.Null(throttle.RecordFailure("ROBIN@EXAMPLE.ORG", "203.0.113.1"));
    }

    [Fact]
    public void SessionCookie_WithinAndPastTheAbsoluteLifetime_IsKeptThenEnded()
    {
        var properties = new AuthenticationProperties();
        SessionCookie.MarkSignedIn(properties, Start);
        // Reissuing (a refreshed cookie) keeps the first sign-in time.
        SessionCookie.MarkSignedIn(properties, Start.AddHours(11));

        Assert.True(SessionCookie.IsWithinLifetime(properties, Start.AddHours(12), TimeSpan.FromHours(12)));
        Assert.False(SessionCookie.IsWithinLifetime(properties, Start.AddHours(12).AddSeconds(1), TimeSpan.FromHours(12)));
        Assert.False(SessionCookie.IsWithinLifetime(new AuthenticationProperties(), Start, TimeSpan.FromHours(12)));
    }

    [Fact]
    public void ForwardedHeaders_ConfiguredProxies_AreTheOnlyOnesTrusted()
    {
        var forwarded = ForwardedHeadersFor(new()
        {
            ["Proxy:KnownProxies"] = "10.1.2.3",
            ["Proxy:KnownNetworks:0"] = "172.16.0.0/12",
            ["Proxy:KnownNetworks:1"] = "fd00::/8",
        });

        Assert.Equal(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, forwarded.ForwardedHeaders);
        Assert.Equal([System.Net.IPAddress.Parse("10.1.2.3")], forwarded.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("172.16.0.0/12"), System.Net.IPNetwork.Parse("fd00::/8")], forwarded.KnownIPNetworks);
    }

    [Fact]
    public void ForwardedHeaders_NoProxyConfigured_NothingIsForwarded() =>
        Assert.Equal(ForwardedHeaders.None, ForwardedHeadersFor([]).ForwardedHeaders);

    [Theory]
    [InlineData("Proxy:KnownProxies", "not-an-address")]
    [InlineData("Proxy:KnownNetworks", "10.0.0.0/33")]
    public void ProxyOptions_BadValue_IsRefusedNamingTheSetting(string key, string value)
    {
        using var provider = ProxyServices(new() { [key] = value });

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ProxyOptions>>().Value);

        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
    }

    private static (SignInThrottle Throttle, FakeTimeProvider Time) NewThrottle()
    {
        var time = new FakeTimeProvider(Start);
        return (new SignInThrottle(Options.Create(new SignInLockoutOptions()), time), time);
    }

    private static ForwardedHeadersOptions ForwardedHeadersFor(Dictionary<string, string?> settings)
    {
        using var provider = ProxyServices(settings);
        return provider.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
    }

    private static ServiceProvider ProxyServices(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddPassportProxy();
        return builder.Services.BuildServiceProvider();
    }
}
