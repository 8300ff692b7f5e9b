using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Plans;

/// <summary>One plan, shared through the consent gate: the coach proposes, the young person agrees, both see the history; everyone else gets 404.</summary>
public abstract class PlanApiTests(WebAppFixture fixture)
{
    private PassportApp App => fixture.App;

    [Fact]
    public async Task Plan_CoachProposesYouthAgrees_BothSeeTheStepWithItsHistory()
    {
        var (youth, youthId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using (youth)
        {
            await GrantPlanAsync(youth, coach.OrganisationId);
            using (var goal = await youth.PutAsJsonAsync("/api/me/plan/goal", new { goal = "A job in a bike shop", version = 0 }))
            {
                Assert.Equal(HttpStatusCode.OK, goal.StatusCode);
            }

            using var proposed = await coach.Client.PostAsJsonAsync(
                $"/api/people/{youthId}/plan/steps", new { title = "Write your CV", meaning = "One page about you and your work.", dueOn = "2030-05-01" });
            Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
            var stepId = StepId(await proposed.Content.ReadFromJsonAsync<JsonElement>(), "Write your CV");

            var mine = await youth.GetFromJsonAsync<JsonElement>("/api/me/plan");
            var step = Step(mine, stepId);
            Assert.Equal("proposed", step.GetProperty("status").GetString());
            Assert.Equal(["agree", "decline"], step.GetProperty("moves").EnumerateArray().Select(move => move.GetString()));

            using (var agreed = await youth.PostAsJsonAsync($"/api/me/plan/steps/{stepId}/agree", new { version = mine.GetProperty("version").GetInt32() }))
            {
                Assert.Equal(HttpStatusCode.OK, agreed.StatusCode);
            }

            var youthView = await youth.GetFromJsonAsync<JsonElement>("/api/me/plan");
            var coachView = await coach.Client.GetFromJsonAsync<JsonElement>($"/api/people/{youthId}/plan");
            foreach (var view in new[] { youthView, coachView })
            {
                Assert.Equal("A job in a bike shop", view.GetProperty("goal").GetString());
                Assert.Equal("agreed", Step(view, stepId).GetProperty("status").GetString());
                Assert.Equal(
                    ["goalSet", "stepProposed", "stepAgreed"],
                    view.GetProperty("history").EnumerateArray().Select(entry => entry.GetProperty("event").GetString()));
                var proposal = view.GetProperty("history")[1];
                Assert.Equal(coach.DisplayName, proposal.GetProperty("actor").GetProperty("name").GetString());
                Assert.Equal("professional", proposal.GetProperty("actor").GetProperty("side").GetString());
            }

            var log = await youth.GetFromJsonAsync<JsonElement>("/api/me/access-log");
            Assert.Contains(log.EnumerateArray(), entry =>
                entry.GetProperty("organisationId").GetString() == coach.OrganisationId.ToString()
                && entry.GetProperty("categories").EnumerateArray().Select(category => category.GetString()).SequenceEqual(["plan"]));
        }
    }

    [Fact]
    public async Task PersonPlan_OtherOrganisationOrAfterRevoking_Returns404()
    {
        var (youth, youthId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using var otherCoach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using (youth)
        {
            var consentId = await GrantPlanAsync(youth, coach.OrganisationId);
            using (var allowed = await coach.Client.GetAsync($"/api/people/{youthId}/plan"))
            {
                Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            }

            using (var other = await otherCoach.Client.GetAsync($"/api/people/{youthId}/plan"))
            {
                await ProblemAssert.IsProblemAsync(other, HttpStatusCode.NotFound);
            }

            (await youth.DeleteAsync($"/api/me/consents/{consentId}")).EnsureSuccessStatusCode();

            using var revoked = await coach.Client.GetAsync($"/api/people/{youthId}/plan");
            await ProblemAssert.IsProblemAsync(revoked, HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task ProposeStep_WithoutConsentOrUnknownPerson_Returns404AndStoresNothing()
    {
        var (youth, youthId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using (youth)
        {
            await GrantAsync(youth, coach.OrganisationId, "skills");
            var body = new { title = "Visit the job fair" };

            using var noPlanConsent = await coach.Client.PostAsJsonAsync($"/api/people/{youthId}/plan/steps", body);
            using var unknown = await coach.Client.PostAsJsonAsync($"/api/people/{Guid.NewGuid()}/plan/steps", body);

            await ProblemAssert.IsProblemAsync(noPlanConsent, HttpStatusCode.NotFound);
            await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
            var plan = await youth.GetFromJsonAsync<JsonElement>("/api/me/plan");
            Assert.Empty(plan.GetProperty("steps").EnumerateArray());
            Assert.Equal(0, plan.GetProperty("version").GetInt32());
        }
    }

    [Fact]
    public async Task PlanChanges_BadInput_Return400AndStoreNothing()
    {
        var (youth, youthId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using (youth)
        {
            await GrantPlanAsync(youth, coach.OrganisationId);

            using var noTitle = await coach.Client.PostAsJsonAsync($"/api/people/{youthId}/plan/steps", new { title = " ", meaning = new string('a', 1001) });
            using var strangeOwner = await youth.PostAsJsonAsync("/api/me/plan/steps", new { title = "Call the school", ownerUserId = Guid.NewGuid() });
            using var emptyGoal = await youth.PutAsJsonAsync("/api/me/plan/goal", new { goal = "" });
            using var badDate = await youth.PostAsync(
                "/api/me/plan/steps", new StringContent("""{"title":"Call","dueOn":"next week"}""", System.Text.Encoding.UTF8, "application/json"));

            var problem = await ProblemAssert.IsProblemAsync(noTitle, HttpStatusCode.BadRequest);
            Assert.Equal(["meaning", "title"], problem.GetProperty("errors").EnumerateObject().Select(error => error.Name).Order());
            await ProblemAssert.IsProblemAsync(strangeOwner, HttpStatusCode.BadRequest);
            await ProblemAssert.IsProblemAsync(emptyGoal, HttpStatusCode.BadRequest);
            Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
            var plan = await youth.GetFromJsonAsync<JsonElement>("/api/me/plan");
            Assert.Empty(plan.GetProperty("steps").EnumerateArray());
            Assert.Equal(0, plan.GetProperty("version").GetInt32());
        }
    }

    [Fact]
    public async Task StepMoves_WrongSideStateOrVersion_Return403Or409()
    {
        var (youth, youthId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using (youth)
        {
            await GrantPlanAsync(youth, coach.OrganisationId);
            using var proposed = await coach.Client.PostAsJsonAsync($"/api/people/{youthId}/plan/steps", new { title = "Ask about the course" });
            var stepId = StepId(await proposed.Content.ReadFromJsonAsync<JsonElement>(), "Ask about the course");

            using var coachAgrees = await coach.Client.PostAsync($"/api/people/{youthId}/plan/steps/{stepId}/agree", null);
            using var finishProposal = await youth.PostAsync($"/api/me/plan/steps/{stepId}/done", null);
            using var stale = await youth.PostAsJsonAsync($"/api/me/plan/steps/{stepId}/agree", new { version = 0 });
            using var unknownStep = await youth.PostAsync($"/api/me/plan/steps/{Guid.NewGuid()}/agree", null);

            await ProblemAssert.IsProblemAsync(coachAgrees, HttpStatusCode.Forbidden);
            await ProblemAssert.IsProblemAsync(finishProposal, HttpStatusCode.Conflict);
            await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.Conflict);
            await ProblemAssert.IsProblemAsync(unknownStep, HttpStatusCode.NotFound);
            var plan = await youth.GetFromJsonAsync<JsonElement>("/api/me/plan");
            Assert.Equal("proposed", Step(plan, stepId).GetProperty("status").GetString());
            Assert.Equal(1, plan.GetProperty("version").GetInt32());
        }
    }

    [Fact]
    public async Task ContactPersons_AssignColleagueAndReassign_ShowUnderMyPeopleWithWhatTheyMaySee()
    {
        var (youth, youthId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using var colleague = await Staff.ColleagueAsync(App, coach, OrganisationKind.Municipality);
        using (youth)
        {
            await GrantAsync(youth, coach.OrganisationId, "plan", "skills");

            using (var assigned = await coach.Client.PostAsJsonAsync($"/api/people/{youthId}/contact-persons", new { }))
            {
                Assert.Equal(HttpStatusCode.Created, assigned.StatusCode);
            }

            using (var again = await coach.Client.PostAsJsonAsync($"/api/people/{youthId}/contact-persons", new { }))
            {
                await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);
            }

            var people = await youth.GetFromJsonAsync<JsonElement>("/api/me/people");
            var person = Assert.Single(people.EnumerateArray());
            Assert.Equal(coach.DisplayName, person.GetProperty("name").GetString());
            Assert.Equal("coach", person.GetProperty("role").GetString());
            Assert.Equal(coach.Email, person.GetProperty("reach").GetProperty("email").GetString());
            Assert.Equal(["skills", "plan"], person.GetProperty("maySee").EnumerateArray().Select(category => category.GetString()));

            // The colleague, as organisation admin, deactivates the coach and takes over their people.
            await App.Services.GetRequiredService<Passport.Data.Staff.StaffRepository>().GrantOrganisationAdminAsync(colleague.UserId);
            using (var deactivated = await colleague.Client.PostAsJsonAsync(
                $"/api/organisation/staff/{coach.UserId}/deactivate", new { successorUserId = colleague.UserId }))
            {
                Assert.Equal(HttpStatusCode.NoContent, deactivated.StatusCode);
            }

            var after = await youth.GetFromJsonAsync<JsonElement>("/api/me/people");
            Assert.Equal(colleague.DisplayName, Assert.Single(after.EnumerateArray()).GetProperty("name").GetString());
        }
    }

    [Fact]
    public async Task ContactPersons_WithoutPlanConsentOrNotAColleague_Refused()
    {
        var (youth, youthId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using var stranger = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using (youth)
        {
            using (var noConsent = await coach.Client.PostAsJsonAsync($"/api/people/{youthId}/contact-persons", new { }))
            {
                await ProblemAssert.IsProblemAsync(noConsent, HttpStatusCode.NotFound);
            }

            var consentId = await GrantPlanAsync(youth, coach.OrganisationId);
            using (var notColleague = await coach.Client.PostAsJsonAsync($"/api/people/{youthId}/contact-persons", new { userId = stranger.UserId }))
            {
                await ProblemAssert.IsProblemAsync(notColleague, HttpStatusCode.BadRequest);
            }

            (await coach.Client.PostAsJsonAsync($"/api/people/{youthId}/contact-persons", new { })).EnsureSuccessStatusCode();
            (await youth.DeleteAsync($"/api/me/consents/{consentId}")).EnsureSuccessStatusCode();

            Assert.Empty((await youth.GetFromJsonAsync<JsonElement>("/api/me/people")).EnumerateArray());
        }
    }

    [Fact]
    public async Task EraseCoach_WhoProposedAndOwnsAStep_LeavesTheStepsButNotTheirName()
    {
        var (youth, youthId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using (youth)
        using (coach)
        {
            await GrantPlanAsync(youth, coach.OrganisationId);
            (await coach.Client.PostAsJsonAsync($"/api/people/{youthId}/contact-persons", new { })).EnsureSuccessStatusCode();
            (await coach.Client.PostAsJsonAsync($"/api/people/{youthId}/plan/steps", new { title = "Meet at the library", ownerUserId = coach.UserId })).EnsureSuccessStatusCode();

            using var erased = await Hosting.Accounts.EraseAsync(coach.Client);

            Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
            var plan = await youth.GetFromJsonAsync<JsonElement>("/api/me/plan");
            var step = Assert.Single(plan.GetProperty("steps").EnumerateArray());
            Assert.Equal("contactPerson", step.GetProperty("owner").GetProperty("kind").GetString());
            Assert.Equal("", step.GetProperty("owner").GetProperty("name").GetString());
            Assert.Equal("", Assert.Single(plan.GetProperty("history").EnumerateArray()).GetProperty("actor").GetProperty("name").GetString());
            Assert.Empty(await Privacy.TableScan.FindAsync(App, coach.Email, coach.DisplayName, coach.UserId.ToString()));
        }
    }

    [Fact]
    public async Task Export_Youth_HoldsTheirPlan()
    {
        var (youth, _) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using (youth)
        {
            (await youth.PutAsJsonAsync("/api/me/plan/goal", new { goal = "Finish school" })).EnsureSuccessStatusCode();

            var export = await youth.GetFromJsonAsync<JsonElement>("/api/me/export");

            Assert.Equal("Finish school", export.GetProperty("plan").GetProperty("goal").GetString());
            Assert.Equal("GoalSet", Assert.Single(export.GetProperty("plan").GetProperty("history").EnumerateArray()).GetProperty("event").GetString());
        }
    }

    private static async Task<string> GrantPlanAsync(HttpClient youth, Guid organisationId) => await GrantAsync(youth, organisationId, "plan");

    private static async Task<string> GrantAsync(HttpClient owner, Guid organisationId, params string[] categories)
    {
        using var response = await owner.PostAsJsonAsync("/api/me/consents", new { audience = new { organisationId }, categories, purpose = "Work on my plan" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static string StepId(JsonElement plan, string title) =>
        plan.GetProperty("steps").EnumerateArray().Single(step => step.GetProperty("title").GetString() == title).GetProperty("id").GetString()!;

    private static JsonElement Step(JsonElement plan, string stepId) =>
        plan.GetProperty("steps").EnumerateArray().Single(step => step.GetProperty("id").GetString() == stepId);
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqlitePlanApiTests(SqliteWebAppFixture fixture) : PlanApiTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresPlanApiTests(PostgresWebAppFixture fixture) : PlanApiTests(fixture);
