using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Passport.Web.Demo;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Demo;

/// <summary>The demo's second municipality, its coach, and a warm and a cold hand-over of demo young people other than the walk-through's.</summary>
public abstract class DemoHandoverTests(WebAppFixture fixture)
{
    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task Start_DemoSeeding_HasACompletedWarmAndAnExpiredColdHandover()
    {
        using var warmYouth = await _app.CreateClientForAsync(DemoHandoverSeeder.WarmYouthEmail);
        using var coldYouth = await _app.CreateClientForAsync(DemoHandoverSeeder.ColdYouthEmail);
        using var coach2 = await _app.CreateClientForAsync(DemoHandoverSeeder.SecondCoachEmail);

        var warm = Assert.Single((await warmYouth.GetFromJsonAsync<JsonElement>("/api/me/handovers")).EnumerateArray());
        var cold = Assert.Single((await coldYouth.GetFromJsonAsync<JsonElement>("/api/me/handovers")).EnumerateArray());
        var incoming = await coach2.GetFromJsonAsync<JsonElement>("/api/organisation/handovers");

        Assert.Equal("completed", warm.GetProperty("status").GetString());
        Assert.True(warm.GetProperty("warm").GetBoolean());
        Assert.Equal("expired", cold.GetProperty("status").GetString());
        Assert.False(cold.GetProperty("warm").GetBoolean());
        Assert.Contains(incoming.EnumerateArray(), handover => handover.GetProperty("id").GetString() == warm.GetProperty("id").GetString());
        var demo = _app.Services.GetRequiredService<DemoContent>();
        var warmId = demo.Accounts.Single(account => account.Email == DemoHandoverSeeder.WarmYouthEmail).Id;
        using (var plan = await coach2.GetAsync($"/api/people/{warmId}/plan"))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, plan.StatusCode);
        }

        using var coach = await _app.CreateClientForAsync(DemoPlanSeeder.CoachEmail);
        using var sendingAfterOverlap = await coach.GetAsync($"/api/people/{warmId}/plan");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, sendingAfterOverlap.StatusCode);
    }

    [Fact]
    public async Task SeedAsync_SecondTime_AddsNothing()
    {
        using var warmYouth = await _app.CreateClientForAsync(DemoHandoverSeeder.WarmYouthEmail);

        await _app.Services.GetRequiredService<DemoHandoverSeeder>().SeedAsync(CancellationToken.None);

        Assert.Single((await warmYouth.GetFromJsonAsync<JsonElement>("/api/me/handovers")).EnumerateArray());
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteDemoHandoverTests(SqliteWebAppFixture fixture) : DemoHandoverTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresDemoHandoverTests(PostgresWebAppFixture fixture) : DemoHandoverTests(fixture);
