using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Passport.Data.Matching;
using Passport.Domain.Organisations;
using Passport.Matching;
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
        // Two people strong in teamwork and two weak in it: each card reads like one other, so all of it can show.
        foreach (var teamwork in new[] { 5, 5, 2, 2 })
        {
            var (client, id) = await TestCandidates.AddAsync(_app, new CandidateSpec(
                new Dictionary<string, int> { ["teamwork"] = teamwork, ["planning"] = 3, ["empathy"] = 4 }, "bergen", 32, ["logistics"]));
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
        // Four people passed the filter: a count below five is not told.
        Assert.Equal(JsonValueKind.Null, list.GetProperty("eligible").GetProperty("count").ValueKind);
        Assert.Equal("<5", list.GetProperty("eligible").GetProperty("label").GetString());
        Assert.Equal([1, 2, 3, 4], cards.Select(card => card.GetProperty("rank").GetInt32()));
        Assert.Contains("advice", list.GetProperty("advice").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.All(cards, card =>
        {
            Assert.Matches("^C-[0-9A-Z]{8}$", card.GetProperty("candidateRef").GetString());
            Assert.NotEmpty(card.GetProperty("reasons").EnumerateArray());
            Assert.All(card.GetProperty("reasons").EnumerateArray(), reason => Assert.False(string.IsNullOrWhiteSpace(reason.GetProperty("text").GetString())));
            // Only the skills the vacancy asks, as levels with a certainty in words; nothing held back.
            Assert.Equal(["teamwork", "planning"], card.GetProperty("skills").EnumerateArray().Select(skill => skill.GetProperty("skillId").GetString()));
            Assert.All(card.GetProperty("skills").EnumerateArray(), skill =>
            {
                Assert.Equal(skill.GetProperty("levelFrom").GetInt32(), skill.GetProperty("levelTo").GetInt32());
                Assert.Contains(skill.GetProperty("certainty").GetString(), new[] { "high", "medium", "low" });
            });
            Assert.Equal("within10km", card.GetProperty("distance").GetProperty("band").GetString());
            Assert.Equal("likeTheJob", card.GetProperty("hours").GetProperty("band").GetString());
            Assert.Empty(card.GetProperty("heldBack").EnumerateArray());
        });
        // The strongest in teamwork (level 5, asked at importance 3) come first, with a reason saying so.
        var first = cards[0];
        Assert.Equal(5, first.GetProperty("skills")[0].GetProperty("levelFrom").GetInt32());
        Assert.Contains(first.GetProperty("reasons").EnumerateArray(), reason => reason.GetProperty("text").GetString() == "Strong in “Teamwork”, which this job weighs highly.");
        // The weakest miss the minimum of 3 and the card says so.
        Assert.Contains(cards[^1].GetProperty("gaps").EnumerateArray(), gap =>
            gap.GetProperty("skillId").GetString() == "teamwork" && gap.GetProperty("level").GetInt32() == 2 && gap.GetProperty("minimumLevel").GetInt32() == 3);
        // Nothing identifies anyone: no account id, e-mail or name anywhere in the payload; no exact figure either.
        Assert.All(people, person =>
        {
            Assert.DoesNotContain(person.Id.ToString(), payload, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(person.Id.ToString("N"), payload, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(person.Email, payload, StringComparison.OrdinalIgnoreCase);
        });
        Assert.DoesNotContain("Robin", payload, StringComparison.Ordinal);
        foreach (var exact in new[] { "\"score\"", "standardError", "estimate", "distanceKm", "hoursPerWeek", "empathy" })
        {
            Assert.DoesNotContain(exact, payload, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("draft")]
    [InlineData("closed")]
    public async Task Matches_VacancyNotPublished_Returns409AndRanksNobody(string state)
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var (candidate, _) = await TestCandidates.AddAsync(_app, new CandidateSpec(new Dictionary<string, int> { ["teamwork"] = 4 }, "vejle"));
        using var _candidate = candidate;
        var vacancyId = await DraftVacancyAsync(_app, employer.Client, "vejle", [("teamwork", 3, 2)]);
        if (state == "closed")
        {
            using var closed = await employer.Client.PostAsync($"/api/employer/vacancies/{vacancyId}/close", null);
            Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        }

        using var response = await employer.Client.GetAsync($"/api/employer/vacancies/{vacancyId}/matches");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("This vacancy is not published.", problem.GetProperty("title").GetString());
        // Nobody was shown, so nobody's access log notes a view.
        Assert.Empty((await candidate.GetFromJsonAsync<JsonElement>("/api/me/access-log")).EnumerateArray());
    }

    [Fact]
    public async Task Matches_TwoVacanciesAskingOverlappingSkills_CardsCannotBeJoinedOneToOne()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var random = new Random(23);
        var overlap = new Dictionary<Guid, (int Teamwork, int Planning, int Hours)>();
        for (var i = 0; i < 24; i++)
        {
            var levels = new[] { "teamwork", "planning", "reliability", "communication" }.ToDictionary(skill => skill, _ => 1 + random.Next(5));
            var hours = 16 + random.Next(25);
            var (client, id) = await TestCandidates.AddAsync(_app, new CandidateSpec(levels, "zwolle", hours, random.Next(2) == 0 ? ["logistics"] : []));
            client.Dispose();
            overlap[id] = (levels["teamwork"], levels["planning"], hours);
        }

        // Exact values would give nearly all of them away: the levels of the two shared skills with the hours wanted
        // are a combination nobody else has.
        Assert.True(overlap.Values.GroupBy(facts => facts).Count(group => group.Count() == 1) >= 20, "the test needs people who stand out");
        var a = await PublishVacancyAsync(_app, employer.Client, "zwolle", [("teamwork", 3, 3), ("planning", 2, 2), ("reliability", 1, 2)]);
        var b = await PublishVacancyAsync(_app, employer.Client, "zwolle", [("teamwork", 2, 3), ("planning", 3, 3), ("communication", 1, 2)]);
        var listA = await MatchesAsync(employer.Client, a, top: 100);
        var listB = await MatchesAsync(employer.Client, b, top: 100);
        var cardsA = listA.GetProperty("candidates").EnumerateArray().ToList();
        var cardsB = listB.GetProperty("candidates").EnumerateArray().ToList();

        // Both lists show the same 24 people, under other codes.
        var matches = _app.Services.GetRequiredService<MatchRepository>();
        var peopleA = await PeopleAsync(matches, a, cardsA);
        var peopleB = await PeopleAsync(matches, b, cardsB);
        Assert.Equal(overlap.Keys.Order(), peopleA.Order());
        Assert.Equal(overlap.Keys.Order(), peopleB.Order());
        Assert.Empty(cardsA.Select(card => card.GetProperty("candidateRef").GetString()).Intersect(cardsB.Select(card => card.GetProperty("candidateRef").GetString())));
        foreach (var exact in new[] { "\"score\"", "standardError", "estimate", "distanceKm", "hoursPerWeek" })
        {
            Assert.DoesNotContain(exact, listA.ToString(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(exact, listB.ToString(), StringComparison.OrdinalIgnoreCase);
        }

        // Within each list, every card reads exactly like at least one other: nothing on it picks out one person.
        Assert.All(cardsA.GroupBy(Shown), group => Assert.True(group.Count() >= 2, $"unique card in A: {group.Key}"));
        Assert.All(cardsB.GroupBy(Shown), group => Assert.True(group.Count() >= 2, $"unique card in B: {group.Key}"));
        // So joining the lists on what a card of each could share (the two skills both ask, distance, hours,
        // experience) finds no card that is the only one of its kind in both lists.
        var joinA = cardsA.GroupBy(card => Joinable(card, ["teamwork", "planning"])).ToDictionary(group => group.Key, group => group.Count());
        var joinB = cardsB.GroupBy(card => Joinable(card, ["teamwork", "planning"])).ToDictionary(group => group.Key, group => group.Count());
        Assert.DoesNotContain(joinA, pair => pair.Value == 1 && joinB.GetValueOrDefault(pair.Key) == 1);
        // The cards still say something: levels (perhaps as a range) of the asked skills on most of them.
        Assert.True(cardsA.Count(card => card.GetProperty("skills").EnumerateArray().Any(skill => skill.GetProperty("levelFrom").ValueKind == JsonValueKind.Number)) >= 18);
    }

    [Fact]
    public async Task Matches_VacanciesAtFourPlaces_DistanceShowsOnlyAsBandsThatDoNotPinTheHome()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        // Two people in Bodø, the only town of the catalogue for hundreds of km: every list holds just them.
        for (var i = 0; i < 2; i++)
        {
            (await TestCandidates.AddAsync(_app, new CandidateSpec(new Dictionary<string, int> { ["teamwork"] = 4 }, "bodo"))).Client.Dispose();
        }

        var bodo = PlaceOf(_app, "bodo");
        var home = new GeoPoint(bodo.Latitude, bodo.Longitude);
        (GeoPoint At, string Band)[] vacancies =
            [(home, "within10km"), (Offset(home, 18, 90), "10to25km"), (Offset(home, 40, 0), "25to50km"), (Offset(home, 55, 225), "over50km")];
        var ranges = new List<(GeoPoint At, int Start, int End)>();
        foreach (var (at, band) in vacancies)
        {
            var vacancy = await PublishVacancyAsync(_app, employer.Client, "bodo", [("teamwork", 2, 2)], at: at);
            var list = await MatchesAsync(employer.Client, vacancy);
            var payload = list.ToString();
            var cards = list.GetProperty("candidates").EnumerateArray().ToList();

            Assert.Equal(2, cards.Count);
            Assert.All(cards, card =>
            {
                // The one thing said about distance is the band: its code and words, no kilometres anywhere else.
                Assert.Equal(band, card.GetProperty("distance").GetProperty("band").GetString());
                Assert.All(card.GetProperty("reasons").EnumerateArray(), reason =>
                    Assert.DoesNotContain("km", reason.GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase));
            });
            Assert.DoesNotContain("distanceKm", payload, StringComparison.OrdinalIgnoreCase);
            var (start, end) = band switch
            {
                "within10km" => (0, 10),
                "10to25km" => (10, 25),
                "25to50km" => (25, 50),
                // Further than the matching limit nobody is listed, so the last band ends there.
                _ => (50, 60),
            };
            ranges.Add((at, start, end));
        }

        // Everywhere within the four bands at once, on a 1 km grid: the home is among them, and they spread over
        // more than the narrowest band is wide, so the bands together do not place anyone more closely than that.
        var possible = new List<GeoPoint>();
        for (var north = -70; north <= 70; north++)
        {
            for (var east = -70; east <= 70; east++)
            {
                var point = Offset(Offset(home, north, 0), east, 90);
                if (ranges.All(range => Geo.DistanceKm(point, range.At) is var km && km >= range.Start && km <= range.End))
                {
                    possible.Add(point);
                }
            }
        }

        Assert.Contains(possible, point => Geo.DistanceKm(point, home) < 1);
        var spread = possible.SelectMany(p => possible.Select(q => Geo.DistanceKm(p, q))).Max();
        Assert.True(spread >= 10, $"the bands leave {possible.Count} km² spread over {spread:F1} km");
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
        // Cards may show a level as a range (so that each reads like another card); its middle stands for it.
        var levelsInRankOrder = cards.Select(card => card.GetProperty("skills").EnumerateArray()
            .Where(s => s.GetProperty("skillId").GetString() == "teamwork" && s.GetProperty("levelFrom").ValueKind == JsonValueKind.Number)
            .Select(s => (s.GetProperty("levelFrom").GetInt32() + s.GetProperty("levelTo").GetInt32()) / 2.0)
            .DefaultIfEmpty(3).Single()).ToList();
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
        Assert.Equal(Enumerable.Range(1, cards.Count), cards.Select(card => card.GetProperty("rank").GetInt32()));
        Assert.All(cards, card => Assert.False(card.TryGetProperty("score", out _)));
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

    private static async Task<List<Guid>> PeopleAsync(MatchRepository matches, Guid vacancyId, IEnumerable<JsonElement> cards)
    {
        var people = new List<Guid>();
        foreach (var card in cards)
        {
            people.Add((await matches.FindAsync(vacancyId, card.GetProperty("candidateRef").GetString()!))!.UserId);
        }

        return people;
    }

    /// <summary>Everything a card shows about the person: all of it but the code, the rank and the employer's own invitation and outcome.</summary>
    private static string Shown(JsonElement card) =>
        string.Join("#", new[] { "skills", "reasons", "gaps", "experience", "distance", "hours", "heldBack" }.Select(name => card.GetProperty(name).ToString()));

    /// <summary>What cards of two vacancies could have in common: the shared skills' levels and certainty, distance, hours, experience.</summary>
    private static string Joinable(JsonElement card, string[] skills) =>
        string.Join("#", skills.Select(id => card.GetProperty("skills").EnumerateArray()
                .Where(skill => skill.GetProperty("skillId").GetString() == id)
                .Select(skill => $"{skill.GetProperty("levelFrom")}-{skill.GetProperty("levelTo")}-{skill.GetProperty("certainty")}")
                .FirstOrDefault("?"))
            .Concat(new[] { "distance", "hours", "experience" }.Select(name => card.GetProperty(name).ToString())));

    private static IEnumerable<string> Refs(JsonElement list) =>
        list.GetProperty("candidates").EnumerateArray().Select(card => card.GetProperty("candidateRef").GetString()!);
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteEmployerMatchesApiTests(SqliteWebAppFixture fixture) : EmployerMatchesApiTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresEmployerMatchesApiTests(PostgresWebAppFixture fixture) : EmployerMatchesApiTests(fixture);
