using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Passport.Data.Accounts;
using Passport.Data.Database;
using Passport.Data.Organisations;
using Passport.Data.Staff;
using Passport.Domain.Organisations;

namespace Passport.Web.Demo;

/// <summary>
/// With <c>Seed:Demo</c> on, creates the demo organisations and accounts from <c>content/demo/demo.json</c> when missing.
/// With it off, locks any demo account left from an earlier run, because its password is public.
/// Runs under the start-up lock, and every step is idempotent, so hosts starting together end with one set.
/// </summary>
public sealed class DemoSeeder(
    IServiceScopeFactory scopes,
    OrganisationRepository organisations,
    StaffRepository staff,
    IOptions<DemoOptions> options,
    DemoContent demo,
    ILogger<DemoSeeder> logger) : IDatabaseSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PassportUser>>();
        if (!options.Value.Demo)
        {
            await LockDemoAccountsAsync(users, demo);
            return;
        }

        foreach (var organisation in demo.Organisations)
        {
            await organisations.CreateAsync(organisation.Id, organisation.Kind,
                new OrganisationProfile(organisation.Name, organisation.Sector, organisation.Place, organisation.Website, organisation.Description),
                isDemo: true, cancellationToken);
        }

        foreach (var account in demo.Accounts)
        {
            await EnsureAccountAsync(users, account, demo.Password);
        }
    }

    private async Task EnsureAccountAsync(UserManager<PassportUser> users, DemoAccount account, string password)
    {
        var existing = await users.FindByIdAsync(account.Id.ToString());
        if (existing is not null)
        {
            if (existing.LockoutEnd is not null && existing.DeactivatedAt is null)
            {
                // Unlock what an earlier run without demo seeding locked (a deactivated account stays closed).
                existing.LockoutEnd = null;
                existing.AccessFailedCount = 0;
                await ThrowIfFailedAsync(users.UpdateAsync(existing), account.Email);
            }

            if (account.OrganisationAdmin && !existing.OrganisationAdmin)
            {
                // Seeded before organisations had admins.
                await staff.GrantOrganisationAdminAsync(existing.Id);
            }

            return;
        }

        var user = new PassportUser
        {
            Id = account.Id,
            Email = account.Email,
            EmailConfirmed = true,
            DisplayName = account.DisplayName,
            Language = account.Language,
            BirthYear = account.BirthYear,
            OrganisationId = account.Organisation,
            OrganisationAdmin = account.OrganisationAdmin,
            IsDemo = true,
        };
        user.Roles.Add(account.Role);
        await ThrowIfFailedAsync(users.CreateAsync(user, password), account.Email);
        logger.LogInformation("Created demo account {Email} ({Role})", account.Email, account.Role);
    }

    private async Task LockDemoAccountsAsync(UserManager<PassportUser> users, DemoContent demo)
    {
        foreach (var account in demo.Accounts)
        {
            var user = await users.FindByIdAsync(account.Id.ToString());
            if (user is { IsDemo: true } && user.LockoutEnd != DateTimeOffset.MaxValue)
            {
                user.LockoutEnd = DateTimeOffset.MaxValue;
                // A new security stamp with it ends every session and token the account still had.
                await ThrowIfFailedAsync(users.UpdateSecurityStampAsync(user), account.Email);
                logger.LogWarning("Demo seeding is off: locked demo account {Email}, whose password is public", account.Email);
            }
        }
    }

    private static async Task ThrowIfFailedAsync(Task<IdentityResult> operation, string email)
    {
        var result = await operation;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo account {email}: {string.Join("; ", result.Errors.Select(error => error.Description))}");
        }
    }
}
