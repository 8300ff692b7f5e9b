using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Passport.Data.Matching;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;
using static Passport.Web.Tests.Matching.MatchingScenario;

namespace Passport.Web.Tests.Matching;

/// <summary>
/// The learning loop end to end, on a host of its own (retraining changes the active model for everyone):
/// employers' outcomes that favour a trait the first model ignores are learned, the new model is promoted and the
/// trait's holders move up; an administrator can roll back. Each test gets a host and database of its own.
/// </summary>
public sealed class RetrainingTests() : OwnHostTests(new("Matching:MinimumOutcomeVacancies", "6"), new("Matching:RetrainEvery", "00:00:00"))
{
    private const string Place = "groningen";

    [Fact]
    public async Task Retrain_OutcomesFavourCreativity_CreativeCandidatesMoveUpAndRollbackRestores()
    {
        using var employer = await Staff.NewAsync(App, OrganisationKind.Employer);
        using var admin = await App.CreateClientForAsync("admin@demo.test", PassportApp.DemoPassword);
        (string, int, int)[] asked = [("teamwork", 2, 2), ("reliability", 2, 2)];
        var random = new Random(11);
        // Creativity is not asked, so no card shows it: the test knows each person's from what it wrote.
        var creativity = new Dictionary<Guid, int>();
        for (var i = 0; i < 40; i++)
        {
            var levels = new Dictionary<string, int>
            {
                ["teamwork"] = 2 + random.Next(3),
                ["reliability"] = 2 + random.Next(3),
                ["creativity"] = 1 + (i % 5),
            };
            var (client, id) = await TestCandidates.AddAsync(App, new CandidateSpec(levels, Place));
            client.Dispose();
            creativity[id] = levels["creativity"];
        }

        var matches = App.Services.GetRequiredService<MatchRepository>();
        async Task<int> CreativityAsync(Guid vacancy, JsonElement card) =>
            creativity[(await matches.FindAsync(vacancy, card.GetProperty("candidateRef").GetString()!))!.UserId];
        async Task<double> MeanPercentileOfCreativeAsync(Guid vacancy, JsonElement list)
        {
            // Mean of 1 − (rank − 1) / (n − 1) over candidates with creativity 4 or 5: 1 is all on top, 0 all at the bottom.
            var cards = list.GetProperty("candidates").EnumerateArray().ToList();
            var percentiles = new List<double>();
            foreach (var card in cards)
            {
                if (await CreativityAsync(vacancy, card) >= 4)
                {
                    percentiles.Add(1 - ((card.GetProperty("rank").GetInt32() - 1) / (double)(cards.Count - 1)));
                }
            }

            return percentiles.Average();
        }

        var probe = await PublishVacancyAsync(App, employer.Client, Place, asked);
        var before = await MatchesAsync(employer.Client, probe, top: 40);
        var firstModel = before.GetProperty("modelVersion").GetString();

        // Eight employers' vacancies of the same kind: whatever the first model thinks, they hire for creativity.
        for (var v = 0; v < 8; v++)
        {
            var vacancy = await PublishVacancyAsync(App, employer.Client, Place, asked);
            foreach (var card in (await MatchesAsync(employer.Client, vacancy, top: 40)).GetProperty("candidates").EnumerateArray())
            {
                var outcome = await CreativityAsync(vacancy, card) switch { 5 => "hired", 4 => "interviewed", 3 => "shortlisted", 2 => "viewed", _ => "rejected" };
                using var recorded = await employer.Client.PutAsJsonAsync(
                    $"/api/employer/vacancies/{vacancy}/candidates/{card.GetProperty("candidateRef").GetString()}/outcome", new { outcome, confirm = true });
                Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
            }
        }

        using var retrained = await admin.PostAsync("/api/admin/matching/retrain", null);
        Assert.Equal(HttpStatusCode.OK, retrained.StatusCode);
        var result = await retrained.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Promoted", result.GetProperty("decision").GetString());
        Assert.True(result.GetProperty("challengerNdcg").GetDouble() >= result.GetProperty("activeNdcg").GetDouble());
        var newModel = result.GetProperty("version").GetString();

        var after = await MatchesAsync(employer.Client, probe, top: 40);
        Assert.Equal(newModel, after.GetProperty("modelVersion").GetString());
        var (creativeBefore, creativeAfter) = (await MeanPercentileOfCreativeAsync(probe, before), await MeanPercentileOfCreativeAsync(probe, after));
        Assert.True(creativeAfter > creativeBefore + 0.15, $"creative candidates' mean percentile {creativeBefore:F2} -> {creativeAfter:F2}");

        var models = await admin.GetFromJsonAsync<JsonElement>("/api/admin/matching/models");
        Assert.Contains(models.EnumerateArray(), m => m.GetProperty("version").GetString() == newModel && m.GetProperty("status").GetString() == "active" && m.GetProperty("source").GetString() == "outcomes");
        Assert.All(models.EnumerateArray(), m => Assert.Equal(0, m.GetProperty("trainingPairs").GetProperty("count").GetInt32() % 5));
        Assert.Contains(models.EnumerateArray(), m => m.GetProperty("version").GetString() == firstModel && m.GetProperty("status").GetString() == "retired");

        using var rollback = await admin.PostAsync($"/api/admin/matching/models/{firstModel}/activate", null);
        Assert.Equal(HttpStatusCode.NoContent, rollback.StatusCode);
        Assert.Equal(firstModel, (await MatchesAsync(employer.Client, probe, top: 40)).GetProperty("modelVersion").GetString());
        using var activeAgain = await admin.PostAsync($"/api/admin/matching/models/{firstModel}/activate", null);
        await ProblemAssert.IsProblemAsync(activeAgain, HttpStatusCode.NotFound);
        using var refused = await employer.Client.PostAsync("/api/admin/matching/retrain", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Retrain_TooFewOutcomes_ChangesNothing()
    {
        using var admin = await App.CreateClientForAsync("admin@demo.test", PassportApp.DemoPassword);
        var active = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/matching/models")).EnumerateArray()
            .Single(m => m.GetProperty("status").GetString() == "active").GetProperty("version").GetString();

        using var retrained = await admin.PostAsync("/api/admin/matching/retrain", null);

        var result = await retrained.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("NotEnoughOutcomes", result.GetProperty("decision").GetString());
        Assert.Equal(active, result.GetProperty("activeVersion").GetString());
        // Outcomes are recorded about people: fewer than five are not counted out loud.
        Assert.Equal(JsonValueKind.Null, result.GetProperty("pairs").GetProperty("count").ValueKind);
        Assert.Equal("<5", result.GetProperty("pairs").GetProperty("label").GetString());
        var models = await admin.GetFromJsonAsync<JsonElement>("/api/admin/matching/models");
        Assert.Equal(1, models.GetArrayLength());
    }
}
