using System.Net;
using System.Net.Http.Json;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Architecture;

/// <summary>
/// The door scenarios of a hand-over proposal: staff hand someone over (and see their plan's steps in the answer, or
/// on the page's form) only with the person's <c>plan</c> consent, and that read shows in the person's access log.
/// </summary>
public abstract partial class PersonalDataDoorTests
{
    private async Task HandoverProposalAsync(bool page)
    {
        var (person, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var _ = person;
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using var receiver = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using var session = page ? await PageSession.SignInAsync(App, coach.Email, Hosting.Accounts.Password) : null;
        var body = new { receivingOrganisationId = receiver.OrganisationId, note = new { done = "Talked twice.", wants = "A course." } };

        async Task<bool> ReachAsync()
        {
            if (session is not null)
            {
                return (await session.GetPageAsync($"/people/{personId}/handover")).Contains("id=\"receivingOrganisationId\"", StringComparison.Ordinal);
            }

            using var response = await coach.Client.PostAsJsonAsync($"/api/people/{personId}/handovers", body);
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.NotFound });
            return response.StatusCode == HttpStatusCode.Created;
        }

        Assert.False(await ReachAsync());
        Assert.Empty(await LogAsync(person));
        await GrantAsync(person, coach.OrganisationId, "plan");

        Assert.True(await ReachAsync());
        var entry = Assert.Single(await LogAsync(person));
        Assert.Equal(page ? "page" : "api", entry.GetProperty("channel").GetString());
        Assert.Equal(coach.OrganisationId, entry.GetProperty("organisationId").GetGuid());
        Assert.Equal(["plan"], entry.GetProperty("categories").EnumerateArray().Select(category => category.GetString()));
    }
}
