using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;
using Passport.Web.Tests.Matching;

namespace Passport.Web.Tests.Architecture;

/// <summary>
/// Every route that returns another person's data goes through the personal-data door. The proof is the access log:
/// only the door can write it (its writer is internal to the application layer), so a route whose read shows up in the
/// owner's log passed the door, and one refused leaves no entry. The host's routes are compared with
/// <see cref="RouteCatalogue"/>, so a new route cannot slip past: unlisted, it fails here; listed as reading someone
/// else's data, it needs a scenario below, which fails unless its read is logged.
/// </summary>
public abstract partial class PersonalDataDoorTests(WebAppFixture fixture)
{
    private static readonly string[] PersonRouteValues = ["{personId", "{PersonId", "{candidateRef", "{CandidateRef", "{token", "{Token", "{WorkshopId"];

    private PassportApp App => fixture.App;

    public static TheoryData<string> RoutesReadingOthersData() => [.. ReadingOthersData()];

    [Fact]
    public void Routes_EveryHostRoute_IsInTheCatalogueAndNothingElseIs()
    {
        var hosted = HostedRoutes();

        Assert.Empty(hosted.Except(RouteCatalogue.Routes.Keys).Order(StringComparer.Ordinal));
        Assert.Empty(RouteCatalogue.Routes.Keys.Except(hosted).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Routes_NamingAnotherPerson_AreNeverOwnOrPublic()
    {
        var naming = RouteCatalogue.Routes.Where(route => PersonRouteValues.Any(value => route.Key.Contains(value, StringComparison.Ordinal)));

        Assert.All(naming, route => Assert.True(
            route.Value is RouteKind.OthersData or RouteKind.ActsOnOthers or RouteKind.OwnerBySecret,
            $"{route.Key} names a person or their pseudonym but is listed as {route.Value}."));
    }

    [Fact]
    public void Scenarios_EveryRouteReadingOthersData_HasOne()
    {
        Assert.All(ReadingOthersData(), route => Assert.True(Scenarios.ContainsKey(route), $"{route} reads another person's data but has no door scenario."));
    }

    [Theory]
    [MemberData(nameof(RoutesReadingOthersData))]
    public async Task Route_ReadsAnotherPersonsData_OnlyThroughTheDoorWhichLogsIt(string route)
    {
        Assert.True(Scenarios.TryGetValue(route, out var scenario), $"{route} reads another person's data but has no door scenario.");

        await scenario(this);
    }

    private static Dictionary<string, Func<PersonalDataDoorTests, Task>> Scenarios { get; } = new(StringComparer.Ordinal)
    {
        ["GET /api/people/{personId:guid}/passport"] = test => test.PeoplePassportAsync(page: false),
        ["GET,POST /people/{PersonId:guid}"] = test => test.PeoplePassportAsync(page: true),
        ["GET /api/shared/{token}"] = test => test.ShareLinkAsync(page: false),
        ["GET,POST /shared/{Token}"] = test => test.ShareLinkAsync(page: true),
        ["GET /api/employer/vacancies/{id:guid}/matches"] = test => test.CandidateListAsync(page: false),
        ["GET,POST /employer/vacancies/{VacancyId:guid}/matches"] = test => test.CandidateListAsync(page: true),
        ["GET /api/employer/vacancies/{id:guid}/candidates/{candidateRef}"] = test => test.CandidateDetailAsync(page: false),
        ["GET,POST /employer/vacancies/{VacancyId:guid}/candidates/{CandidateRef}"] = test => test.CandidateDetailAsync(page: true),
        ["GET,POST /coach/workshops/{WorkshopId:guid}"] = test => test.WorkshopBoardAsync(),
        ["GET /api/education/pathways/{id:guid}/questions"] = test => test.PathwayQuestionsAsync(page: false),
        ["GET,POST /education/pathways/{Id:guid}/questions"] = test => test.PathwayQuestionsAsync(page: true),
        ["GET /api/people/{personId:guid}/appointments/"] = test => test.PersonAppointmentsAsync(page: false),
        ["GET,POST /people/{PersonId:guid}/appointments"] = test => test.PersonAppointmentsAsync(page: true),
        ["GET /api/people/{personId:guid}/plan"] = test => test.PersonPlanAsync(PlanRead.Api),
        ["GET /api/people/{personId:guid}/plan/barriers/"] = test => test.PersonPlanAsync(PlanRead.Barriers),
        ["PUT /api/people/{personId:guid}/plan/barriers/"] = test => test.PersonPlanAsync(PlanRead.SetBarriers),
        ["GET,POST /people/{PersonId:guid}/plan"] = test => test.PersonPlanAsync(PlanRead.Page),
        ["POST /api/people/{personId:guid}/plan/steps"] = test => test.PersonPlanAsync(PlanRead.Propose),
        ["POST /api/people/{personId:guid}/plan/steps/{stepId:guid}/{move:regex(^(agree|decline|start|done|drop)$)}"] = test => test.PersonPlanAsync(PlanRead.Move),
        ["GET /api/people/{personId:guid}/journey/"] = test => test.PersonJourneyAsync(JourneyRead.Api),
        ["GET,POST /people/{PersonId:guid}/journey"] = test => test.PersonJourneyAsync(JourneyRead.Page),
        ["POST /api/people/{personId:guid}/journey/events"] = test => test.PersonJourneyAsync(JourneyRead.Add),
        ["GET /api/municipality/in-view/{personId:guid}"] = test => test.PersonJourneyAsync(JourneyRead.InViewApi),
        ["GET,POST /municipality/in-view/{PersonId:guid}"] = test => test.PersonJourneyAsync(JourneyRead.InViewPage),
        ["POST /api/people/{personId:guid}/plan/steps/{stepId:guid}/referral/outcome"] = test => test.PersonPlanAsync(PlanRead.ReferralOutcome),
        ["POST /api/people/{personId:guid}/handovers"] = test => test.HandoverProposalAsync(page: false),
        ["GET,POST /people/{PersonId:guid}/handover"] = test => test.HandoverProposalAsync(page: true),
    };

    private static IEnumerable<string> ReadingOthersData() =>
        RouteCatalogue.Routes.Where(route => route.Value == RouteKind.OthersData).Select(route => route.Key).Order(StringComparer.Ordinal);

    private HashSet<string> HostedRoutes() =>
    [
        .. App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            // Static files are mapped with relative patterns; they carry nobody's data.
            .Where(endpoint => endpoint.RoutePattern.RawText is ['/', ..])
            .Select(endpoint => $"{string.Join(",", endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])} {endpoint.RoutePattern.RawText}"),
    ];

    private async Task PeoplePassportAsync(bool page)
    {
        var (person, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var _ = person;
        using var employer = await Staff.NewAsync(App, OrganisationKind.Employer);
        using var session = page ? await PageSession.SignInAsync(App, employer.Email, Hosting.Accounts.Password) : null;

        async Task<bool> ReadAsync()
        {
            if (session is null)
            {
                using var response = await employer.Client.GetAsync($"/api/people/{personId}/passport");
                Assert.Contains(response.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.NotFound });
                return response.StatusCode == HttpStatusCode.OK;
            }

            return (await session.GetPageAsync($"/people/{personId}")).Contains("id=\"skills-heading\"", StringComparison.Ordinal);
        }

        Assert.False(await ReadAsync());
        Assert.Empty(await LogAsync(person));

        await GrantAsync(person, employer.OrganisationId, "skills");

        Assert.True(await ReadAsync());
        var read = Assert.Single(await LogAsync(person));
        Assert.Equal(page ? "page" : "api", read.GetProperty("channel").GetString());
        Assert.Equal(employer.OrganisationId, read.GetProperty("organisationId").GetGuid());
        Assert.Equal(["skills"], read.GetProperty("categories").EnumerateArray().Select(category => category.GetString()));
    }

    private async Task ShareLinkAsync(bool page)
    {
        var (person, _) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var _ = person;
        using var anonymous = App.CreateClient();
        var path = page ? "/shared/" : "/api/shared/";

        using (var unknown = await anonymous.GetAsync($"{path}{new string('A', 43)}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        Assert.Empty(await LogAsync(person));

        using var created = await person.PostAsJsonAsync("/api/me/share-links", new { categories = new[] { "skills" }, expiresAt = DateTimeOffset.UtcNow.AddDays(1) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        using (var opened = await anonymous.GetAsync($"{path}{token}"))
        {
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        }

        var read = Assert.Single(await LogAsync(person));
        Assert.Equal("shareLink", read.GetProperty("channel").GetString());
    }

    // Enschede is more than the matching distance from every other test's town, so these lists hold only this
    // class's candidates (and the detail scenarios find their own candidate by what it shares, not by being alone).
    private const string Place = "enschede";

    private async Task<(Staff.Member Employer, HttpClient Candidate, Guid VacancyId)> ListedCandidateAsync()
    {
        var employer = await Staff.NewAsync(App, OrganisationKind.Employer);
        var vacancyId = await MatchingScenario.PublishVacancyAsync(App, employer.Client, Place, [("reliability", 3, 1)]);
        var (candidate, _) = await TestCandidates.AddAsync(App, new CandidateSpec(new Dictionary<string, int> { ["reliability"] = 5 }, Place));
        return (employer, candidate, vacancyId);
    }

    private async Task CandidateListAsync(bool page)
    {
        var (employer, candidate, vacancyId) = await ListedCandidateAsync();
        using var _ = employer;
        using var __ = candidate;
        using var other = await Staff.NewAsync(App, OrganisationKind.Employer);

        using (var refused = await other.Client.GetAsync($"/api/employer/vacancies/{vacancyId}/matches?top=100"))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        Assert.Empty(await LogAsync(candidate));

        if (page)
        {
            using var session = await PageSession.SignInAsync(App, employer.Email, Hosting.Accounts.Password);
            Assert.Contains("candidate-card", await session.GetPageAsync($"/employer/vacancies/{vacancyId}/matches"), StringComparison.Ordinal);
        }
        else
        {
            var list = await MatchingScenario.MatchesAsync(employer.Client, vacancyId, top: 100);
            Assert.NotEqual(0, list.GetProperty("candidates").GetArrayLength());
        }

        var read = Assert.Single(await LogAsync(candidate));
        Assert.Equal(page ? "page" : "api", read.GetProperty("channel").GetString());
        Assert.Equal(employer.OrganisationId, read.GetProperty("organisationId").GetGuid());
    }

    private async Task CandidateDetailAsync(bool page)
    {
        var (employer, candidate, vacancyId) = await ListedCandidateAsync();
        using var _ = employer;
        using var __ = candidate;
        var list = await MatchingScenario.MatchesAsync(employer.Client, vacancyId, top: 100);
        var listed = Assert.Single(await LogAsync(candidate));
        var references = list.GetProperty("candidates").EnumerateArray().Select(card => card.GetProperty("candidateRef").GetString()!).ToList();
        using var other = await Staff.NewAsync(App, OrganisationKind.Employer);
        using var session = page ? await PageSession.SignInAsync(App, employer.Email, Hosting.Accounts.Password) : null;

        async Task<bool> DetailSharesAsync(string candidateRef)
        {
            if (session is null)
            {
                var detail = await employer.Client.GetFromJsonAsync<JsonElement>($"/api/employer/vacancies/{vacancyId}/candidates/{candidateRef}");
                return detail.TryGetProperty("shared", out var shared) && shared.ValueKind == JsonValueKind.Object;
            }

            return (await session.GetPageAsync($"/employer/vacancies/{vacancyId}/candidates/{candidateRef}")).Contains("id=\"skills-heading\"", StringComparison.Ordinal);
        }

        using (var refused = await other.Client.GetAsync($"/api/employer/vacancies/{vacancyId}/candidates/{references[0]}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        foreach (var reference in references)
        {
            Assert.False(await DetailSharesAsync(reference));
        }

        Assert.Equal([listed.GetProperty("id").GetGuid()], (await LogAsync(candidate)).Select(entry => entry.GetProperty("id").GetGuid()));

        await GrantAsync(candidate, employer.OrganisationId, "skills");

        var sharing = new List<string>();
        foreach (var reference in references)
        {
            if (await DetailSharesAsync(reference))
            {
                sharing.Add(reference);
            }
        }

        Assert.Single(sharing);
        var entries = await LogAsync(candidate);
        Assert.Equal(2, entries.Count);
        Assert.Equal(page ? "page" : "api", entries[0].GetProperty("channel").GetString());
        Assert.Equal(["skills"], entries[0].GetProperty("categories").EnumerateArray().Select(category => category.GetString()));
    }

    private async Task WorkshopBoardAsync()
    {
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using var otherCoach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        var (person, email) = await Hosting.Accounts.NewJobSeekerAsync(App);
        using var ___ = person;
        using var coachSession = await PageSession.SignInAsync(App, coach.Email, Hosting.Accounts.Password);
        using var otherSession = await PageSession.SignInAsync(App, otherCoach.Email, Hosting.Accounts.Password);
        using var personSession = await PageSession.SignInAsync(App, email, Hosting.Accounts.Password);
        var title = $"Door {Guid.NewGuid():N}"[..13];
        using (var opened = await coachSession.PostFormAsync("/coach/workshops", "open-workshop", new() { ["Input.Title"] = title }))
        {
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        }

        var workshops = await coachSession.GetPageAsync("/coach/workshops");
        var workshopId = WorkshopLink().Match(workshops).Groups["id"].Value;
        var code = JoinCode().Match(workshops).Groups["code"].Value;
        Assert.NotEmpty(workshopId);
        Assert.NotEmpty(code);

        Assert.DoesNotContain(title, await otherSession.GetPageAsync($"/coach/workshops/{workshopId}"), StringComparison.Ordinal);
        Assert.Empty(await LogAsync(person));

        using (var joined = await personSession.PostFormAsync($"/workshop/join?code={code}", "join-workshop", new() { ["Code"] = code }))
        {
            Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        }

        var read = Assert.Single(await LogAsync(person));
        Assert.Equal("workshop", read.GetProperty("channel").GetString());
        Assert.Equal(coach.OrganisationId, read.GetProperty("organisationId").GetGuid());
        Assert.Equal(title, read.GetProperty("purpose").GetString());
        Assert.Contains(title, await coachSession.GetPageAsync($"/coach/workshops/{workshopId}"), StringComparison.Ordinal);
    }

    private static async Task GrantAsync(HttpClient person, Guid organisationId, string category)
    {
        using var granted = await person.PostAsJsonAsync("/api/me/consents", new
        {
            audience = new { organisationId },
            categories = new[] { category },
            purpose = "Door test",
        });
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
    }

    private static async Task<IReadOnlyList<JsonElement>> LogAsync(HttpClient person) =>
        [.. (await person.GetFromJsonAsync<JsonElement>("/api/me/access-log?pageSize=100")).EnumerateArray()];

    [GeneratedRegex("href=\"/coach/workshops/(?<id>[0-9a-f-]{36})\"")]
    private static partial Regex WorkshopLink();

    [GeneratedRegex("class=\"code-inline\">(?<code>[A-Z0-9-]+)<")]
    private static partial Regex JoinCode();
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqlitePersonalDataDoorTests(SqliteWebAppFixture fixture) : PersonalDataDoorTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresPersonalDataDoorTests(PostgresWebAppFixture fixture) : PersonalDataDoorTests(fixture);
