using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Architecture;

/// <summary>The door scenario of the questions about a pathway: the asker's contact details reach its provider only through the door.</summary>
public abstract partial class PersonalDataDoorTests
{
    private async Task PathwayQuestionsAsync(bool page)
    {
        var (person, email) = await Hosting.Accounts.NewJobSeekerAsync(App);
        using var _ = person;
        using var school = await Staff.NewAsync(App, OrganisationKind.EducationProvider, "education");
        using var other = await Staff.NewAsync(App, OrganisationKind.EducationProvider, "education");
        using var created = await school.Client.PostAsJsonAsync("/api/education/pathways", new
        {
            title = "Door test path",
            modules = new[] { new { title = "Part one", weeks = 2 } },
            location = new { latitude = 52.22, longitude = 6.89, place = "Enschede" },
            capacity = 5,
            entryRequirements = Array.Empty<object>(),
            gains = new[] { new { skillId = "teamwork", expectedGain = 1.0 } },
        });
        var pathwayId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await school.Client.PostAsync($"/api/education/pathways/{pathwayId}/open", null)).Dispose();
        using var session = page ? await PageSession.SignInAsync(App, school.Email, Hosting.Accounts.Password) : null;

        async Task<bool> ReadsContactAsync()
        {
            if (session is null)
            {
                var questions = await school.Client.GetFromJsonAsync<JsonElement>($"/api/education/pathways/{pathwayId}/questions");
                return questions.EnumerateArray().Any(question => question.GetProperty("contact").ValueKind == JsonValueKind.Object);
            }

            return (await session.GetPageAsync($"/education/pathways/{pathwayId}/questions")).Contains(email, StringComparison.OrdinalIgnoreCase);
        }

        Assert.False(await ReadsContactAsync());
        Assert.Empty(await LogAsync(person));

        using (var asked = await person.PostAsJsonAsync($"/api/me/pathways/{pathwayId}/questions", new { question = "Door test", shareContact = true }))
        {
            Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        }

        using (var refused = await other.Client.GetAsync($"/api/education/pathways/{pathwayId}/questions"))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        Assert.Empty(await LogAsync(person));
        Assert.True(await ReadsContactAsync());
        var read = Assert.Single(await LogAsync(person));
        Assert.Equal(page ? "page" : "api", read.GetProperty("channel").GetString());
        Assert.Equal(school.OrganisationId, read.GetProperty("organisationId").GetGuid());
        Assert.Equal(["contact"], read.GetProperty("categories").EnumerateArray().Select(category => category.GetString()));
    }
}
