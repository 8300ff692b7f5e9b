using Passport.Domain.Organisations;
using Passport.Domain.Simulation;
using Passport.Web.Hosting;

namespace Passport.Web.Demo;

/// <summary>The shape of <c>content/demo/demo.json</c>; <see cref="Candidates"/> are the simulated job seekers.</summary>
public sealed record DemoContent(
    string Password, IReadOnlyList<DemoOrganisation> Organisations, IReadOnlyList<DemoAccount> Accounts, CandidateSimulationSettings? Candidates = null)
{
    public static DemoContent Load(ContentOptions content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.ReadJson<DemoContent, DemoContent>(demo => demo, "demo", "demo.json");
    }
}

public sealed record DemoOrganisation(Guid Id, OrganisationKind Kind, string Name, string? Sector, string? Place, string? Website, string? Description);

/// <param name="OrganisationAdmin">Staff who may invite colleagues and deactivate leavers of their organisation.</param>
public sealed record DemoAccount(
    Guid Id, string Email, string DisplayName, string Role, Guid? Organisation, int? BirthYear, string Language, bool OrganisationAdmin = false);
