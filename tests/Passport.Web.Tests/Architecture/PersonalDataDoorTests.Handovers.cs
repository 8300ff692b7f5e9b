using System.Net;
using System.Net.Http.Json;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Architecture;

/// <summary>
/// The door scenario of a hand-over proposal: staff hand someone over (and see their plan's steps in the answer) only
/// with the person's <c>plan</c> consent, and that read shows in the person's access log.
/// </summary>
public abstract partial class PersonalDataDoorTests
{
    private async Task HandoverProposalAsync()
    {
        var (person, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var _ = person;
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using var receiver = await Staff.NewAsync(App, OrganisationKind.Municipality);
        var body = new { receivingOrganisationId = receiver.OrganisationId, note = new { done = "Talked twice.", wants = "A course." } };

        using (var refused = await coach.Client.PostAsJsonAsync($"/api/people/{personId}/handovers", body))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        Assert.Empty(await LogAsync(person));
        await GrantAsync(person, coach.OrganisationId, "plan");

        using (var proposed = await coach.Client.PostAsJsonAsync($"/api/people/{personId}/handovers", body))
        {
            Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        }

        var entry = Assert.Single(await LogAsync(person));
        Assert.Equal(coach.OrganisationId, entry.GetProperty("organisationId").GetGuid());
        Assert.Equal(["plan"], entry.GetProperty("categories").EnumerateArray().Select(category => category.GetString()));
    }
}
