using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Passport.Data.Appointments;
using Passport.Grains.Sprints;
using Passport.Web.Demo;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Demo;

/// <summary>The demo young person's plan, contact person and appointments that the demo seeding adds.</summary>
public abstract class DemoPlanTests(WebAppFixture fixture)
{
    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task Start_DemoSeeding_YouthHasAPlanACoachAndAnAppointmentTomorrow()
    {
        using var youth = await _app.CreateClientForAsync(DemoPlanSeeder.YouthEmail);

        var plan = await youth.GetFromJsonAsync<JsonElement>("/api/me/plan");
        var people = await youth.GetFromJsonAsync<JsonElement>("/api/me/people");
        var appointments = await youth.GetFromJsonAsync<JsonElement>("/api/me/appointments");

        Assert.False(string.IsNullOrWhiteSpace(plan.GetProperty("goal").GetString()));
        // The demo social map adds a referral step of its own (DemoSocialMapTests).
        var statuses = plan.GetProperty("steps").EnumerateArray()
            .Where(step => step.GetProperty("referral").ValueKind == JsonValueKind.Null).Select(step => step.GetProperty("status").GetString()).ToList();
        Assert.Equal(5, statuses.Count);
        Assert.Equal(5, statuses.Distinct().Count());
        Assert.Contains(people.EnumerateArray(), person => person.GetProperty("reach").GetProperty("email").GetString() == DemoPlanSeeder.CoachEmail);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(_app.Services.GetRequiredService<IOptions<SprintOptions>>().Value.TimeZone);
        var tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).Date).AddDays(1);
        Assert.Contains(appointments.EnumerateArray(), appointment =>
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(appointment.GetProperty("startsAt").GetDateTimeOffset(), zone).Date) == tomorrow);
    }

    [Fact]
    public async Task LastContacts_DemoCoachOrganisation_HoldsTheYouthsPastAppointment()
    {
        var demo = _app.Services.GetRequiredService<DemoContent>();
        var youth = demo.Accounts.Single(account => account.Email == DemoPlanSeeder.YouthEmail);
        var coach = demo.Accounts.Single(account => account.Email == DemoPlanSeeder.CoachEmail);

        var last = await _app.Services.GetRequiredService<AppointmentRepository>().LastContactsAsync(coach.Organisation!.Value, DateTimeOffset.UtcNow);

        Assert.True(last[youth.Id] < DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task SeedAsync_SecondTime_AddsNothing()
    {
        using var youth = await _app.CreateClientForAsync(DemoPlanSeeder.YouthEmail);
        var before = await CountAsync(youth);

        await _app.Services.GetRequiredService<DemoPlanSeeder>().SeedAsync(CancellationToken.None);

        Assert.Equal(before, await CountAsync(youth));
    }

    private static async Task<(int Steps, int Appointments, int People, int Consents)> CountAsync(HttpClient youth) => (
        (await youth.GetFromJsonAsync<JsonElement>("/api/me/plan")).GetProperty("steps").GetArrayLength(),
        (await youth.GetFromJsonAsync<JsonElement>("/api/me/appointments")).GetArrayLength(),
        (await youth.GetFromJsonAsync<JsonElement>("/api/me/people")).GetArrayLength(),
        (await youth.GetFromJsonAsync<JsonElement>("/api/me/consents")).GetArrayLength());
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteDemoPlanTests(SqliteWebAppFixture fixture) : DemoPlanTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresDemoPlanTests(PostgresWebAppFixture fixture) : DemoPlanTests(fixture);
