using Passport.Domain.Accounts;

namespace Passport.Web.Accounts;

/// <summary>Named authorization policies; endpoints and pages ask for these, never for raw role strings.</summary>
public static class Policies
{
    public const string JobSeeker = nameof(JobSeeker);
    public const string Staff = nameof(Staff);
    public const string Admin = nameof(Admin);

    /// <summary>A coach acting for their organisation (live workshops).</summary>
    public const string Coach = nameof(Coach);

    /// <summary>An education partner acting for their organisation (pathways).</summary>
    public const string EducationPartner = nameof(EducationPartner);

    /// <summary>An employer's staff member acting for their organisation (vacancies).</summary>
    public const string Employer = nameof(Employer);

    public static void AddPassportPolicies(this Microsoft.AspNetCore.Authorization.AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddPolicy(JobSeeker, policy => policy.RequireRole(Roles.JobSeeker))
            .AddPolicy(Staff, policy => policy.RequireRole([.. Roles.Staff]).RequireClaim(PassportClaims.Organisation))
            .AddPolicy(Admin, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(Coach, policy => policy.RequireRole(Roles.Coach).RequireClaim(PassportClaims.Organisation))
            .AddPolicy(EducationPartner, policy => policy.RequireRole(Roles.EducationPartner).RequireClaim(PassportClaims.Organisation))
            .AddPolicy(Employer, policy => policy.RequireRole(Roles.Employer).RequireClaim(PassportClaims.Organisation));
    }
}
