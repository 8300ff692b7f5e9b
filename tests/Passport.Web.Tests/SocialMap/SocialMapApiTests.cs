using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.SocialMap;

/// <summary>
/// The social map: municipalities curate their own entries; young people see the listed ones nearest first; a step can
/// refer to a listed one, sharing only what the young person chose; outcomes move the organisation's reach figures,
/// which are suppressed below five.
/// </summary>
public abstract class SocialMapApiTests(WebAppFixture fixture)
{
    private PassportApp App => fixture.App;

    [Fact]
    public async Task YouthMap_HomePlace_ListsListedOrganisationsNearestFirst()
    {
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        var far = await AddAsync(coach, "Far Gym", "eindhoven");
        var near = await AddAsync(coach, "Near Gym", "tromso");
        var nextDoor = await AddAsync(coach, "Next Door Club", "bodo");
        var hidden = await AddAsync(coach, "Hidden Club", "tromso", listed: false);
        var (youth, _) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using (youth)
        {
            (await youth.PutAsJsonAsync("/api/me/preferences", new { sectors = new[] { "logistics" }, hoursPerWeek = 24, homePlace = "tromso", openToMatching = false }))
                .EnsureSuccessStatusCode();

            var map = await youth.GetFromJsonAsync<JsonElement>("/api/social-map?pageSize=100");
            var ids = map.EnumerateArray().Select(entry => entry.GetProperty("id").GetString()).ToList();

            Assert.Equal(near, ids[0]);
            Assert.Equal(nextDoor, ids[1]);
            Assert.DoesNotContain(hidden, ids);
            var distances = map.EnumerateArray().Select(entry => entry.GetProperty("distanceKm").GetDouble()).ToList();
            Assert.Equal(distances.Order(), distances);
            Assert.Equal(0, distances[0]);
            var first = map[0];
            Assert.Equal("sportsClub", first.GetProperty("kind").GetString());
            Assert.Equal("Tromsø", first.GetProperty("place").GetProperty("district").GetString());
            Assert.Equal(["sport", "someoneToTalkTo"], first.GetProperty("offers").EnumerateArray().Select(offer => offer.GetString()));

            var elsewhere = await youth.GetFromJsonAsync<JsonElement>("/api/social-map?place=eindhoven&offer=sport&pageSize=100");
            Assert.True(elsewhere.GetArrayLength() > 0);
            Assert.All(elsewhere.EnumerateArray(), entry => Assert.Contains("sport", entry.GetProperty("offers").EnumerateArray().Select(offer => offer.GetString())));
            Assert.Equal(0, elsewhere[0].GetProperty("distanceKm").GetDouble());
            Assert.Contains(far, elsewhere.EnumerateArray().Select(entry => entry.GetProperty("id").GetString()));
        }
    }

    [Fact]
    public async Task YouthMap_UnknownOfferOrPlace_Returns400()
    {
        var (youth, _) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using (youth)
        {
            using var offer = await youth.GetAsync("/api/social-map?offer=skateboarding");
            using var place = await youth.GetAsync("/api/social-map?place=atlantis");
            using var anonymous = App.CreateClient();
            using var signedOut = await anonymous.GetAsync("/api/social-map");

            var problem = await ProblemAssert.IsProblemAsync(offer, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("offer", out _));
            problem = await ProblemAssert.IsProblemAsync(place, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("place", out _));
            Assert.Equal(HttpStatusCode.Unauthorized, signedOut.StatusCode);
        }
    }

    [Fact]
    public async Task Curate_BadInput_Returns400AndStoresNothing()
    {
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);

        using var response = await coach.Client.PostAsJsonAsync("/api/municipality/social-map", new
        {
            name = " ", kind = "nightClub", placeId = "atlantis", offers = new[] { "sport", "dancing" }, languages = new[] { "Dutch" },
            phone = "call me", email = "not-an-address", website = "ftp://example.org",
        });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(
            ["email", "kind", "languages", "name", "offers", "phone", "placeId", "website"],
            problem.GetProperty("errors").EnumerateObject().Select(error => error.Name).Order(StringComparer.Ordinal));
        Assert.Equal(0, (await coach.Client.GetFromJsonAsync<JsonElement>("/api/municipality/social-map")).GetArrayLength());
    }

    [Fact]
    public async Task Curate_OtherMunicipalityOrNotAMunicipality_Refused()
    {
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using var otherCoach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using var employer = await Staff.NewAsync(App, OrganisationKind.Employer);
        using var school = await Staff.NewAsync(App, OrganisationKind.EducationProvider);
        var id = await AddAsync(coach, "Our Boxing Club", "eindhoven");

        using var otherEdit = await otherCoach.Client.PutAsJsonAsync($"/api/municipality/social-map/{id}", Body("Taken Over", "eindhoven", true));
        using var unknownEdit = await coach.Client.PutAsJsonAsync($"/api/municipality/social-map/{Guid.NewGuid()}", Body("Nowhere", "eindhoven", true));
        using var employerAdd = await employer.Client.PostAsJsonAsync("/api/municipality/social-map", Body("Employer Club", "eindhoven", true));
        using var schoolList = await school.Client.GetAsync("/api/municipality/social-map");

        await ProblemAssert.IsProblemAsync(otherEdit, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(unknownEdit, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, employerAdd.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, schoolList.StatusCode);
        Assert.Equal(0, (await otherCoach.Client.GetFromJsonAsync<JsonElement>("/api/municipality/social-map")).GetArrayLength());
        var own = Assert.Single((await coach.Client.GetFromJsonAsync<JsonElement>("/api/municipality/social-map")).EnumerateArray());
        Assert.Equal("Our Boxing Club", own.GetProperty("organisation").GetProperty("name").GetString());

        using var edited = await coach.Client.PutAsJsonAsync($"/api/municipality/social-map/{id}", Body("Our Boxing Club West", "veldhoven", false));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var changed = await edited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Our Boxing Club West", changed.GetProperty("name").GetString());
        Assert.Equal("veldhoven", changed.GetProperty("place").GetProperty("id").GetString());
        Assert.False(changed.GetProperty("listed").GetBoolean());
    }

    [Fact]
    public async Task Referral_ProposedThenAgreed_SharesOnlyWhatTheYouthChose()
    {
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        var organisationId = await AddAsync(coach, "Barber Ali", "eindhoven");
        var (youth, youthId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using (youth)
        {
            await GrantPlanAsync(youth, coach.OrganisationId);
            var stepId = await ProposeReferralAsync(coach, youthId, organisationId, "name", "phone", "email");

            var proposed = Step(await youth.GetFromJsonAsync<JsonElement>("/api/me/plan"), stepId).GetProperty("referral");
            Assert.Equal("Barber Ali", proposed.GetProperty("organisation").GetProperty("name").GetString());
            Assert.Equal(["name", "phone", "email"], proposed.GetProperty("suggested").EnumerateArray().Select(share => share.GetString()));
            Assert.Equal(JsonValueKind.Null, proposed.GetProperty("shared").ValueKind);

            using (var tooEarly = await youth.PostAsJsonAsync($"/api/me/plan/steps/{stepId}/referral/outcome", new { outcome = "went" }))
            {
                await ProblemAssert.IsProblemAsync(tooEarly, HttpStatusCode.Conflict);
            }

            using (var badShare = await youth.PostAsJsonAsync($"/api/me/plan/steps/{stepId}/agree", new { share = new[] { "address" } }))
            {
                await ProblemAssert.IsProblemAsync(badShare, HttpStatusCode.BadRequest);
            }

            (await youth.PostAsJsonAsync($"/api/me/plan/steps/{stepId}/agree", new { share = new[] { "name" } })).EnsureSuccessStatusCode();
            var coachView = await coach.Client.GetFromJsonAsync<JsonElement>($"/api/people/{youthId}/plan");
            Assert.Equal(["name"], Step(coachView, stepId).GetProperty("referral").GetProperty("shared").EnumerateArray().Select(share => share.GetString()));

            using (var badOutcome = await coach.Client.PostAsJsonAsync($"/api/people/{youthId}/plan/steps/{stepId}/referral/outcome", new { outcome = "loved" }))
            {
                await ProblemAssert.IsProblemAsync(badOutcome, HttpStatusCode.BadRequest);
            }

            using (var recorded = await coach.Client.PostAsJsonAsync($"/api/people/{youthId}/plan/steps/{stepId}/referral/outcome", new { outcome = "stayed" }))
            {
                Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
            }

            var mine = await youth.GetFromJsonAsync<JsonElement>("/api/me/plan");
            var referral = Step(mine, stepId).GetProperty("referral");
            Assert.True(referral.GetProperty("went").GetBoolean());
            Assert.True(referral.GetProperty("stayed").GetBoolean());
            Assert.False(referral.GetProperty("helped").GetBoolean());
            Assert.Equal("referralStayed", mine.GetProperty("history").EnumerateArray().Last().GetProperty("event").GetString());
        }
    }

    [Fact]
    public async Task Referral_UnlistedOrUnknownOrganisation_Returns400AndStoresNothing()
    {
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        var unlisted = await AddAsync(coach, "Quiet Mosque", "eindhoven", listed: false);
        var (youth, youthId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using (youth)
        {
            await GrantPlanAsync(youth, coach.OrganisationId);

            using var toUnlisted = await coach.Client.PostAsJsonAsync(
                $"/api/people/{youthId}/plan/steps", new { title = "Visit", referral = new { organisationId = unlisted, share = new[] { "name" } } });
            using var toUnknown = await youth.PostAsJsonAsync(
                "/api/me/plan/steps", new { title = "Visit", referral = new { organisationId = Guid.NewGuid(), share = Array.Empty<string>() } });
            using var withoutId = await youth.PostAsJsonAsync("/api/me/plan/steps", new { title = "Visit", referral = new { share = new[] { "name" } } });
            using var badShare = await youth.PostAsJsonAsync("/api/me/plan/steps", new { title = "Visit", referral = new { organisationId = unlisted, share = new[] { "bank" } } });

            foreach (var response in new[] { toUnlisted, toUnknown, withoutId })
            {
                var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
                Assert.True(problem.GetProperty("errors").TryGetProperty("referral.organisationId", out _));
            }

            var shareProblem = await ProblemAssert.IsProblemAsync(badShare, HttpStatusCode.BadRequest);
            Assert.True(shareProblem.GetProperty("errors").TryGetProperty("referral.share", out _));
            var plan = await youth.GetFromJsonAsync<JsonElement>("/api/me/plan");
            Assert.Empty(plan.GetProperty("steps").EnumerateArray());
            Assert.Equal(0, plan.GetProperty("version").GetInt32());
        }
    }

    [Fact]
    public async Task Reach_OutcomesRecorded_MoveTheFiguresOnceFiveOrMore()
    {
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        var organisationId = await AddAsync(coach, "Community Centre De Kroon", "eindhoven");
        var youths = new List<HttpClient>();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                var (youth, _) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
                youths.Add(youth);
                // Added by the young person: agreed at once, sharing what they chose.
                using var added = await youth.PostAsJsonAsync(
                    "/api/me/plan/steps", new { title = "Go to De Kroon", referral = new { organisationId, share = new[] { "name" } } });
                Assert.Equal(HttpStatusCode.Created, added.StatusCode);
                if (i < 4)
                {
                    await RecordAsync(youth, await added.Content.ReadFromJsonAsync<JsonElement>(), "helped");
                }
            }

            var before = await ImpactAsync(coach, organisationId);
            Assert.Equal(5, before.GetProperty("referred").GetProperty("count").GetInt32());
            Assert.Equal("<5", before.GetProperty("went").GetProperty("label").GetString());
            Assert.Equal(JsonValueKind.Null, before.GetProperty("went").GetProperty("count").ValueKind);
            Assert.Equal("<5", before.GetProperty("stayed").GetProperty("label").GetString());

            var fifth = youths[4];
            await RecordAsync(fifth, await fifth.GetFromJsonAsync<JsonElement>("/api/me/plan"), "went");

            var after = await ImpactAsync(coach, organisationId);
            Assert.Equal(5, after.GetProperty("went").GetProperty("count").GetInt32());
            Assert.Equal("<5", after.GetProperty("helped").GetProperty("label").GetString());

            using (var erased = await Hosting.Accounts.EraseAsync(fifth))
            {
                Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
            }

            var afterErasure = await ImpactAsync(coach, organisationId);
            Assert.Equal("<5", afterErasure.GetProperty("referred").GetProperty("label").GetString());
        }
        finally
        {
            youths.ForEach(youth => youth.Dispose());
        }
    }

    [Fact]
    public async Task Export_YouthWithReferral_HoldsTheReferralAndWhatTheyShared()
    {
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        var organisationId = await AddAsync(coach, "Homework Club Woensel", "eindhoven");
        var (youth, youthId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using (youth)
        {
            (await youth.PostAsJsonAsync("/api/me/plan/steps", new { title = "Homework club", referral = new { organisationId, share = new[] { "email" } } }))
                .EnsureSuccessStatusCode();

            var export = await youth.GetFromJsonAsync<JsonElement>("/api/me/export");

            var referral = Assert.Single(export.GetProperty("plan").GetProperty("steps").EnumerateArray()).GetProperty("referral");
            Assert.Equal("Homework Club Woensel", referral.GetProperty("organisation").GetString());
            Assert.Equal(["Email"], referral.GetProperty("shared").EnumerateArray().Select(share => share.GetString()));

            using var erased = await Hosting.Accounts.EraseAsync(youth);
            Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
            Assert.Empty(await Privacy.TableScan.FindAsync(App, youthId.ToString()));
        }
    }

    private static async Task RecordAsync(HttpClient youth, JsonElement plan, string outcome)
    {
        var stepId = plan.GetProperty("steps")[0].GetProperty("id").GetString();
        using var recorded = await youth.PostAsJsonAsync($"/api/me/plan/steps/{stepId}/referral/outcome", new { outcome });
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
    }

    private static async Task<JsonElement> ImpactAsync(Staff.Member coach, string organisationId) =>
        (await coach.Client.GetFromJsonAsync<JsonElement>("/api/municipality/social-map")).EnumerateArray()
        .Single(entry => entry.GetProperty("organisation").GetProperty("id").GetString() == organisationId).GetProperty("impact");

    private static object Body(string name, string placeId, bool listed) => new
    {
        name, kind = "sportsClub", placeId, offers = new[] { "sport", "someoneToTalkTo" }, languages = new[] { "nl", "ar" },
        openingTimes = "ma-vr 16:00-22:00", phone = "+31 40 123 4567", email = "info@example.org", website = "https://example.org", listed,
    };

    private static async Task<string> AddAsync(Staff.Member coach, string name, string placeId, bool listed = true)
    {
        using var response = await coach.Client.PostAsJsonAsync("/api/municipality/social-map", Body(name, placeId, listed));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<string> ProposeReferralAsync(Staff.Member coach, Guid youthId, string organisationId, params string[] share)
    {
        using var proposed = await coach.Client.PostAsJsonAsync(
            $"/api/people/{youthId}/plan/steps", new { title = "Visit the barber", referral = new { organisationId, share } });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        return (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("steps")[0].GetProperty("id").GetString()!;
    }

    private static async Task GrantPlanAsync(HttpClient youth, Guid organisationId)
    {
        using var response = await youth.PostAsJsonAsync("/api/me/consents", new { audience = new { organisationId }, categories = new[] { "plan" }, purpose = "Work on my plan" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static JsonElement Step(JsonElement plan, string stepId) =>
        plan.GetProperty("steps").EnumerateArray().Single(step => step.GetProperty("id").GetString() == stepId);
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteSocialMapApiTests(SqliteWebAppFixture fixture) : SocialMapApiTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresSocialMapApiTests(PostgresWebAppFixture fixture) : SocialMapApiTests(fixture);
