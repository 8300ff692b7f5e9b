using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;
using static Passport.Web.Tests.Matching.MatchingScenario;

namespace Passport.Web.Tests.Matching;

/// <summary>
/// One vacancy as a job seeker reads it, and their interest in it over HTTP: a consent to the vacancy's employer for
/// that vacancy, which the employer sees on the vacancy's list as interested (ranked or not), reads through the door
/// (so the job seeker's access log shows it), and which stops when the job seeker withdraws it.
/// </summary>
public abstract class JobInterestApiTests(WebAppFixture fixture)
{
    // A town no other test class uses, so no other test's people or vacancies show up here.
    private const string Place = "roskilde";

    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task Job_PublishedVacancy_ShowsWhatItAsksBesideYourLevelsAndNoInterest()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var vacancyId = await PublishVacancyAsync(_app, employer.Client, Place, [("teamwork", 3, 3), ("planning", 1, 2), ("empathy", 2, 4)], hours: 24);
        var (seeker, _) = await TestCandidates.AddAsync(_app, new CandidateSpec(
            new Dictionary<string, int> { ["teamwork"] = 4, ["planning"] = 2 }, Place, Findable: false));
        using var _seeker = seeker;

        var response = await seeker.GetFromJsonAsync<JsonElement>($"/api/me/matches/{vacancyId}");

        var job = response.GetProperty("job");
        Assert.Equal(vacancyId, job.GetProperty("vacancyId").GetGuid());
        Assert.Equal("Test job in Roskilde", job.GetProperty("title").GetString());
        Assert.Equal($"Test Employer {employer.OrganisationId:N}", job.GetProperty("employer").GetString());
        Assert.Equal(24, job.GetProperty("hoursPerWeek").GetInt32());
        Assert.Equal(0, job.GetProperty("distanceKm").GetInt32());
        // Most weighed first, each beside the job seeker's own level in one word.
        var asks = job.GetProperty("asks").EnumerateArray().Select(ask => (
            ask.GetProperty("skillId").GetString(), ask.GetProperty("minimumLevel").GetInt32(),
            ask.GetProperty("yourLevel").ValueKind == JsonValueKind.Null ? (int?)null : ask.GetProperty("yourLevel").GetInt32(),
            ask.GetProperty("comparison").GetString())).ToList();
        Assert.Equal([("teamwork", 3, 4, "above"), ("empathy", 4, null, "unmeasured"), ("planning", 2, 2, "meets")], asks);
        var match = job.GetProperty("match");
        Assert.InRange(match.GetProperty("fit").GetInt32(), 0, 100);
        Assert.Contains(match.GetProperty("gaps").EnumerateArray(), gap => gap.GetProperty("skillId").GetString() == "empathy");
        Assert.Equal(JsonValueKind.Null, response.GetProperty("interest").ValueKind);
    }

    [Fact]
    public async Task Interest_NotFindableCandidate_EmployerSeesThemAsInterestedReadsThroughTheDoorAndWithdrawalStopsIt()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var vacancyId = await PublishVacancyAsync(_app, employer.Client, Place, [("reliability", 3, 3)]);
        // Not findable and far below what is asked: the ranker would never list them, their interest does.
        var (seeker, seekerId) = await TestCandidates.AddAsync(_app, new CandidateSpec(
            new Dictionary<string, int> { ["reliability"] = 1 }, Place, Findable: false));
        using var _seeker = seeker;
        var email = (await seeker.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("email").GetString()!;

        using var marked = await seeker.PostAsJsonAsync($"/api/me/matches/{vacancyId}/interest", new { categories = new[] { "skills", "contact" } });

        Assert.Equal(HttpStatusCode.Created, marked.StatusCode);
        var interest = await marked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("granted", interest.GetProperty("status").GetString());
        Assert.Equal(["skills", "contact"], interest.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        // It is a consent like any other, to that employer, naming the vacancy.
        var consent = Assert.Single((await seeker.GetFromJsonAsync<JsonElement>("/api/me/consents")).EnumerateArray());
        Assert.Equal(interest.GetProperty("consentId").GetGuid(), consent.GetProperty("id").GetGuid());
        Assert.Equal("Interested in the vacancy “Test job in Roskilde”", consent.GetProperty("purpose").GetString());
        var job = await seeker.GetFromJsonAsync<JsonElement>($"/api/me/matches/{vacancyId}");
        Assert.Equal("granted", job.GetProperty("interest").GetProperty("status").GetString());

        var list = await MatchesAsync(employer.Client, vacancyId);
        var listed = Assert.Single(list.GetProperty("interested").EnumerateArray());
        var reference = listed.GetProperty("candidateRef").GetString()!;
        Assert.Matches("^C-[0-9A-Z]{8}$", reference);
        Assert.Equal(["skills", "contact"], listed.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.DoesNotContain(list.GetProperty("candidates").EnumerateArray(), card => card.GetProperty("candidateRef").GetString() == reference);
        Assert.DoesNotContain(seekerId.ToString(), list.GetRawText(), StringComparison.OrdinalIgnoreCase);

        var detail = await employer.Client.GetFromJsonAsync<JsonElement>($"/api/employer/vacancies/{vacancyId}/candidates/{reference}");

        Assert.Equal("interested", detail.GetProperty("contact").GetString());
        Assert.Equal("granted", detail.GetProperty("interest").GetProperty("status").GetString());
        Assert.Contains(email, detail.GetProperty("shared").GetRawText(), StringComparison.Ordinal);
        Assert.Equal(["contact", "skills"], detail.GetProperty("shared").GetProperty("categories").EnumerateArray().Select(c => c.GetString()).Order());
        var log = (await seeker.GetFromJsonAsync<JsonElement>("/api/me/access-log")).EnumerateArray().ToList();
        var read = Assert.Single(log, entry => entry.GetProperty("organisationId").GetString() == employer.OrganisationId.ToString());
        Assert.Equal("api", read.GetProperty("channel").GetString());
        Assert.Equal("Interested in the vacancy “Test job in Roskilde”", read.GetProperty("purpose").GetString());

        using var withdrawn = await seeker.DeleteAsync($"/api/me/matches/{vacancyId}/interest");

        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        Assert.Empty((await MatchesAsync(employer.Client, vacancyId)).GetProperty("interested").EnumerateArray());
        var after = await employer.Client.GetFromJsonAsync<JsonElement>($"/api/employer/vacancies/{vacancyId}/candidates/{reference}");
        Assert.Equal(JsonValueKind.Null, after.GetProperty("shared").ValueKind);
        Assert.Equal("revoked", after.GetProperty("interest").GetProperty("status").GetString());
        Assert.Equal("revoked", (await seeker.GetFromJsonAsync<JsonElement>($"/api/me/matches/{vacancyId}")).GetProperty("interest").GetProperty("status").GetString());
        // Said again after withdrawing, it is a new consent.
        using var again = await seeker.PostAsJsonAsync($"/api/me/matches/{vacancyId}/interest", new { categories = new[] { "skills" } });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Theory]
    [InlineData("draft")]
    [InlineData("closed")]
    [InlineData("unknown")]
    public async Task Interest_VacancyNotOnOffer_Returns404AndGivesNoConsent(string state)
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var vacancyId = state == "unknown" ? Guid.NewGuid() : await DraftVacancyAsync(_app, employer.Client, Place, [("teamwork", 2, 2)]);
        if (state == "closed")
        {
            (await employer.Client.PostAsync($"/api/employer/vacancies/{vacancyId}/publish", null)).EnsureSuccessStatusCode();
            (await employer.Client.PostAsync($"/api/employer/vacancies/{vacancyId}/close", null)).EnsureSuccessStatusCode();
        }

        var (seeker, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using var _seeker = seeker;

        using var read = await seeker.GetAsync($"/api/me/matches/{vacancyId}");
        using var marked = await seeker.PostAsJsonAsync($"/api/me/matches/{vacancyId}/interest", new { categories = new[] { "skills" } });

        Assert.Equal("Job not found", (await ProblemAssert.IsProblemAsync(read, HttpStatusCode.NotFound)).GetProperty("title").GetString());
        await ProblemAssert.IsProblemAsync(marked, HttpStatusCode.NotFound);
        Assert.Empty((await seeker.GetFromJsonAsync<JsonElement>("/api/me/consents")).EnumerateArray());
    }

    [Fact]
    public async Task Interest_BadInputTwiceOrWithoutInterest_IsRefusedWithProblemDetails()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var vacancyId = await PublishVacancyAsync(_app, employer.Client, Place, [("teamwork", 2, 2)]);
        var (seeker, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using var _seeker = seeker;
        var route = $"/api/me/matches/{vacancyId}/interest";

        using var nothing = await seeker.PostAsJsonAsync(route, new { categories = Array.Empty<string>() });
        using var plan = await seeker.PostAsJsonAsync(route, new { categories = new[] { "skills", "plan" } });
        using var noBody = await seeker.PostAsync(route, null);
        using var withdrawNothing = await seeker.DeleteAsync(route);

        Assert.True((await ProblemAssert.IsProblemAsync(nothing, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("categories", out _));
        var planProblem = await ProblemAssert.IsProblemAsync(plan, HttpStatusCode.BadRequest);
        Assert.Contains("“plan” cannot be shared for a job", planProblem.GetProperty("errors").GetProperty("categories")[0].GetString(), StringComparison.Ordinal);
        await ProblemAssert.IsProblemAsync(noBody, HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(withdrawNothing, HttpStatusCode.NotFound);
        Assert.Empty((await seeker.GetFromJsonAsync<JsonElement>("/api/me/consents")).EnumerateArray());

        using var first = await seeker.PostAsJsonAsync(route, new { categories = new[] { "skills" } });
        using var second = await seeker.PostAsJsonAsync(route, new { categories = new[] { "contact" } });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await ProblemAssert.IsProblemAsync(second, HttpStatusCode.Conflict);
        Assert.Single((await seeker.GetFromJsonAsync<JsonElement>("/api/me/consents")).EnumerateArray());
    }

    [Fact]
    public async Task Interest_YoungTeenagerWithoutGuardian_Returns403AndSharesNothing()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var vacancyId = await PublishVacancyAsync(_app, employer.Client, Place, [("teamwork", 2, 2)]);
        var (minor, _, _) = await Hosting.Accounts.NewMinorAsync(_app);
        using var _minor = minor;

        using var marked = await minor.PostAsJsonAsync($"/api/me/matches/{vacancyId}/interest", new { categories = new[] { "skills" } });

        await ProblemAssert.IsProblemAsync(marked, HttpStatusCode.Forbidden);
        Assert.Empty((await MatchesAsync(employer.Client, vacancyId)).GetProperty("interested").EnumerateArray());
    }

    [Fact]
    public async Task Interest_OthersAndOtherRoles_SeeNothingOfIt()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        using var otherEmployer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        using var anonymous = _app.CreateClient();
        var vacancyId = await PublishVacancyAsync(_app, employer.Client, Place, [("teamwork", 2, 2)]);
        var otherVacancy = await PublishVacancyAsync(_app, otherEmployer.Client, Place, [("teamwork", 2, 2)]);
        var (seeker, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using var _seeker = seeker;
        var (someoneElse, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using var _someoneElse = someoneElse;
        (await seeker.PostAsJsonAsync($"/api/me/matches/{vacancyId}/interest", new { categories = new[] { "skills", "contact" } })).EnsureSuccessStatusCode();
        var reference = (await MatchesAsync(employer.Client, vacancyId)).GetProperty("interested")[0].GetProperty("candidateRef").GetString();

        // Another job seeker reads the same vacancy without anyone's interest, and cannot withdraw it.
        Assert.Equal(JsonValueKind.Null, (await someoneElse.GetFromJsonAsync<JsonElement>($"/api/me/matches/{vacancyId}")).GetProperty("interest").ValueKind);
        await ProblemAssert.IsProblemAsync(await someoneElse.DeleteAsync($"/api/me/matches/{vacancyId}/interest"), HttpStatusCode.NotFound);
        // Another organisation's employer: the vacancy and its candidate are not found; its own vacancy lists nobody interested.
        await ProblemAssert.IsProblemAsync(await otherEmployer.Client.GetAsync($"/api/employer/vacancies/{vacancyId}/matches"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await otherEmployer.Client.GetAsync($"/api/employer/vacancies/{vacancyId}/candidates/{reference}"), HttpStatusCode.NotFound);
        Assert.Empty((await MatchesAsync(otherEmployer.Client, otherVacancy)).GetProperty("interested").EnumerateArray());
        // Staff and strangers cannot use a job seeker's routes.
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.Client.GetAsync($"/api/me/matches/{vacancyId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.Client.PostAsJsonAsync($"/api/me/matches/{vacancyId}/interest", new { categories = new[] { "skills" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/me/matches/{vacancyId}/interest", new { categories = new[] { "skills" } })).StatusCode);
        // The seeker's interest still stands, untouched.
        Assert.Equal("granted", (await seeker.GetFromJsonAsync<JsonElement>($"/api/me/matches/{vacancyId}")).GetProperty("interest").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Candidate_AskedForAnotherVacancy_HasOneContactStateThroughEveryStep()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        using var scenario = await TwoVacanciesOneCandidateAsync(_app, employer.Client, Place);
        var (seeker, first, refFirst, second, refSecond) = scenario;
        var route = $"/api/employer/vacancies/{second}/candidates/{refSecond}";
        Assert.Equal("none", (await employer.Client.GetFromJsonAsync<JsonElement>(route)).GetProperty("contact").GetString());

        (await employer.Client.PostAsJsonAsync($"/api/employer/vacancies/{first}/candidates/{refFirst}/invitation", new { })).EnsureSuccessStatusCode();

        // Asked for the first vacancy: the second says so, instead of "not invited yet" beside a refusal.
        var waiting = await employer.Client.GetFromJsonAsync<JsonElement>(route);
        Assert.Equal("askedElsewhere", waiting.GetProperty("contact").GetString());
        Assert.Equal(JsonValueKind.Null, waiting.GetProperty("invitation").ValueKind);
        await ProblemAssert.IsProblemAsync(await employer.Client.PostAsJsonAsync($"{route}/invitation", new { }), HttpStatusCode.Conflict);
        Assert.Equal("askedElsewhere", (await employer.Client.GetFromJsonAsync<JsonElement>(route)).GetProperty("contact").GetString());
        Assert.Equal("invited", (await employer.Client.GetFromJsonAsync<JsonElement>($"/api/employer/vacancies/{first}/candidates/{refFirst}")).GetProperty("contact").GetString());

        var consentId = Assert.Single((await seeker.GetFromJsonAsync<JsonElement>("/api/me/consents")).EnumerateArray()).GetProperty("id").GetGuid();
        (await seeker.PostAsync($"/api/me/consents/{consentId}/approve", null)).EnsureSuccessStatusCode();

        var sharing = await employer.Client.GetFromJsonAsync<JsonElement>(route);
        Assert.Equal("shares", sharing.GetProperty("contact").GetString());
        Assert.NotEqual(JsonValueKind.Null, sharing.GetProperty("shared").ValueKind);
    }

    [Fact]
    public async Task Outcome_HiredWithoutConfirmation_IsRefusedAndNothingIsRecorded()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var vacancyId = await PublishVacancyAsync(_app, employer.Client, Place, [("teamwork", 2, 2)]);
        var (seeker, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using var _seeker = seeker;
        (await seeker.PostAsJsonAsync($"/api/me/matches/{vacancyId}/interest", new { categories = new[] { "skills" } })).EnsureSuccessStatusCode();
        var reference = (await MatchesAsync(employer.Client, vacancyId)).GetProperty("interested")[0].GetProperty("candidateRef").GetString();
        var route = $"/api/employer/vacancies/{vacancyId}/candidates/{reference}";

        using var unconfirmed = await employer.Client.PutAsJsonAsync($"{route}/outcome", new { outcome = "hired" });
        using var denied = await employer.Client.PutAsJsonAsync($"{route}/outcome", new { outcome = "hired", confirm = false });

        Assert.True((await ProblemAssert.IsProblemAsync(unconfirmed, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("confirm", out _));
        await ProblemAssert.IsProblemAsync(denied, HttpStatusCode.BadRequest);
        Assert.Equal(JsonValueKind.Null, (await employer.Client.GetFromJsonAsync<JsonElement>(route)).GetProperty("outcome").ValueKind);

        using var confirmed = await employer.Client.PutAsJsonAsync($"{route}/outcome", new { outcome = "hired", confirm = true });

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("hired", (await employer.Client.GetFromJsonAsync<JsonElement>(route)).GetProperty("outcome").GetProperty("outcome").GetString());
        Assert.Equal("hired", (await MatchesAsync(employer.Client, vacancyId)).GetProperty("interested")[0].GetProperty("outcome").GetProperty("outcome").GetString());
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteJobInterestApiTests(SqliteWebAppFixture fixture) : JobInterestApiTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresJobInterestApiTests(PostgresWebAppFixture fixture) : JobInterestApiTests(fixture);
