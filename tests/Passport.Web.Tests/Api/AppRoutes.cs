using System.Collections;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Api;

/// <summary>The host's own list of routes, so tests cover every route there is, including those added later.</summary>
public static partial class AppRoutes
{
    /// <summary>Every route with an HTTP method, as (method, pattern, endpoint); SignalR and static files left out.</summary>
    public static IReadOnlyList<(string Method, string Pattern, RouteEndpoint Endpoint)> All(PassportApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText is { } pattern && !pattern.StartsWith("/hubs", StringComparison.Ordinal))
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(method => (method, "/" + endpoint.RoutePattern.RawText!.TrimStart('/'), endpoint)))
            .Distinct()
            .OrderBy(route => route.Item2, StringComparer.Ordinal)
            .ThenBy(route => route.method, StringComparer.Ordinal)];
    }

    /// <summary>Whether the route answers 200 with a JSON array.</summary>
    public static bool ReturnsList(RouteEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.Metadata.OfType<IProducesResponseTypeMetadata>()
            .Any(produces => produces.StatusCode == StatusCodes.Status200OK && produces.Type is { } type
                && type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type));
    }

    /// <summary>The pattern with each parameter filled: a fresh GUID where it must be one, else <paramref name="text"/>.</summary>
    public static string Fill(string pattern, string text = "x") =>
        Parameter().Replace(pattern, match => match.Groups["constraint"].Value.Contains("guid", StringComparison.Ordinal)
            ? Guid.NewGuid().ToString()
            : match.Groups["constraint"].Value.Contains("int", StringComparison.Ordinal) ? "1" : text);

    /// <summary>A signed-in client that the route's policy lets through (a fresh job seeker, or a demo staff member or admin).</summary>
    public static async Task<HttpClient> ClientForAsync(PassportApp app, RouteEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(endpoint);
        var policies = endpoint.Metadata.OfType<IAuthorizeData>().Select(data => data.Policy).ToList();
        if (policies.Count == 0 || endpoint.Metadata.OfType<IAllowAnonymous>().Any())
        {
            return app.CreateClient();
        }

        return policies.LastOrDefault(policy => policy is not null) switch
        {
            "Admin" => await app.CreateClientForAsync("admin@demo.test"),
            "Staff" or "Employer" => await app.CreateClientForAsync("employer@demo.test"),
            "EducationPartner" => await app.CreateClientForAsync("school@demo.test"),
            "Coach" => await app.CreateClientForAsync("coach@demo.test"),
            _ => (await Hosting.Accounts.NewJobSeekerAsync(app)).Client,
        };
    }

    [GeneratedRegex(@"\{(?<name>[^}:=?]+)(?<constraint>[^}]*)\}")]
    private static partial Regex Parameter();
}
