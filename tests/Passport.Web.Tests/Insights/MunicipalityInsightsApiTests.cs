using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Passport.Data.Database;
using Passport.Domain.Insights.Cohort;
using Passport.Domain.Organisations;
using Passport.Domain.Tests.Insights;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Insights;

/// <summary>
/// The municipality's knowledge base over everyone in the deployment: only a municipality's coaches get it, and what
/// they get holds no count of one to four people and no hidden count that the published totals give away.
/// </summary>
public abstract class MunicipalityInsightsApiTests(WebAppFixture fixture)
{
    private const string Route = "/api/municipality/insights";
    private PassportApp App => fixture.App;

    [Fact]
    public async Task Insights_SmallGroupsInADistrict_AreHiddenAndCannotBeWorkedOutInJsonOrCsv()
    {
        // Three young people of Geldrop-Mierlo start work and name housing: small cells in several tables.
        for (var index = 0; index < 3; index++)
        {
            var (youth, youthId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
            using (youth)
            {
                using var preferences = await youth.PutAsJsonAsync("/api/me/preferences", new { homePlace = index == 0 ? "mierlo" : "geldrop", sectors = new[] { "logistics" } });
                Assert.Equal(HttpStatusCode.OK, preferences.StatusCode);
                using var barriers = await youth.PutAsJsonAsync("/api/me/plan/barriers", new { barriers = new[] { "housing", "transport" } });
                Assert.Equal(HttpStatusCode.OK, barriers.StatusCode);
                await AddEventAsync(youthId, "StartedWork", DateOnly.FromDateTime(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<TimeProvider>(App.Services).GetUtcNow().UtcDateTime).AddMonths(-2));
            }
        }

        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        var json = await coach.Client.GetFromJsonAsync<JsonElement>(Route);
        using var csvResponse = await coach.Client.GetAsync($"{Route}.csv");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var csv = await csvResponse.Content.ReadAsStringAsync();

        var tables = json.GetProperty("tables").EnumerateArray().Select(ToTable).ToList();
        var status = tables.Single(table => table.Id == CohortCalculator.StatusByDistrict);
        Assert.Contains("Geldrop-Mierlo", status.Rows);
        Assert.Null(status.Cell("Geldrop-Mierlo", "work"));
        Assert.Contains(tables.SelectMany(table => table.Figures), figure => figure is >= DisclosureControl.Threshold);
        foreach (var table in tables)
        {
            Assert.DoesNotContain(table.Figures, figure => figure is > 0 and < DisclosureControl.Threshold);
            Assert.Empty(TableAttack.Recovered(table));
        }

        // The CSV holds exactly the JSON's figures, hidden ones as x, and no count of one to four anywhere.
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("table,row,column,count", lines[0]);
        var published = lines.Skip(1).Select(Fields).ToList();
        Assert.Equal(tables.Sum(table => table.Figures.Count()), published.Count);
        foreach (var fields in published)
        {
            Assert.Equal(4, fields.Count);
            Assert.True(fields[3] == "x" || int.Parse(fields[3], System.Globalization.CultureInfo.InvariantCulture) is 0 or >= DisclosureControl.Threshold, string.Join(",", fields));
            var table = tables.Single(table => table.Id == fields[0]);
            Assert.Equal(Figure(table, fields[1], fields[2])?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "x", fields[3]);
        }
    }

    [Fact]
    public async Task Insights_ValueEstimate_ShowsItsInputs()
    {
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);

        var value = (await coach.Client.GetFromJsonAsync<JsonElement>(Route)).GetProperty("value");

        Assert.Equal("EUR", value.GetProperty("currency").GetString());
        Assert.Equal(20000m, value.GetProperty("yearlyCostOutOfWork").GetDecimal());
        Assert.Equal(8000m, value.GetProperty("yearlyCostInEducation").GetDecimal());
        Assert.Equal(1, value.GetProperty("horizonYears").GetInt32());
        var work = value.GetProperty("movedIntoWork");
        var education = value.GetProperty("movedIntoEducation");
        var expected = ((work.ValueKind == JsonValueKind.Null ? 0 : work.GetInt32()) * 20000m) + ((education.ValueKind == JsonValueKind.Null ? 0 : education.GetInt32()) * 12000m);
        Assert.Equal(expected, value.GetProperty("value").GetDecimal());
    }

    [Theory]
    [InlineData(OrganisationKind.Employer)]
    [InlineData(OrganisationKind.EducationProvider)]
    public async Task Insights_StaffOfOtherOrganisations_Get403(OrganisationKind kind)
    {
        using var staff = await Staff.NewAsync(App, kind, kind == OrganisationKind.EducationProvider ? "education" : "logistics");

        using var json = await staff.Client.GetAsync(Route);
        using var csv = await staff.Client.GetAsync($"{Route}.csv");

        await ProblemAssert.IsProblemAsync(json, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(csv, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("youth@demo.test")]
    [InlineData("admin@demo.test")]
    public async Task Insights_JobSeekerOrAdmin_Get403(string email)
    {
        using var client = await App.CreateClientForAsync(email);

        using var json = await client.GetAsync(Route);
        using var csv = await client.GetAsync($"{Route}.csv");

        await ProblemAssert.IsProblemAsync(json, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(csv, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Insights_Anonymous_Gets401()
    {
        using var anonymous = App.CreateClient();

        using var json = await anonymous.GetAsync(Route);
        using var csv = await anonymous.GetAsync($"{Route}.csv");

        Assert.Equal(HttpStatusCode.Unauthorized, json.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, csv.StatusCode);
    }

    [Fact]
    public async Task Barriers_YouthNamesThem_CoachSeesThemOnlyWithPlanConsent()
    {
        var (youth, youthId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using (youth)
        {
            using (var set = await youth.PutAsJsonAsync("/api/me/plan/barriers", new { barriers = new[] { "transport", "health", "health" } }))
            {
                Assert.Equal(HttpStatusCode.OK, set.StatusCode);
            }

            var mine = await youth.GetFromJsonAsync<JsonElement>("/api/me/plan/barriers");
            Assert.Equal(["health", "transport"], mine.GetProperty("barriers").EnumerateArray().Select(barrier => barrier.GetString()));

            using (var refused = await coach.Client.GetAsync($"/api/people/{youthId}/plan/barriers"))
            {
                await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.NotFound);
            }

            using (var refusedSet = await coach.Client.PutAsJsonAsync($"/api/people/{youthId}/plan/barriers", new { barriers = new[] { "money" } }))
            {
                await ProblemAssert.IsProblemAsync(refusedSet, HttpStatusCode.NotFound);
            }

            using (var consent = await youth.PostAsJsonAsync("/api/me/consents", new { audience = new { organisationId = coach.OrganisationId }, categories = new[] { "plan" }, purpose = "Work on my plan" }))
            {
                Assert.Equal(HttpStatusCode.Created, consent.StatusCode);
            }

            using (var setByCoach = await coach.Client.PutAsJsonAsync($"/api/people/{youthId}/plan/barriers", new { barriers = new[] { "money", "health" } }))
            {
                Assert.Equal(HttpStatusCode.OK, setByCoach.StatusCode);
            }

            var seen = await coach.Client.GetFromJsonAsync<JsonElement>($"/api/people/{youthId}/plan/barriers");
            Assert.Equal(["health", "money"], seen.GetProperty("barriers").EnumerateArray().Select(barrier => barrier.GetString()));

            var export = await youth.GetFromJsonAsync<JsonElement>("/api/me/export");
            Assert.Equal(2, export.GetProperty("planBarriers").GetArrayLength());
        }
    }

    [Fact]
    public async Task Barriers_UnknownBarrier_Returns400AndStoresNothing()
    {
        var (youth, _) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using (youth)
        {
            using (var set = await youth.PutAsJsonAsync("/api/me/plan/barriers", new { barriers = new[] { "money" } }))
            {
                Assert.Equal(HttpStatusCode.OK, set.StatusCode);
            }

            using (var bad = await youth.PutAsJsonAsync("/api/me/plan/barriers", new { barriers = new[] { "health", "lottery" } }))
            {
                await ProblemAssert.IsProblemAsync(bad, HttpStatusCode.BadRequest);
            }

            using (var missing = await youth.PutAsJsonAsync("/api/me/plan/barriers", new { }))
            {
                await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.BadRequest);
            }

            var mine = await youth.GetFromJsonAsync<JsonElement>("/api/me/plan/barriers");
            Assert.Equal(["money"], mine.GetProperty("barriers").EnumerateArray().Select(barrier => barrier.GetString()));
        }
    }

    private async Task AddEventAsync(Guid personId, string kind, DateOnly on)
    {
        var database = App.Services.GetRequiredService<PassportDatabase>();
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "INSERT INTO journey_events (id, person_id, kind, occurred_on, recorded_at) VALUES (@id, @personId, @kind, @on, @at)",
            new { id = Guid.NewGuid(), personId, kind, on, at = DateTimeOffset.UtcNow });
    }

    private static ProtectedTable ToTable(JsonElement table)
    {
        static int? Number(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetInt32();
        static IReadOnlyList<int?>? Numbers(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : [.. value.EnumerateArray().Select(Number)];
        return new ProtectedTable(
            table.GetProperty("id").GetString()!,
            [.. table.GetProperty("rows").EnumerateArray().Select(row => row.GetString()!)],
            [.. table.GetProperty("columns").EnumerateArray().Select(column => column.GetString()!)],
            [.. table.GetProperty("cells").EnumerateArray().Select(row => Numbers(row)!)],
            Numbers(table.GetProperty("rowTotals")),
            Numbers(table.GetProperty("columnTotals")),
            table.GetProperty("hasGrandTotal").GetBoolean(),
            Number(table.GetProperty("grandTotal")));
    }

    private static int? Figure(ProtectedTable table, string row, string column) => (row, column) switch
    {
        ("total", "total") => table.GrandTotal,
        ("total", _) => table.ColumnTotals![table.Columns.ToList().IndexOf(column)],
        (_, "total") => table.RowTotals![table.Rows.ToList().IndexOf(row)],
        _ => table.Cell(row, column),
    };

    /// <summary>One CSV line's fields (RFC 4180: a quoted field may hold commas and doubled quotes).</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var index = 0; index < line.Length; index++)
        {
            var character = line[index];
            if (quoted && character == '"' && index + 1 < line.Length && line[index + 1] == '"')
            {
                field.Append('"');
                index++;
            }
            else if (character == '"')
            {
                quoted = !quoted;
            }
            else if (character == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(character);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteMunicipalityInsightsApiTests(SqliteWebAppFixture fixture) : MunicipalityInsightsApiTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresMunicipalityInsightsApiTests(PostgresWebAppFixture fixture) : MunicipalityInsightsApiTests(fixture);
