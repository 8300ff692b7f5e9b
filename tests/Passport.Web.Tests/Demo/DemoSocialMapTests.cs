using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Passport.Web.Demo;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Demo;

/// <summary>The demo social map around Eindhoven, the demo young person's referral, and reach figures both suppressed and shown.</summary>
public abstract class DemoSocialMapTests(WebAppFixture fixture)
{
    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task Start_DemoSeeding_MapAroundEindhovenWithReferralsAndReach()
    {
        using var coach = await _app.CreateClientForAsync(DemoPlanSeeder.CoachEmail);
        using var youth = await _app.CreateClientForAsync(DemoPlanSeeder.YouthEmail);

        var map = await coach.GetFromJsonAsync<JsonElement>("/api/municipality/social-map?pageSize=100");
        var plan = await youth.GetFromJsonAsync<JsonElement>("/api/me/plan");

        var demo = _app.Services.GetRequiredService<DemoSocialMap>();
        Assert.True(demo.Organisations.Count >= 25);
        var ours = map.EnumerateArray().Where(entry => demo.Organisations.Any(known => known.Id == entry.GetProperty("organisation").GetProperty("id").GetGuid())).ToList();
        Assert.Equal(demo.Organisations.Count, ours.Count);
        var labels = ours.SelectMany(entry => entry.GetProperty("impact").EnumerateObject().Select(count => count.Value.GetProperty("label").GetString())).ToList();
        Assert.Contains("<5", labels);
        Assert.Contains("10", labels);
        var referral = plan.GetProperty("steps").EnumerateArray().Single(step => step.GetProperty("referral").ValueKind != JsonValueKind.Null).GetProperty("referral");
        Assert.True(referral.GetProperty("went").GetBoolean());
        Assert.Equal(["name"], referral.GetProperty("shared").EnumerateArray().Select(share => share.GetString()));
    }

    [Fact]
    public async Task SeedAsync_SecondTime_AddsNothing()
    {
        using var coach = await _app.CreateClientForAsync(DemoPlanSeeder.CoachEmail);
        var before = (await coach.GetFromJsonAsync<JsonElement>("/api/municipality/social-map?pageSize=100")).ToString();

        await _app.Services.GetRequiredService<DemoSocialMapSeeder>().SeedAsync(CancellationToken.None);

        Assert.Equal(before, (await coach.GetFromJsonAsync<JsonElement>("/api/municipality/social-map?pageSize=100")).ToString());
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteDemoSocialMapTests(SqliteWebAppFixture fixture) : DemoSocialMapTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresDemoSocialMapTests(PostgresWebAppFixture fixture) : DemoSocialMapTests(fixture);
