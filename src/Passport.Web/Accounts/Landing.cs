using System.Security.Claims;
using Passport.Application.Accounts;
using Passport.Domain.Accounts;

namespace Passport.Web.Accounts;

/// <summary>
/// Where each role lands after signing in, unless a safe return address says otherwise: the page where their work
/// starts. Staff without an organisation cannot open their pages yet, so they land on the profile, which says so.
/// </summary>
public static class Landing
{
    public const string JobSeekerHome = "/home";

    public const string Fallback = "/profile";

    /// <summary>Staff roles come first: someone who also holds a job seeker's role signs in here to work.</summary>
    private static readonly (string Role, string Home, bool NeedsOrganisation)[] Homes =
    [
        (Roles.Employer, "/employer/vacancies", true),
        (Roles.EducationPartner, "/education/insights", true),
        (Roles.Coach, "/people", true),
        (Roles.Admin, "/admin/matching", false),
        (Roles.JobSeeker, JobSeekerHome, false),
    ];

    public static string For(IReadOnlyCollection<string> roles, bool hasOrganisation)
    {
        ArgumentNullException.ThrowIfNull(roles);
        foreach (var (role, home, needsOrganisation) in Homes)
        {
            if (roles.Contains(role, StringComparer.Ordinal) && (hasOrganisation || !needsOrganisation))
            {
                return home;
            }
        }

        return Fallback;
    }

    public static string For(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return For([.. Roles.All.Where(user.IsInRole)], user.HasClaim(claim => claim.Type == PassportClaims.Organisation));
    }
}
