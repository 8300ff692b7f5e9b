using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Architecture;

/// <summary>
/// The door scenarios of a person's plan: staff reach it (to read it, or to propose or move a step, whose answer shows
/// it) only with the person's <c>plan</c> consent, and each time it shows in the person's access log.
/// </summary>
public abstract partial class PersonalDataDoorTests
{
    private enum PlanRead
    {
        Api,
        Page,
        Propose,
        Move,
        ReferralOutcome,
        Barriers,
        SetBarriers,
    }

    private async Task PersonPlanAsync(PlanRead read)
    {
        var (person, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var _ = person;
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using var session = read == PlanRead.Page ? await PageSession.SignInAsync(App, coach.Email, Hosting.Accounts.Password) : null;
        string? stepId = null;
        object? referral = null;
        if (read == PlanRead.ReferralOutcome)
        {
            using var added = await coach.Client.PostAsJsonAsync("/api/municipality/social-map", new
            {
                name = "Door test gym", kind = "sportsClub", placeId = "eindhoven", offers = new[] { "sport" }, listed = true,
            });
            referral = new { organisationId = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), share = new[] { "name" } };
        }

        async Task<bool> ReachAsync()
        {
            switch (read)
            {
                case PlanRead.Page:
                    return (await session!.GetPageAsync($"/people/{personId}/plan")).Contains("id=\"propose-heading\"", StringComparison.Ordinal);
                case PlanRead.Move when stepId is not null:
                    using (var moved = await coach.Client.PostAsync($"/api/people/{personId}/plan/steps/{stepId}/drop", null))
                    {
                        return Reached(moved.StatusCode);
                    }

                case PlanRead.Barriers:
                    using (var barriers = await coach.Client.GetAsync($"/api/people/{personId}/plan/barriers"))
                    {
                        return Reached(barriers.StatusCode);
                    }

                case PlanRead.SetBarriers:
                    using (var set = await coach.Client.PutAsJsonAsync($"/api/people/{personId}/plan/barriers", new { barriers = new[] { "housing" } }))
                    {
                        return Reached(set.StatusCode);
                    }

                case PlanRead.ReferralOutcome when stepId is not null:
                    using (var recorded = await coach.Client.PostAsJsonAsync($"/api/people/{personId}/plan/steps/{stepId}/referral/outcome", new { outcome = "went" }))
                    {
                        return Reached(recorded.StatusCode);
                    }

                case PlanRead.Propose or PlanRead.Move or PlanRead.ReferralOutcome:
                    using (var proposed = await coach.Client.PostAsJsonAsync($"/api/people/{personId}/plan/steps", new { title = "Door test step", referral }))
                    {
                        return Reached(proposed.StatusCode);
                    }

                default:
                    using (var response = await coach.Client.GetAsync($"/api/people/{personId}/plan"))
                    {
                        return Reached(response.StatusCode);
                    }
            }
        }

        Assert.False(await ReachAsync());
        Assert.Empty(await LogAsync(person));

        await GrantAsync(person, coach.OrganisationId, "plan");
        if (read is PlanRead.Move or PlanRead.ReferralOutcome)
        {
            // The step to move is proposed first; that answer showed the plan too, so it is logged on its own.
            Assert.True(await ReachAsync());
            stepId = (await person.GetFromJsonAsync<JsonElement>("/api/me/plan")).GetProperty("steps")[0].GetProperty("id").GetString();
            if (read == PlanRead.ReferralOutcome)
            {
                (await person.PostAsJsonAsync($"/api/me/plan/steps/{stepId}/agree", new { share = new[] { "name" } })).EnsureSuccessStatusCode();
            }
        }

        var before = (await LogAsync(person)).Count;
        Assert.True(await ReachAsync());
        var log = await LogAsync(person);
        Assert.Equal(before + 1, log.Count);
        var entry = log[0];
        Assert.Equal(read == PlanRead.Page ? "page" : "api", entry.GetProperty("channel").GetString());
        Assert.Equal(coach.OrganisationId, entry.GetProperty("organisationId").GetGuid());
        Assert.Equal(["plan"], entry.GetProperty("categories").EnumerateArray().Select(category => category.GetString()));
    }

    private static bool Reached(HttpStatusCode status)
    {
        Assert.Contains(status, new[] { HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.NotFound });
        return status != HttpStatusCode.NotFound;
    }
}
