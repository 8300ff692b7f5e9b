using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Passport.Data.Database;
using Passport.Web.Demo;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Demo;

/// <summary>The simulated job seekers the demo seeding adds for the demo employers' vacancies.</summary>
public abstract class DemoCandidateTests(WebAppFixture fixture)
{
    private static readonly string[] DemoRegion =
        ["eindhoven", "best", "helmond", "veldhoven", "geldrop", "nuenen", "son-en-breugel", "waalre", "valkenswaard", "oirschot", "deurne", "mierlo", "den-bosch", "tilburg"];

    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task Start_DemoSeeding_CandidatesFromDemoJsonAroundEindhovenWithMeasuredSkills()
    {
        var demo = _app.Services.GetRequiredService<DemoContent>().Candidates!;

        var counts = await CountAsync();

        Assert.Equal(demo.Count, counts.Users);
        Assert.Equal(demo.Count, counts.JobSeekers);
        Assert.Equal(demo.Count, counts.OpenToMatching);
        Assert.Equal(0, counts.WithPassword);
        Assert.True(counts.WithAnswers >= demo.Count * 0.95, $"{counts.WithAnswers} of {demo.Count} have answers");
        Assert.All(await HomePlacesAsync(), place => Assert.Contains(place, DemoRegion));
    }

    [Fact]
    public async Task SeedAsync_SecondTime_AddsNobody()
    {
        var seeder = _app.Services.GetServices<IDatabaseSeeder>().OfType<DemoCandidateSeeder>().Single();
        var before = await CountAsync();

        await seeder.SeedAsync(CancellationToken.None);

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Login_AsDemoCandidate_Refused()
    {
        var email = (await EmailsAsync())[0];
        using var client = _app.CreateClient();

        using var withDemoPassword = await client.PostAsJsonAsync("/api/auth/login", new { email, password = PassportApp.DemoPassword });
        using var withoutPassword = await client.PostAsJsonAsync("/api/auth/login", new { email, password = "" });

        await ProblemAssert.IsProblemAsync(withDemoPassword, HttpStatusCode.Unauthorized);
        Assert.True(withoutPassword.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest, withoutPassword.StatusCode.ToString());
    }

    private async Task<Counts> CountAsync()
    {
        await using var connection = await Database().OpenConnectionAsync();
        return await connection.QuerySingleAsync<Counts>(
            """
            SELECT
                (SELECT COUNT(*) FROM users WHERE email LIKE '%@demo.invalid' AND is_demo = @yes) AS Users,
                (SELECT COUNT(*) FROM users u JOIN user_roles r ON r.user_id = u.id WHERE u.email LIKE '%@demo.invalid' AND r.role = 'JobSeeker') AS JobSeekers,
                (SELECT COUNT(*) FROM users WHERE email LIKE '%@demo.invalid' AND password_hash IS NOT NULL) AS WithPassword,
                (SELECT COUNT(*) FROM users u JOIN job_seeker_preferences p ON p.user_id = u.id WHERE u.email LIKE '%@demo.invalid' AND p.open_to_matching = @yes) AS OpenToMatching,
                (SELECT COUNT(DISTINCT r.user_id) FROM sprint_responses r JOIN users u ON u.id = r.user_id WHERE u.email LIKE '%@demo.invalid') AS WithAnswers,
                (SELECT COUNT(*) FROM sprint_sessions s JOIN users u ON u.id = s.user_id WHERE u.email LIKE '%@demo.invalid') AS Sessions,
                (SELECT COUNT(*) FROM sprint_responses r JOIN users u ON u.id = r.user_id WHERE u.email LIKE '%@demo.invalid') AS Responses,
                (SELECT COUNT(*) FROM experiences e JOIN users u ON u.id = e.user_id WHERE u.email LIKE '%@demo.invalid') AS Experiences
            """,
            new { yes = true });
    }

    private async Task<IReadOnlyList<string>> HomePlacesAsync()
    {
        await using var connection = await Database().OpenConnectionAsync();
        return [.. await connection.QueryAsync<string>(
            "SELECT p.home_place FROM job_seeker_preferences p JOIN users u ON u.id = p.user_id WHERE u.email LIKE '%@demo.invalid'")];
    }

    private async Task<IReadOnlyList<string>> EmailsAsync()
    {
        await using var connection = await Database().OpenConnectionAsync();
        return [.. await connection.QueryAsync<string>("SELECT email FROM users WHERE email LIKE '%@demo.invalid' ORDER BY email")];
    }

    private PassportDatabase Database() => _app.Services.GetRequiredService<PassportDatabase>();

    // Dapper fills settable properties with conversion (SQLite hands back Int64, PostgreSQL bigint).
    private sealed record Counts
    {
        public long Users { get; set; }

        public long JobSeekers { get; set; }

        public long WithPassword { get; set; }

        public long OpenToMatching { get; set; }

        public long WithAnswers { get; set; }

        public long Sessions { get; set; }

        public long Responses { get; set; }

        public long Experiences { get; set; }
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteDemoCandidateTests(SqliteWebAppFixture fixture) : DemoCandidateTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresDemoCandidateTests(PostgresWebAppFixture fixture) : DemoCandidateTests(fixture);
