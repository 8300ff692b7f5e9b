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
/// Employers' candidate lists over HTTP: ranked pseudonymous cards with reasons for their own vacancies only, the
/// ranking following what the vacancy weighs, invitations through consent, outcomes, and who is never shown.
/// </summary>
public abstract class EmployerMatchesApiTests(WebAppFixture fixture)
{
    private readonly PassportApp _app = fixture.App;

    private static readonly string[] Skills = ["teamwork", "communication", "planning", "reliability", "empathy"];

    [Fact]
    public async Task Matches_OwnVacancy_RankedPseudonymousCardsWithReasonsAndNoIdentity()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var vacancyId = await PublishVacancyAsync(_app, employer.Client, "bergen", [("teamwork", 3, 3), ("planning", 1, 2)]);
        var people = new List<(Guid Id, string Email)>();
        for (var i = 0; i < 4; i++)
        {
            var (client, id) = await TestCandidates.AddAsync(_app, new CandidateSpec(
                new Dictionary<string, int> { ["teamwork"] = 2 + i, ["planning"] = 3, ["empathy"] = 4 - i }, "bergen", 32, ["logistics"]));
            var me = await client.GetFromJsonAsync<JsonElement>("/api/me");
            people.Add((id, me.GetProperty("email").GetString()!));
            client.Dispose();
        }

        using var response = await employer.Client.GetAsync($"/api/employer/vacancies/{vacancyId}/matches?top=10");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var payload = await response.Content.ReadAsStringAsync();
        var list = JsonDocument.Parse(payload).RootElement;

        var cards = list.GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(4, cards.Count);
        Assert.Equal(4, list.GetProperty("eligible").GetInt32());
        Assert.Equal([1, 2, 3, 4], cards.Select(card => card.GetProperty("rank").GetInt32()));
        Assert.Contains("advice", list.GetProperty("advice").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.All(cards, card =>
        {
            Assert.Matches("^C-[0-9A-Z]{8}$", card.GetProperty("candidateRef").GetString());
            Assert.NotEmpty(card.GetProperty("reasons").EnumerateArray());
            Assert.All(card.GetProperty("reasons").EnumerateArray(), reason => Assert.False(string.IsNullOrWhiteSpace(reason.GetProperty("text").GetString())));
            Assert.Contains(card.GetProperty("skills").EnumerateArray(), skill => skill.GetProperty("skillId").GetString() == "teamwork");
        });
        // The strongest in teamwork (level 5, asked at importance 3) comes first, with a reason saying so.
        var first = cards[0];
        Assert.Equal(5, first.GetProperty("skills").EnumerateArray().Single(s => s.GetProperty("skillId").GetString() == "teamwork").GetProperty("level").GetInt32());
        Assert.Contains(first.GetProperty("reasons").EnumerateArray(), reason => reason.GetProperty("text").GetString() == "Strong in Teamwork, which this job weighs highly.");
        // The weakest misses the minimum of 3 and the card says so.
        Assert.Contains(cards[^1].GetProperty("gaps").EnumerateArray(), gap => gap.GetProperty("skillId").GetString() == "teamwork" && gap.GetProperty("minimumLevel").GetInt32() == 3);
        // Nothing identifies anyone: no account id, e-mail or name anywhere in the payload.
        Assert.All(people, person =>
        {
            Assert.DoesNotContain(person.Id.ToString(), payload, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(person.Id.ToString("N"), payload, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(person.Email, payload, StringComparison.OrdinalIgnoreCase);
        });
        Assert.DoesNotContain("Robin", payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Matches_ListShown_IsRecordedWithItsModelVersionAndTheSameRefsNextTime()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var vacancyId = await PublishVacancyAsync(_app, employer.Client, "stavanger", [("reliability", 2, 2)]);
        for (var i = 0; i < 3; i++)
        {
            (await TestCandidates.AddAsync(_app, new CandidateSpec(new Dictionary<string, int> { ["reliability"] = 2 + i }, "stavanger"))).Client.Dispose();
        }

        var first = await MatchesAsync(employer.Client, vacancyId);
        var second = await MatchesAsync(employer.Client, vacancyId);

        var recorded = await _app.Services.GetRequiredService<MatchRepository>().FindListAsync(first.GetProperty("listId").GetGuid());
        Assert.NotNull(recorded);
        Assert.Equal(first.GetProperty("modelVersion").GetString(), recorded.Value.ModelVersion);
        Assert.Equal(3, recorded.Value.Items);
        Assert.False(string.IsNullOrEmpty(first.GetProperty("modelVersion").GetString()));
        Assert.NotEqual(first.GetProperty("listId").GetGuid(), second.GetProperty("listId").GetGuid());
        Assert.Equal(Refs(first).Order(), Refs(second).Order());
    }

    [Fact]
    public async Task Matches_VacancyWeighsOneSkillHighly_HigherLevelsRankHigherOnTheWhole()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var vacancyId = await PublishVacancyAsync(_app, employer.Client, "trondheim", [("teamwork", 3, 2), ("planning", 1, 2), ("empathy", 1, 2)]);
        var random = new Random(5);
        var teamwork = new Dictionary<string, int>();
        for (var i = 0; i < 30; i++)
        {
            var levels = Skills.ToDictionary(skill => skill, _ => 1 + random.Next(5));
            (await TestCandidates.AddAsync(_app, new CandidateSpec(levels, "trondheim", 32))).Client.Dispose();
        }

        var cards = (await MatchesAsync(employer.Client, vacancyId, top: 30)).GetProperty("candidates").EnumerateArray().ToList();

        Assert.Equal(30, cards.Count);
        var levelsInRankOrder = cards.Select(card => (double)card.GetProperty("skills").EnumerateArray()
            .Single(s => s.GetProperty("skillId").GetString() == "teamwork").GetProperty("level").GetInt32()).ToList();
        var goodness = cards.Select(card => -(double)card.GetProperty("rank").GetInt32()).ToList();
        var correlation = Spearman(levelsInRankOrder, goodness);
        Assert.True(correlation > 0.5, $"Spearman correlation of teamwork level with rank: {correlation:F2}");
    }

    [Fact]
    public async Task Matches_NotFindableOrSwitchedOff_NeverShown()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var vacancyId = await PublishVacancyAsync(_app, employer.Client, "aalborg", [("empathy", 2, 2)]);
        var (hidden, _) = await TestCandidates.AddAsync(_app, new CandidateSpec(new Dictionary<string, int> { ["empathy"] = 5 }, "aalborg", Findable: false));
        hidden.Dispose();
        var (leaving, leavingId) = await TestCandidates.AddAsync(_app, new CandidateSpec(new Dictionary<string, int> { ["empathy"] = 4 }, "aalborg"));
        (await TestCandidates.AddAsync(_app, new CandidateSpec(new Dictionary<string, int> { ["empathy"] = 3 }, "aalborg"))).Client.Dispose();

        Assert.Equal(2, (await MatchesAsync(employer.Client, vacancyId)).GetProperty("candidates").GetArrayLength());

        await TestCandidates.SetFindableAsync(_app, leavingId, false);
        leaving.Dispose();
        Assert.Equal(1, (await MatchesAsync(employer.Client, vacancyId)).GetProperty("candidates").GetArrayLength());
    }

    [Fact]
    public async Task Invitation_CandidateAccepts_GrantedCategoriesShowToTheEmployer()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var vacancyId = await PublishVacancyAsync(_app, employer.Client, "odense", [("learning", 2, 2)]);
        var (candidate, _) = await TestCandidates.AddAsync(_app, new CandidateSpec(new Dictionary<string, int> { ["learning"] = 4 }, "odense"));
        using var _candidate = candidate;
        var card = (await MatchesAsync(employer.Client, vacancyId)).GetProperty("candidates")[0];
        var reference = card.GetProperty("candidateRef").GetString();
        var route = $"/api/employer/vacancies/{vacancyId}/candidates/{reference}";

        var before = await employer.Client.GetFromJsonAsync<JsonElement>(route);
        Assert.Equal(JsonValueKind.Null, before.GetProperty("shared").ValueKind);
        Assert.Equal(JsonValueKind.Null, before.GetProperty("invitation").ValueKind);

        using var invited = await employer.Client.PostAsJsonAsync($"{route}/invitation", new { });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var consentId = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("consentId").GetGuid();
        using var again = await employer.Client.PostAsJsonAsync($"{route}/invitation", new { });
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);

        var waiting = await employer.Client.GetFromJsonAsync<JsonElement>(route);
        Assert.Equal("requested", waiting.GetProperty("invitation").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, waiting.GetProperty("shared").ValueKind);

        using var approved = await candidate.PostAsync($"/api/me/consents/{consentId}/approve", null);
        Assert.True(approved.IsSuccessStatusCode, $"approve: {(int)approved.StatusCode}");

        var after = await employer.Client.GetFromJsonAsync<JsonElement>(route);
        Assert.Equal("granted", after.GetProperty("invitation").GetProperty("status").GetString());
        var shared = after.GetProperty("shared");
        Assert.Equal(JsonValueKind.Object, shared.ValueKind);
        Assert.Equal("Robin", shared.GetProperty("contact").GetProperty("name").GetString());
        Assert.Contains("skills", shared.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Outcome_Recorded_ShowsOnTheCardAndBadInputIsRefused()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var vacancyId = await PublishVacancyAsync(_app, employer.Client, "esbjerg", [("integrity", 2, 2)]);
        (await TestCandidates.AddAsync(_app, new CandidateSpec(new Dictionary<string, int> { ["integrity"] = 4 }, "esbjerg"))).Client.Dispose();
        var reference = (await MatchesAsync(employer.Client, vacancyId)).GetProperty("candidates")[0].GetProperty("candidateRef").GetString();
        var route = $"/api/employer/vacancies/{vacancyId}/candidates/{reference}/outcome";

        using var recorded = await employer.Client.PutAsJsonAsync(route, new { outcome = "interviewed" });
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        var card = (await MatchesAsync(employer.Client, vacancyId)).GetProperty("candidates")[0];
        Assert.Equal("interviewed", card.GetProperty("outcome").GetProperty("outcome").GetString());

        foreach (var bad in new object[] { new { outcome = "promoted" }, new { outcome = "3" }, new { } })
        {
            using var refused = await employer.Client.PutAsJsonAsync(route, bad);
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.BadRequest);
        }

        using var unknown = await employer.Client.PutAsJsonAsync($"/api/employer/vacancies/{vacancyId}/candidates/C-00000000/outcome", new { outcome = "hired" });
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
        var otherVacancy = await PublishVacancyAsync(_app, employer.Client, "esbjerg", [("integrity", 1, 1)]);
        using var wrongVacancy = await employer.Client.PutAsJsonAsync($"/api/employer/vacancies/{otherVacancy}/candidates/{reference}/outcome", new { outcome = "hired" });
        await ProblemAssert.IsProblemAsync(wrongVacancy, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Matches_OtherCallers_AreRefused()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        using var other = await Staff.NewAsync(_app, OrganisationKind.Employer);
        using var school = await Staff.NewAsync(_app, OrganisationKind.EducationProvider, "education");
        var vacancyId = await PublishVacancyAsync(_app, employer.Client, "groningen", [("teamwork", 2, 2)]);
        var (jobSeeker, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using var _jobSeeker = jobSeeker;
        using var anonymous = _app.CreateClient();
        var route = $"/api/employer/vacancies/{vacancyId}/matches";

        using (var response = await other.Client.GetAsync(route))
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        }

        using (var response = await employer.Client.GetAsync($"/api/employer/vacancies/{Guid.NewGuid()}/matches"))
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        }

        using (var response = await employer.Client.GetAsync("/api/employer/vacancies/0193a000-0000-7000-8000-000000001006/matches"))
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await jobSeeker.GetAsync(route)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await school.Client.GetAsync(route)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(route)).StatusCode);
        foreach (var top in new[] { 0, 101, -3 })
        {
            using var response = await employer.Client.GetAsync($"{route}?top={top}");
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task Matches_DemoEmployer_SeesRankedDemoCandidatesWithReasons()
    {
        using var employer = _app.CreateClient();
        employer.DefaultRequestHeaders.Authorization = new("Bearer", await _app.LoginAsync("employer@demo.test"));
        var vacancies = await employer.GetFromJsonAsync<JsonElement>("/api/employer/vacancies");
        var published = vacancies.EnumerateArray().First(v => v.GetProperty("status").GetString() == "published").GetProperty("id").GetGuid();

        var cards = (await MatchesAsync(employer, published)).GetProperty("candidates").EnumerateArray().ToList();

        Assert.True(cards.Count >= 10, $"{cards.Count} demo candidates shown");
        Assert.All(cards, card =>
        {
            var reasons = card.GetProperty("reasons").EnumerateArray().ToList();
            Assert.NotEmpty(reasons);
            // A skill is never praised when it is unmeasured or below what the vacancy asks.
            var measured = card.GetProperty("skills").EnumerateArray().Select(s => s.GetProperty("skillId").GetString()).ToHashSet();
            var gaps = card.GetProperty("gaps").EnumerateArray().Select(g => g.GetProperty("skillId").GetString()).ToHashSet();
            Assert.DoesNotContain(reasons, r => r.GetProperty("direction").GetString() == "raised" && r.GetProperty("feature").GetString() == "skill"
                && (!measured.Contains(r.GetProperty("skillId").GetString()) || gaps.Contains(r.GetProperty("skillId").GetString())));
        });
        Assert.Equal(cards.Select(card => card.GetProperty("score").GetDouble()).OrderDescending(), cards.Select(card => card.GetProperty("score").GetDouble()));
    }

    [Fact]
    public async Task Matches_CandidateShown_TheirAccessLogAndExportNoteIt()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var vacancyId = await PublishVacancyAsync(_app, employer.Client, "kristiansand", [("communication", 2, 2)]);
        var (candidate, _) = await TestCandidates.AddAsync(_app, new CandidateSpec(new Dictionary<string, int> { ["communication"] = 4 }, "kristiansand"));
        using var _candidate = candidate;

        var reference = (await MatchesAsync(employer.Client, vacancyId)).GetProperty("candidates")[0].GetProperty("candidateRef").GetString();

        var entry = Assert.Single((await candidate.GetFromJsonAsync<JsonElement>("/api/me/access-log")).EnumerateArray());
        Assert.Equal(employer.OrganisationId, entry.GetProperty("organisationId").GetGuid());
        Assert.Equal(["skills", "experiences"], entry.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("Test job in Kristiansand", entry.GetProperty("purpose").GetString(), StringComparison.Ordinal);
        var export = await candidate.GetFromJsonAsync<JsonElement>("/api/me/export");
        var shown = Assert.Single(export.GetProperty("matching").EnumerateArray());
        Assert.Equal(reference, shown.GetProperty("candidateRef").GetString());
        Assert.Equal(vacancyId, shown.GetProperty("vacancyId").GetGuid());
    }

    [Fact]
    public async Task Erasure_CandidateShownInvitedAndRated_NoTraceOfThemLeft()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var vacancyId = await PublishVacancyAsync(_app, employer.Client, "tromso", [("problem-solving", 2, 2)]);
        var (candidate, id) = await TestCandidates.AddAsync(_app, new CandidateSpec(new Dictionary<string, int> { ["problem-solving"] = 4 }, "tromso"));
        using var _candidate = candidate;
        var email = (await candidate.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("email").GetString()!;
        var list = await MatchesAsync(employer.Client, vacancyId);
        var route = $"/api/employer/vacancies/{vacancyId}/candidates/{list.GetProperty("candidates")[0].GetProperty("candidateRef").GetString()}";
        (await employer.Client.PostAsJsonAsync($"{route}/invitation", new { })).EnsureSuccessStatusCode();
        (await employer.Client.PutAsJsonAsync($"{route}/outcome", new { outcome = "shortlisted" })).EnsureSuccessStatusCode();

        using var erased = await Hosting.Accounts.EraseAsync(candidate);

        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.Empty(await Privacy.TableScan.FindAsync(_app, email, id.ToString(), id.ToString("N")));
        // The employer's record of the list stays (who was shown is a pseudonym whose link is gone), the person does not.
        var recorded = await _app.Services.GetRequiredService<MatchRepository>().FindListAsync(list.GetProperty("listId").GetGuid());
        Assert.Equal(1, recorded!.Value.Items);
        using var gone = await employer.Client.GetAsync(route);
        await ProblemAssert.IsProblemAsync(gone, HttpStatusCode.NotFound);
        Assert.Equal(0, (await MatchesAsync(employer.Client, vacancyId)).GetProperty("candidates").GetArrayLength());
    }

    private static IEnumerable<string> Refs(JsonElement list) =>
        list.GetProperty("candidates").EnumerateArray().Select(card => card.GetProperty("candidateRef").GetString()!);
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteEmployerMatchesApiTests(SqliteWebAppFixture fixture) : EmployerMatchesApiTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresEmployerMatchesApiTests(PostgresWebAppFixture fixture) : EmployerMatchesApiTests(fixture);
