using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Handovers;

/// <summary>
/// The people of one hand-over, fresh per test: a young person who shares their plan with municipality A (whose coach
/// is their contact person), and municipality B with two coaches.
/// </summary>
internal sealed class HandoverParties : IDisposable
{
    private HandoverParties(
        HttpClient youth, Guid youthId, string youthEmail, string aConsentId, Staff.Member a, Staff.Member b, Staff.Member bColleague)
    {
        Youth = youth;
        YouthId = youthId;
        YouthEmail = youthEmail;
        AConsentId = aConsentId;
        A = a;
        B = b;
        BColleague = bColleague;
    }

    public HttpClient Youth { get; }

    public Guid YouthId { get; }

    public string YouthEmail { get; }

    /// <summary>The young person's own plan consent to A.</summary>
    public string AConsentId { get; }

    public Staff.Member A { get; }

    public Staff.Member B { get; }

    public Staff.Member BColleague { get; }

    public static async Task<HandoverParties> CreateAsync(PassportApp app)
    {
        var (youth, youthEmail) = await Hosting.Accounts.NewJobSeekerAsync(app);
        var youthId = (await youth.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetGuid();
        var a = await Staff.NewAsync(app, OrganisationKind.Municipality);
        var b = await Staff.NewAsync(app, OrganisationKind.Municipality);
        var bColleague = await Staff.ColleagueAsync(app, b, OrganisationKind.Municipality);
        using var granted = await youth.PostAsJsonAsync(
            "/api/me/consents", new { audience = new { organisationId = a.OrganisationId }, categories = new[] { "plan" }, purpose = "Work on my plan" });
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        var consentId = (await granted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var assigned = await a.Client.PostAsJsonAsync($"/api/people/{youthId}/contact-persons", new { });
        Assert.Equal(HttpStatusCode.Created, assigned.StatusCode);
        return new HandoverParties(youth, youthId, youthEmail, consentId, a, b, bColleague);
    }

    /// <summary>A step the young person adds to their own plan; its id.</summary>
    public async Task<string> AddStepAsync(string title)
    {
        using var added = await Youth.PostAsJsonAsync("/api/me/plan/steps", new { title });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var plan = await added.Content.ReadFromJsonAsync<JsonElement>();
        return plan.GetProperty("steps").EnumerateArray().Single(step => step.GetProperty("title").GetString() == title).GetProperty("id").GetString()!;
    }

    /// <summary>A's coach proposes; the created hand-over.</summary>
    public async Task<JsonElement> ProposeAsync(object body)
    {
        using var response = await A.Client.PostAsJsonAsync($"/api/people/{YouthId}/handovers", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<IReadOnlyList<JsonElement>> ListOrganisationAsync(Staff.Member staff) =>
        [.. (await staff.Client.GetFromJsonAsync<JsonElement>("/api/organisation/handovers")).EnumerateArray()];

    public void Dispose()
    {
        Youth.Dispose();
        A.Dispose();
        B.Dispose();
        BColleague.Dispose();
    }
}
