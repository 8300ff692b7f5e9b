using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Passport.Data.Sprints;
using Passport.Domain.Measurement;
using Passport.Domain.Organisations;
using Passport.Domain.Sprints;
using Passport.Web.Tests.Hosting;
using Passport.Web.Tests.Sprints;

namespace Passport.Web.Tests.Insights;

/// <summary>Education partners see demand against supply and a pathway's what-if, as counts only.</summary>
public abstract class InsightsApiTests(WebAppFixture fixture)
{
    private const string Route = "/api/education/insights";

    private readonly PassportApp _app = fixture.App;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static object Pathway(params (string Skill, double Gain)[] gains) => new
    {
        title = "Repair workshop",
        modules = new[] { new { title = "Fixing things", weeks = 4 } },
        location = new { latitude = 51.44, longitude = 5.47, place = "Eindhoven" },
        capacity = 20,
        entryRequirements = Array.Empty<object>(),
        gains = gains.Select(gain => new { skillId = gain.Skill, expectedGain = gain.Gain }).ToArray(),
    };

    private static void AssertCountOrSuppressed(JsonElement count)
    {
        var label = count.GetProperty("label").GetString();
        if (count.GetProperty("count").ValueKind == JsonValueKind.Null)
        {
            Assert.Equal("<5", label);
        }
        else
        {
            Assert.True(count.GetProperty("count").GetInt32() >= 5);
            Assert.Equal(0, count.GetProperty("count").GetInt32() % 5);
            Assert.Equal(count.GetProperty("count").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), label);
        }
    }

    private async Task PlayFixItAsync(int pick)
    {
        var (client, email) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using (client)
        {
            await using var player = await SprintPlayer.ConnectAsync(_app, await _app.LoginAsync(email, Hosting.Accounts.Password));
            var sessionId = (await player.StartAsync("fix-it")).GetProperty("sessionId").GetString()!;
            var item = await player.NextAsync("ItemPresented");
            // Answers the same pick throughout, so players spread over levels rather than all land in the middle.
            for (var answered = 1; ; answered++)
            {
                await player.SubmitAsync(sessionId, item.GetProperty("itemId").GetString()!, SprintPlayer.AnswerFor(item, pick));
                if ((await player.NextAsync("AnswerScored")).GetProperty("progress").GetDouble() >= 1.0)
                {
                    await player.NextAsync("SprintCompleted");
                    return;
                }

                item = await player.NextAsync("ItemPresented");
            }
        }
    }

    /// <summary>
    /// Stores creativity answers for a fresh job seeker so that their level is 2 or 3, a little below level 4: a
    /// gain of 0.5 does not lift them to 4 but a gain of 2 does. Written to the database as a finished sprint would be,
    /// because the adaptive sprint picks items itself and so cannot promise a level.
    /// </summary>
    private async Task SeedCreativityBelowLevelFourAsync()
    {
        var (client, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        Guid userId;
        using (client)
        {
            userId = (await client.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetGuid();
        }

        var sprints = _app.Services.GetRequiredService<SprintCatalog>();
        Assert.True(sprints.TryGet("fix-it", out var sprint));
        var items = sprint.Items.Where(item => item.SkillId == "creativity").ToList();
        var patterns = Enumerable.Range(0, items.Count + 1)
            .Select(top => items.Select((item, index) => index < top ? item.Model.Categories - 1 : 0).ToList())
            .Concat(Enumerable.Range(0, 4).Select(category => items.Select(item => Math.Min(category, item.Model.Categories - 1)).ToList()));
        var categories = patterns.First(pattern =>
            new AbilityPosterior(items.Select((item, index) => new ItemResponse(item.Model, pattern[index]))).Estimate().Estimate is > -1.4 and < -0.1);

        var now = DateTimeOffset.UnixEpoch.AddYears(56);
        var session = new SprintSessionRow
        {
            Id = Guid.CreateVersion7(), UserId = userId, SprintId = "fix-it", Status = "Completed", Language = "en",
            PresentedCount = items.Count, CreatedAt = now, UpdatedAt = now, CompletedAt = now,
        };
        var repository = _app.Services.GetRequiredService<SprintRepository>();
        await repository.CreateSessionAsync(session);
        for (var index = 0; index < items.Count; index++)
        {
            // Each step is the session's next version.
            session.Version = index + 1;
            await repository.RecordResponseAsync(
                new SprintResponseRow
                {
                    SessionId = session.Id, ItemId = items[index].Id, UserId = userId, SkillId = "creativity", Position = index,
                    Category = categories[index], AnsweredAt = now.AddSeconds(index),
                },
                session);
        }
    }

    /// <summary>
    /// A what-if's now, after and gain as they may leave: each a count of five or more rounded to five, or "&lt;5"; a
    /// gain below five shows as "&lt;5" with the figure after repeating the figure now, so no difference of one to four
    /// people can be read off.
    /// </summary>
    private static void AssertChangeShownSafely(JsonElement now, JsonElement after, JsonElement gained)
    {
        AssertCountOrSuppressed(now);
        AssertCountOrSuppressed(after);
        AssertCountOrSuppressed(gained);
        if (gained.GetProperty("count").ValueKind == JsonValueKind.Null)
        {
            Assert.Equal(now.GetProperty("label").GetString(), after.GetProperty("label").GetString());
        }
        else
        {
            Assert.True(Lowest(after) >= Lowest(now) + 5, $"now {now}, after {after}, gained {gained}");
        }
    }

    private static int Lowest(JsonElement count) => count.GetProperty("count").ValueKind == JsonValueKind.Null ? 0 : count.GetProperty("count").GetInt32();

    private static int Highest(JsonElement count) => count.GetProperty("count").ValueKind == JsonValueKind.Null ? 4 : count.GetProperty("count").GetInt32();

    private static JsonElement CreativeRepairs(JsonElement whatIf, Guid vacancyId) =>
        whatIf.GetProperty("perVacancy").EnumerateArray().Single(vacancy => vacancy.GetProperty("vacancyId").GetGuid() == vacancyId);

    [Fact]
    public async Task Insights_EducationPartner_GetsAggregatesWithoutPersonIds()
    {
        await PlayFixItAsync(0);
        using var school = await _app.CreateClientForAsync("school@demo.test");

        using var response = await school.GetAsync(Route);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var insights = JsonDocument.Parse(text).RootElement;
        Assert.True(insights.GetProperty("publishedVacancies").GetInt32() >= 30);
        AssertCountOrSuppressed(insights.GetProperty("jobSeekers"));
        var skills = insights.GetProperty("skills").EnumerateArray().ToList();
        Assert.NotEmpty(skills);
        Assert.All(skills, row =>
        {
            Assert.InRange(row.GetProperty("minimumLevel").GetInt32(), 1, 5);
            Assert.True(row.GetProperty("vacancies").GetInt32() >= 1);
            AssertCountOrSuppressed(row.GetProperty("supply"));
        });
        Assert.True(insights.GetProperty("sectors").GetArrayLength() >= 5);
        Assert.NotEmpty(insights.GetProperty("regions").EnumerateArray().First().GetProperty("rows").EnumerateArray());
        Assert.DoesNotContain("userId", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("email", text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("employer@demo.test")]
    [InlineData("youth@demo.test")]
    public async Task Insights_OtherRoles_Return403Problem(string email)
    {
        using var client = await _app.CreateClientForAsync(email);

        using var insights = await client.GetAsync(Route);
        using var whatIf = await client.GetAsync($"{Route}/what-if?skillId=teamwork&delta=1");

        await ProblemAssert.IsProblemAsync(insights, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(whatIf, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Insights_Anonymous_Returns401()
    {
        using var anonymous = _app.CreateClient();

        using var insights = await anonymous.GetAsync(Route);
        using var whatIf = await anonymous.GetAsync($"{Route}/what-if?skillId=teamwork&delta=1");

        Assert.Equal(HttpStatusCode.Unauthorized, insights.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, whatIf.StatusCode);
    }

    [Fact]
    public async Task WhatIf_DemoPathwayAfterFreshPlayers_AnswersSensibleCounts()
    {
        for (var pick = 0; pick < 5; pick++)
        {
            await PlayFixItAsync(pick);
        }

        using var school = await _app.CreateClientForAsync("school@demo.test");
        var pathwayId = (await school.GetFromJsonAsync<JsonElement>("/api/pathways"))[0].GetProperty("id").GetGuid();

        var whatIf = await school.GetFromJsonAsync<JsonElement>($"{Route}/what-if?pathwayId={pathwayId}");

        AssertChangeShownSafely(whatIf.GetProperty("candidatesNowQualifying"), whatIf.GetProperty("candidatesQualifyingAfter"), whatIf.GetProperty("candidatesGained"));
        Assert.InRange(whatIf.GetProperty("vacanciesGainingCandidates").GetInt32(), 0, whatIf.GetProperty("perVacancy").GetArrayLength());
        Assert.NotEmpty(whatIf.GetProperty("gains").EnumerateArray());
        Assert.All(whatIf.GetProperty("perVacancy").EnumerateArray(), vacancy =>
            AssertChangeShownSafely(vacancy.GetProperty("qualifyingNow"), vacancy.GetProperty("qualifyingAfter"), vacancy.GetProperty("gained")));
    }

    [Fact]
    public async Task WhatIf_EditedPathwayGains_ChangesTheAnswer()
    {
        for (var pick = 0; pick < 5; pick++)
        {
            await SeedCreativityBelowLevelFourAsync();
        }

        // A vacancy asking only for creativity, which the fresh players measured, so a bigger gain must reach more of them.
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        using var vacancy = await employer.Client.PostAsJsonAsync("/api/employer/vacancies", new
        {
            title = "Creative repairs",
            sector = "technical-industry",
            location = new { latitude = 51.44, longitude = 5.47, place = "Eindhoven" },
            hoursPerWeek = 32,
            skills = new[] { new { skillId = "creativity", importance = 3, minimumLevel = 4 } },
            mustHaves = Array.Empty<object>(),
        });
        var vacancyId = (await JsonAsync(vacancy)).GetProperty("id").GetGuid();
        using (var published = await employer.Client.PostAsync($"/api/employer/vacancies/{vacancyId}/publish", null))
        {
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        }

        using var provider = await Staff.NewAsync(_app, OrganisationKind.EducationProvider, "education");
        using var created = await provider.Client.PostAsJsonAsync("/api/education/pathways", Pathway(("creativity", 0.5)));
        var id = (await JsonAsync(created)).GetProperty("id").GetGuid();
        var small = await provider.Client.GetFromJsonAsync<JsonElement>($"{Route}/what-if?pathwayId={id}");

        using var edited = await provider.Client.PutAsJsonAsync($"/api/education/pathways/{id}", Pathway(("creativity", 2), ("problem-solving", 2)));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var large = await provider.Client.GetFromJsonAsync<JsonElement>($"{Route}/what-if?pathwayId={id}");
        using (var closed = await employer.Client.PostAsync($"/api/employer/vacancies/{vacancyId}/close", null))
        {
            Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        }

        Assert.Equal(1, small.GetProperty("gains").GetArrayLength());
        Assert.Equal(2, large.GetProperty("gains").GetArrayLength());
        Assert.Equal(small.GetProperty("candidatesNowQualifying").GetProperty("label").GetString(), large.GetProperty("candidatesNowQualifying").GetProperty("label").GetString());
        Assert.True(
            Lowest(large.GetProperty("candidatesQualifyingAfter")) >= Lowest(small.GetProperty("candidatesQualifyingAfter")),
            $"small {small}, large {large}");
        // The five seeded people reach the vacancy only with the larger gain, whoever else is in the database.
        Assert.True(
            Lowest(CreativeRepairs(large, vacancyId).GetProperty("qualifyingAfter")) > Highest(CreativeRepairs(small, vacancyId).GetProperty("qualifyingAfter")),
            $"small {CreativeRepairs(small, vacancyId)}, large {CreativeRepairs(large, vacancyId)}");
    }

    [Fact]
    public async Task WhatIf_UnknownPathway_Returns404Problem()
    {
        using var school = await _app.CreateClientForAsync("school@demo.test");

        using var response = await school.GetAsync($"{Route}/what-if?pathwayId={Guid.NewGuid()}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?skillId=teamwork")]
    [InlineData("?skillId=juggling&delta=1")]
    [InlineData("?skillId=teamwork&delta=7")]
    [InlineData("?skillId=teamwork&delta=abc")]
    [InlineData("?skillId=teamwork&delta=1&pathwayId=0190a000-0000-7000-8000-000000000000")]
    public async Task WhatIf_BadInput_Returns400Problem(string query)
    {
        using var school = await _app.CreateClientForAsync("school@demo.test");

        using var response = await school.GetAsync($"{Route}/what-if{query}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task WhatIf_SkillAndDelta_AnswersCounts()
    {
        using var school = await _app.CreateClientForAsync("school@demo.test");

        var whatIf = await school.GetFromJsonAsync<JsonElement>($"{Route}/what-if?skillId=teamwork&delta=1.5");

        Assert.Equal("teamwork", whatIf.GetProperty("gains")[0].GetProperty("skillId").GetString());
        AssertChangeShownSafely(whatIf.GetProperty("candidatesNowQualifying"), whatIf.GetProperty("candidatesQualifyingAfter"), whatIf.GetProperty("candidatesGained"));
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteInsightsApiTests(SqliteWebAppFixture fixture) : InsightsApiTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresInsightsApiTests(PostgresWebAppFixture fixture) : InsightsApiTests(fixture);
