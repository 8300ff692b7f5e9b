using System.Net;
using System.Text.Json;

namespace Passport.Web.Tests.Hosting;

public static class ProblemAssert
{
    /// <summary>Asserts an RFC 9457 problem with this status, and returns its JSON for further checks.</summary>
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.DoesNotContain("   at ", problem.GetRawText(), StringComparison.Ordinal);
        return problem;
    }
}
