using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Passport.Data.Accounts;
using Passport.Data.Organisations;
using Passport.Domain.Organisations;

namespace Passport.Web.Tests.Hosting;

/// <summary>Fresh organisations with one staff member each, so consent tests never share an audience.</summary>
public static class Staff
{
    public sealed record Member(HttpClient Client, Guid OrganisationId, Guid UserId, string Email, string DisplayName) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }

    /// <summary>Creates an organisation of this kind (and sector) with one staff member, signed in.</summary>
    public static async Task<Member> NewAsync(PassportApp app, OrganisationKind kind, string sector = "logistics")
    {
        ArgumentNullException.ThrowIfNull(app);
        var organisationId = Guid.CreateVersion7();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OrganisationRepository>().CreateAsync(
                organisationId, kind, new OrganisationProfile($"Test {kind} {organisationId:N}", sector, "Eindhoven", null, null), isDemo: false);
        }

        return await MemberAsync(app, organisationId, kind);
    }

    /// <summary>Another staff member of <paramref name="colleague"/>'s organisation, signed in.</summary>
    public static Task<Member> ColleagueAsync(PassportApp app, Member colleague, OrganisationKind kind)
    {
        ArgumentNullException.ThrowIfNull(colleague);
        return MemberAsync(app, colleague.OrganisationId, kind);
    }

    private static async Task<Member> MemberAsync(PassportApp app, Guid organisationId, OrganisationKind kind)
    {
        var email = $"staff-{Guid.NewGuid():N}@example.org";
        var user = new PassportUser
        {
            Email = email,
            DisplayName = $"Staff {Guid.NewGuid():N}"[..14],
            OrganisationId = organisationId,
            Language = "en",
        };
        user.Roles.Add(kind.StaffRole());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<UserManager<PassportUser>>().CreateAsync(user, Accounts.Password);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(error => error.Description)));
        }

        return new Member(await app.CreateClientForAsync(email, Accounts.Password), organisationId, user.Id, email, user.DisplayName);
    }
}
