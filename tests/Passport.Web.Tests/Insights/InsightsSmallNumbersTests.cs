using System.Net.Http.Json;
using System.Text.Json;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;
using Passport.Web.Tests.Matching;
using static Passport.Web.Tests.Matching.MatchingScenario;

namespace Passport.Web.Tests.Insights;

/// <summary>
/// Small numbers stay hidden in the insights, also as the difference of two figures: on a host of its own without demo
/// people, so the test knows exactly who is counted. Each test gets a host and database of its own.
/// </summary>
public sealed class InsightsSmallNumbersTests() : OwnHostTests(new KeyValuePair<string, string?>("Seed:Demo", "false"))
{
    [Fact]
    public async Task WhatIf_GainOfTwoPeople_ShowsNeitherTheGainNorAFigureItCouldBeWorkedOutFrom()
    {
        using var school = await ArrangeAsync(reaching: 12, oneLevelShort: 2);

        var whatIf = await school.Client.GetFromJsonAsync<JsonElement>("/api/education/insights/what-if?skillId=planning&delta=1");

        // 12 reach it now and 14 would: "12" and "14" would tell that two people gain. Now is rounded to 10, the gain
        // is "<5" and the figure after repeats the figure now.
        AssertCount(whatIf.GetProperty("candidatesNowQualifying"), 10);
        AssertCount(whatIf.GetProperty("candidatesQualifyingAfter"), 10);
        AssertSuppressed(whatIf.GetProperty("candidatesGained"));
        Assert.Equal(0, whatIf.GetProperty("vacanciesGainingCandidates").GetInt32());
        var vacancy = Assert.Single(whatIf.GetProperty("perVacancy").EnumerateArray());
        AssertCount(vacancy.GetProperty("qualifyingNow"), 10);
        AssertCount(vacancy.GetProperty("qualifyingAfter"), 10);
        AssertSuppressed(vacancy.GetProperty("gained"));
        var insights = await school.Client.GetFromJsonAsync<JsonElement>("/api/education/insights");
        AssertCount(insights.GetProperty("jobSeekers"), 15);
        AssertCount(Assert.Single(insights.GetProperty("skills").EnumerateArray()).GetProperty("supply"), 10);
    }

    [Fact]
    public async Task WhatIf_GainOfSixPeople_ShowsRoundedFiguresAndTheGain()
    {
        using var school = await ArrangeAsync(reaching: 12, oneLevelShort: 6);

        var whatIf = await school.Client.GetFromJsonAsync<JsonElement>("/api/education/insights/what-if?skillId=planning&delta=1");

        AssertCount(whatIf.GetProperty("candidatesNowQualifying"), 10);
        AssertCount(whatIf.GetProperty("candidatesQualifyingAfter"), 20);
        AssertCount(whatIf.GetProperty("candidatesGained"), 5);
        Assert.Equal(1, whatIf.GetProperty("vacanciesGainingCandidates").GetInt32());
    }

    [Fact]
    public async Task Insights_FewerThanFivePeople_EveryCountIsSuppressed()
    {
        using var school = await ArrangeAsync(reaching: 3, oneLevelShort: 1);

        var insights = await school.Client.GetFromJsonAsync<JsonElement>("/api/education/insights");
        var whatIf = await school.Client.GetFromJsonAsync<JsonElement>("/api/education/insights/what-if?skillId=planning&delta=1");

        AssertSuppressed(insights.GetProperty("jobSeekers"));
        AssertSuppressed(Assert.Single(insights.GetProperty("skills").EnumerateArray()).GetProperty("supply"));
        foreach (var name in new[] { "candidatesNowQualifying", "candidatesQualifyingAfter", "candidatesGained" })
        {
            AssertSuppressed(whatIf.GetProperty(name));
        }
    }

    /// <summary>A published vacancy asking planning at level 3; people at level 3 and people at level 2.</summary>
    private async Task<Staff.Member> ArrangeAsync(int reaching, int oneLevelShort)
    {
        using (var employer = await Staff.NewAsync(App, OrganisationKind.Employer))
        {
            await PublishVacancyAsync(App, employer.Client, "eindhoven", [("planning", 2, 3)]);
        }

        for (var i = 0; i < reaching + oneLevelShort; i++)
        {
            var level = i < reaching ? 3 : 2;
            (await TestCandidates.AddAsync(App, new CandidateSpec(new Dictionary<string, int> { ["planning"] = level }, null, Findable: false))).Client.Dispose();
        }

        return await Staff.NewAsync(App, OrganisationKind.EducationProvider, "education");
    }

    private static void AssertCount(JsonElement count, int shown)
    {
        Assert.Equal(shown, count.GetProperty("count").GetInt32());
        Assert.Equal(shown.ToString(System.Globalization.CultureInfo.InvariantCulture), count.GetProperty("label").GetString());
    }

    private static void AssertSuppressed(JsonElement count)
    {
        Assert.Equal(JsonValueKind.Null, count.GetProperty("count").ValueKind);
        Assert.Equal("<5", count.GetProperty("label").GetString());
    }
}
