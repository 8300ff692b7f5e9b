using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Architecture;

/// <summary>The door scenario of a person's appointments: a coach lists them only with the person's plan, and every list is logged.</summary>
public abstract partial class PersonalDataDoorTests
{
    private async Task PersonAppointmentsAsync(bool page)
    {
        var (person, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var _ = person;
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using var session = page ? await PageSession.SignInAsync(App, coach.Email, Hosting.Accounts.Password) : null;

        async Task<bool> ReadAsync()
        {
            if (session is null)
            {
                using var response = await coach.Client.GetAsync($"/api/people/{personId}/appointments");
                Assert.Contains(response.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.NotFound });
                return response.StatusCode == HttpStatusCode.OK;
            }

            return (await session.GetPageAsync($"/people/{personId}/appointments")).Contains("id=\"list-heading\"", StringComparison.Ordinal);
        }

        Assert.False(await ReadAsync());
        Assert.Empty(await LogAsync(person));

        await GrantAsync(person, coach.OrganisationId, "plan");

        Assert.True(await ReadAsync());
        var read = Assert.Single(await LogAsync(person));
        Assert.Equal(page ? "page" : "api", read.GetProperty("channel").GetString());
        Assert.Equal(coach.OrganisationId, read.GetProperty("organisationId").GetGuid());
        Assert.Equal(["plan"], read.GetProperty("categories").EnumerateArray().Select(category => category.GetString()));
    }
}
