using System.Net.Http.Json;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Architecture;

/// <summary>
/// The door scenarios of a person's journey and of a municipality's in-view entry: staff reach them only with the
/// person's <c>plan</c> consent, and each time it shows in the person's access log.
/// </summary>
public abstract partial class PersonalDataDoorTests
{
    private enum JourneyRead
    {
        Api,
        Page,
        Add,
        InViewApi,
        InViewPage,
    }

    private async Task PersonJourneyAsync(JourneyRead read)
    {
        var (person, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var _ = person;
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using var session = read is JourneyRead.Page or JourneyRead.InViewPage ? await PageSession.SignInAsync(App, coach.Email, Hosting.Accounts.Password) : null;

        async Task<bool> ReachAsync()
        {
            switch (read)
            {
                case JourneyRead.Page:
                    return (await session!.GetPageAsync($"/people/{personId}/journey")).Contains("id=\"journey-heading\"", StringComparison.Ordinal);
                case JourneyRead.InViewPage:
                    return !(await session!.GetPageAsync($"/municipality/in-view/{personId}")).Contains("id=\"not-found\"", StringComparison.Ordinal);
                case JourneyRead.Add:
                    using (var added = await coach.Client.PostAsJsonAsync($"/api/people/{personId}/journey/events", new { kind = "moved", occurredOn = "2025-01-01" }))
                    {
                        return Reached(added.StatusCode);
                    }

                default:
                    using (var response = await coach.Client.GetAsync(read == JourneyRead.Api ? $"/api/people/{personId}/journey" : $"/api/municipality/in-view/{personId}"))
                    {
                        return Reached(response.StatusCode);
                    }
            }
        }

        Assert.False(await ReachAsync());
        Assert.Empty(await LogAsync(person));

        await GrantAsync(person, coach.OrganisationId, "plan");

        Assert.True(await ReachAsync());
        var entry = Assert.Single(await LogAsync(person));
        Assert.Equal(read is JourneyRead.Page or JourneyRead.InViewPage ? "page" : "api", entry.GetProperty("channel").GetString());
        Assert.Equal(coach.OrganisationId, entry.GetProperty("organisationId").GetGuid());
        Assert.Equal(["plan"], entry.GetProperty("categories").EnumerateArray().Select(category => category.GetString()));
    }
}
