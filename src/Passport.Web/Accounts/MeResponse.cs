using Passport.Data.Accounts;

namespace Passport.Web.Accounts;

/// <summary>The signed-in user's own account, as <c>GET /api/me</c> returns it.</summary>
public sealed record MeResponse(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, Guid? OrganisationId, string Language)
{
    public static MeResponse From(PassportUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.Id, user.Email, user.DisplayName, [.. user.Roles], user.OrganisationId, user.Language);
    }
}
