using System.Net.Http.Json;
using System.Text.Json;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Places;

/// <summary><c>GET /api/places</c>: the towns for the "where do you live" picker, public content.</summary>
[Collection(SqliteWebCollection.Name)]
public sealed class PlacesApiTests(SqliteWebAppFixture fixture)
{
    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task Places_Anonymous_ListsIdCountryAndNameOfEveryPlaceButNoCoordinates()
    {
        using var anonymous = _app.CreateClient();

        var places = (await anonymous.GetFromJsonAsync<JsonElement>("/api/places")).EnumerateArray().ToList();

        var eindhoven = Assert.Single(places, place => place.GetProperty("id").GetString() == "eindhoven");
        Assert.Equal("NL", eindhoven.GetProperty("country").GetString());
        Assert.Equal("Eindhoven", eindhoven.GetProperty("name").GetString());
        Assert.All(places, place => Assert.Equal(["id", "country", "name"], place.EnumerateObject().Select(property => property.Name)));
        Assert.Equal(["DK", "NL", "NO"], places.Select(place => place.GetProperty("country").GetString()).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Places_SignedInJobSeeker_GetsTheSameList()
    {
        var (client, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using (client)
        using (var anonymous = _app.CreateClient())
        {
            Assert.Equal(await anonymous.GetStringAsync("/api/places"), await client.GetStringAsync("/api/places"));
        }
    }
}
