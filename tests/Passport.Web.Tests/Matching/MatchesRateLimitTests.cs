using System.Net;
using Passport.Data.Database;
using Passport.Domain.Organisations;
using Passport.Testing;
using Passport.Web.Tests.Hosting;
using static Passport.Web.Tests.Matching.MatchingScenario;

namespace Passport.Web.Tests.Matching;

/// <summary>
/// Candidate lists are rate-limited per organisation, whoever of its staff asks, so an employer cannot harvest the
/// pool by asking again and again; another organisation keeps its own allowance. A host of its own, with a limit of 2.
/// </summary>
public sealed class MatchesRateLimitTests
{
    [Fact]
    public async Task Matches_OverTheOrganisationsLimit_Returns429ProblemWithRetryAfter()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new PassportApp(database, [new("RateLimits:MatchPermitsPerMinute", "2")]);
        app.StartServer();
        using var employer = await Staff.NewAsync(app, OrganisationKind.Employer);
        using var colleague = await Staff.ColleagueAsync(app, employer, OrganisationKind.Employer);
        using var other = await Staff.NewAsync(app, OrganisationKind.Employer);
        var vacancy = await PublishVacancyAsync(app, employer.Client, "eindhoven", [("teamwork", 2, 2)]);
        var otherVacancy = await PublishVacancyAsync(app, other.Client, "eindhoven", [("teamwork", 2, 2)]);
        var route = $"/api/employer/vacancies/{vacancy}/matches";

        var statuses = new List<HttpStatusCode>();
        foreach (var client in new[] { employer.Client, colleague.Client, employer.Client })
        {
            using var response = await client.GetAsync(route);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests);
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After in seconds");
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        using var otherOrganisation = await other.Client.GetAsync($"/api/employer/vacancies/{otherVacancy}/matches");
        Assert.Equal(HttpStatusCode.OK, otherOrganisation.StatusCode);
    }
}
