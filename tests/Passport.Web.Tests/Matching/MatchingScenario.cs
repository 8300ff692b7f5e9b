using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Passport.Domain.Places;
using Passport.Matching;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Matching;

/// <summary>Vacancies for matching tests, placed at a town of the place catalogue so each test can keep its candidates to itself.</summary>
public static class MatchingScenario
{
    public static Place PlaceOf(PassportApp app, string placeId) =>
        app.Services.GetRequiredService<PlaceCatalog>().Find(placeId) ?? throw new ArgumentException($"No place '{placeId}'.", nameof(placeId));

    /// <summary>
    /// Creates and publishes a vacancy at <paramref name="placeId"/> asking <paramref name="skills"/> (id, importance,
    /// minimum); <paramref name="at"/> puts it at other coordinates under the place's name.
    /// </summary>
    public static async Task<Guid> PublishVacancyAsync(
        PassportApp app, HttpClient employer, string placeId, IEnumerable<(string SkillId, int Importance, int MinimumLevel)> skills,
        string sector = "logistics", int hours = 32, GeoPoint? at = null)
    {
        var id = await DraftVacancyAsync(app, employer, placeId, skills, sector, hours, at);
        using var published = await employer.PostAsync($"/api/employer/vacancies/{id}/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return id;
    }

    /// <summary>As <see cref="PublishVacancyAsync"/>, but left a draft.</summary>
    public static async Task<Guid> DraftVacancyAsync(
        PassportApp app, HttpClient employer, string placeId, IEnumerable<(string SkillId, int Importance, int MinimumLevel)> skills,
        string sector = "logistics", int hours = 32, GeoPoint? at = null)
    {
        ArgumentNullException.ThrowIfNull(employer);
        var place = PlaceOf(app, placeId);
        var point = at ?? new GeoPoint(place.Latitude, place.Longitude);
        using var created = await employer.PostAsJsonAsync("/api/employer/vacancies", new
        {
            title = $"Test job in {place.Name}",
            sector,
            location = new { latitude = point.Latitude, longitude = point.Longitude, place = place.Name },
            hoursPerWeek = hours,
            skills = skills.Select(s => new { skillId = s.SkillId, importance = s.Importance, minimumLevel = s.MinimumLevel }),
            mustHaves = Array.Empty<object>(),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The point <paramref name="km"/> from <paramref name="from"/> towards <paramref name="bearingDegrees"/> (0 north, 90 east).</summary>
    public static GeoPoint Offset(GeoPoint from, double km, double bearingDegrees)
    {
        var bearing = double.DegreesToRadians(bearingDegrees);
        var kmPerDegree = Geo.EarthRadiusKm * Math.PI / 180;
        return new GeoPoint(
            from.Latitude + (km * Math.Cos(bearing) / kmPerDegree),
            from.Longitude + (km * Math.Sin(bearing) / (kmPerDegree * Math.Cos(double.DegreesToRadians(from.Latitude)))));
    }

    public static async Task<JsonElement> MatchesAsync(HttpClient employer, Guid vacancyId, int top = 20)
    {
        ArgumentNullException.ThrowIfNull(employer);
        using var response = await employer.GetAsync($"/api/employer/vacancies/{vacancyId}/matches?top={top}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>
    /// Two published vacancies of <paramref name="employer"/> at <paramref name="placeId"/> asking integrity, and one
    /// job seeker who fits both, matched to each: the candidate references for the first and the second.
    /// </summary>
    public static async Task<TwoVacanciesOneCandidate> TwoVacanciesOneCandidateAsync(PassportApp app, HttpClient employer, string placeId)
    {
        ArgumentNullException.ThrowIfNull(app);
        var first = await PublishVacancyAsync(app, employer, placeId, [("integrity", 3, 2)]);
        var second = await PublishVacancyAsync(app, employer, placeId, [("integrity", 3, 2)]);
        var (seeker, seekerId) = await TestCandidates.AddAsync(app, new CandidateSpec(new Dictionary<string, int> { ["integrity"] = 4 }, placeId));
        await MatchesAsync(employer, first, top: 100);
        await MatchesAsync(employer, second, top: 100);
        var matches = app.Services.GetRequiredService<Passport.Data.Matching.MatchRepository>();
        return new TwoVacanciesOneCandidate(
            seeker, first, (await matches.FindForUserAsync(first, seekerId))!.CandidateRef,
            second, (await matches.FindForUserAsync(second, seekerId))!.CandidateRef);
    }

    /// <summary>Spearman's rank correlation, with tied values given their average rank.</summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var rx = Ranks(x);
        var ry = Ranks(y);
        var mx = rx.Average();
        var my = ry.Average();
        var covariance = rx.Zip(ry, (a, b) => (a - mx) * (b - my)).Sum();
        var spread = Math.Sqrt(rx.Sum(a => (a - mx) * (a - mx)) * ry.Sum(b => (b - my) * (b - my)));
        return covariance / spread;
    }

    private static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = values.Select((value, index) => (value, index)).OrderBy(p => p.value).ToList();
        var ranks = new double[values.Count];
        for (var i = 0; i < order.Count;)
        {
            var j = i;
            while (j + 1 < order.Count && order[j + 1].value == order[i].value)
            {
                j++;
            }

            for (var k = i; k <= j; k++)
            {
                ranks[order[k].index] = (i + j) / 2.0;
            }

            i = j + 1;
        }

        return ranks;
    }
}

/// <summary>What <see cref="MatchingScenario.TwoVacanciesOneCandidateAsync"/> made; disposing signs the job seeker's client out.</summary>
public sealed record TwoVacanciesOneCandidate(HttpClient Seeker, Guid First, string RefFirst, Guid Second, string RefSecond) : IDisposable
{
    public void Dispose() => Seeker.Dispose();
}
