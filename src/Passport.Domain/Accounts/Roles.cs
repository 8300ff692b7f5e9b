namespace Passport.Domain.Accounts;

/// <summary>The five roles of the platform. Role names are part of the public API (tokens, <c>GET /api/me</c>).</summary>
public static class Roles
{
    public const string JobSeeker = "JobSeeker";
    public const string Employer = "Employer";
    public const string EducationPartner = "EducationPartner";
    public const string Coach = "Coach";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [JobSeeker, Employer, EducationPartner, Coach, Admin];

    /// <summary>Roles whose holders act for an organisation and so must belong to one.</summary>
    public static IReadOnlyList<string> Staff { get; } = [Employer, EducationPartner, Coach];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
