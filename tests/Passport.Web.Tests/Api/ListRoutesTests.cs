using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passport.Web.Hosting;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Api;

/// <summary>
/// Every route that answers with a list pages it (<c>?page=&amp;pageSize=</c>, a maximum per route) unless it is a
/// catalogue read from <c>content/</c>; found from the host's own routes, so a new list route without paging fails here.
/// </summary>
public abstract class ListRoutesTests(WebAppFixture fixture)
{
    /// <summary>
    /// The same for everyone, loaded from <c>content/</c> at start or fixed in the code (the plan's barriers and needs),
    /// and bounded by what their authors write: nothing a client creates makes them grow.
    /// </summary>
    private static readonly string[] Catalogues = ["/api/places", "/api/plan/barriers", "/api/sectors", "/api/skills", "/api/sprints"];

    private PassportApp App => fixture.App;

    [Fact]
    public void ListRoutes_AllPagedOrCatalogues()
    {
        var lists = AppRoutes.All(App).Where(route => route.Method == "GET" && AppRoutes.ReturnsList(route.Endpoint)).ToList();

        var unpaged = lists
            .Where(route => route.Endpoint.Metadata.GetMetadata<PagingMetadata>() is null && !Catalogues.Contains(route.Pattern))
            .Select(route => route.Pattern);

        Assert.Empty(unpaged);
        Assert.Equal(Catalogues, lists.Select(route => route.Pattern).Intersect(Catalogues).Order(StringComparer.Ordinal));
        Assert.True(lists.Count > 10, $"Only {lists.Count} list routes found; the route scan is broken.");
    }

    [Fact]
    public async Task PagedRoutes_PageSizeAboveMaximumOrBadPage_Return400AndTheMaximumAnswers()
    {
        var paged = AppRoutes.All(App).Where(route => route.Method == "GET" && route.Endpoint.Metadata.GetMetadata<PagingMetadata>() is not null).ToList();
        Assert.NotEmpty(paged);
        var failures = new List<string>();
        foreach (var (_, pattern, endpoint) in paged)
        {
            var max = endpoint.Metadata.GetMetadata<PagingMetadata>()!.MaxPageSize;
            var path = AppRoutes.Fill(pattern);
            using var client = await AppRoutes.ClientForAsync(App, endpoint);
            foreach (var (query, field) in new[]
            {
                (string.Create(CultureInfo.InvariantCulture, $"pageSize={max + 1}"), "pageSize"),
                ("pageSize=0", "pageSize"),
                ("pageSize=-5", "pageSize"),
                ("pageSize=ten", "pageSize"),
                ("page=0", "page"),
                ("page=99999999999", "page"),
            })
            {
                using var response = await client.GetAsync($"{path}?{query}");
                if (response.StatusCode != HttpStatusCode.BadRequest)
                {
                    failures.Add($"{pattern}?{query}: {(int)response.StatusCode}");
                    continue;
                }

                var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
                Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{pattern}?{query} names no {field}");
            }

            using var largest = await client.GetAsync(string.Create(CultureInfo.InvariantCulture, $"{path}?page=2&pageSize={max}"));
            if (largest.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.NotFound))
            {
                failures.Add($"{pattern}?page=2&pageSize={max}: {(int)largest.StatusCode}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Experiences_ThreeInPagesOfTwo_SecondPageHasTheRestAndLinksBack()
    {
        var (client, _) = await Hosting.Accounts.NewJobSeekerAsync(App);
        using (client)
        {
            foreach (var year in new[] { 2020, 2021, 2022 })
            {
                using var created = await client.PostAsJsonAsync("/api/me/experiences", new { kind = "work", title = $"Job {year}", startedOn = $"{year}-01-01" });
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            }

            using var first = await client.GetAsync("/api/me/experiences?pageSize=2");
            using var second = await client.GetAsync("/api/me/experiences?pageSize=2&page=2");

            Assert.Equal(["Job 2022", "Job 2021"], await TitlesAsync(first));
            Assert.Equal(["Job 2020"], await TitlesAsync(second));
            Assert.Equal("</api/me/experiences?pageSize=2&page=2>; rel=\"next\"", first.Headers.GetValues("Link").Single());
            Assert.Equal("</api/me/experiences?pageSize=2&page=1>; rel=\"prev\"", second.Headers.GetValues("Link").Single());
        }
    }

    private static async Task<IEnumerable<string?>> TitlesAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(item => item.GetProperty("title").GetString());
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteListRoutesTests(SqliteWebAppFixture fixture) : ListRoutesTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresListRoutesTests(PostgresWebAppFixture fixture) : ListRoutesTests(fixture);
