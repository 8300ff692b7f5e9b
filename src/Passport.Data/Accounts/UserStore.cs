using System.Data.Common;
using Dapper;
using Microsoft.AspNetCore.Identity;
using Passport.Data.Database;
using Passport.Domain.Accounts;

namespace Passport.Data.Accounts;

/// <summary>
/// Identity's user store on Dapper. Identity hashes passwords, counts failures and issues tokens; this class
/// only reads and writes rows. A user and their roles are written together in one transaction, and updates
/// check the concurrency stamp so two hosts cannot silently overwrite each other.
/// </summary>
public sealed class UserStore(PassportDatabase database, TimeProvider time) :
    IUserPasswordStore<PassportUser>,
    IUserEmailStore<PassportUser>,
    IUserRoleStore<PassportUser>,
    IUserSecurityStampStore<PassportUser>,
    IUserLockoutStore<PassportUser>
{
    private const string SelectUser = """
        SELECT id, email, normalized_email AS NormalizedEmail, email_confirmed AS EmailConfirmed,
               display_name AS DisplayName, language, birth_year AS BirthYear, organisation_id AS OrganisationId,
               password_hash AS PasswordHash, security_stamp AS SecurityStamp, concurrency_stamp AS ConcurrencyStamp,
               lockout_enabled AS LockoutEnabled, lockout_end AS LockoutEnd, access_failed_count AS AccessFailedCount,
               is_demo AS IsDemo, created_at AS CreatedAt, organisation_admin AS OrganisationAdmin, deactivated_at AS DeactivatedAt
        FROM users
        """;

    public async Task<IdentityResult> CreateAsync(PassportUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.CreatedAt == default)
        {
            user.CreatedAt = time.GetUtcNow();
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await InsertAsync(connection, transaction, user, cancellationToken))
        {
            // Identity's validator checks for duplicates first; this catches the race between two requests.
            return IdentityResult.Failed(new IdentityErrorDescriber().DuplicateEmail(user.Email));
        }

        await transaction.CommitAsync(cancellationToken);
        return IdentityResult.Success;
    }

    /// <summary>
    /// Writes a new account and its roles in the caller's transaction (an accepted invitation makes one with the change
    /// to the invitation); false, with nothing written, when the address already has an account.
    /// </summary>
    public static async Task<bool> InsertAsync(DbConnection connection, DbTransaction transaction, PassportUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(user);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO users (id, email, normalized_email, email_confirmed, display_name, language, birth_year, organisation_id,
                               password_hash, security_stamp, concurrency_stamp, lockout_enabled, lockout_end, access_failed_count,
                               is_demo, created_at, organisation_admin)
            VALUES (@Id, @Email, @NormalizedEmail, @EmailConfirmed, @DisplayName, @Language, @BirthYear, @OrganisationId,
                    @PasswordHash, @SecurityStamp, @ConcurrencyStamp, @LockoutEnabled, @LockoutEnd, @AccessFailedCount,
                    @IsDemo, @CreatedAt, @OrganisationAdmin)
            ON CONFLICT (normalized_email) DO NOTHING
            """,
            user, transaction, cancellationToken: cancellationToken));
        if (inserted == 0)
        {
            return false;
        }

        await WriteRolesAsync(connection, transaction, user, cancellationToken);
        return true;
    }

    public async Task<IdentityResult> UpdateAsync(PassportUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var expectedStamp = user.ConcurrencyStamp;
        var newStamp = Guid.NewGuid().ToString("N");
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE users
            SET email = @Email, normalized_email = @NormalizedEmail, email_confirmed = @EmailConfirmed,
                display_name = @DisplayName, language = @Language, birth_year = @BirthYear, organisation_id = @OrganisationId,
                password_hash = @PasswordHash, security_stamp = @SecurityStamp, concurrency_stamp = @NewStamp,
                lockout_enabled = @LockoutEnabled, lockout_end = @LockoutEnd, access_failed_count = @AccessFailedCount,
                is_demo = @IsDemo
            WHERE id = @Id AND concurrency_stamp = @ExpectedStamp
            """,
            new
            {
                user.Id, user.Email, user.NormalizedEmail, user.EmailConfirmed, user.DisplayName, user.Language, user.BirthYear,
                user.OrganisationId, user.PasswordHash, user.SecurityStamp, NewStamp = newStamp, user.LockoutEnabled,
                user.LockoutEnd, user.AccessFailedCount, user.IsDemo, ExpectedStamp = expectedStamp,
            },
            transaction, cancellationToken: cancellationToken));
        if (updated == 0)
        {
            return IdentityResult.Failed(new IdentityErrorDescriber().ConcurrencyFailure());
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM user_roles WHERE user_id = @Id", new { user.Id }, transaction, cancellationToken: cancellationToken));
        await WriteRolesAsync(connection, transaction, user, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        user.ConcurrencyStamp = newStamp;
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> DeleteAsync(PassportUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM users WHERE id = @Id", new { user.Id }, cancellationToken: cancellationToken));
        return IdentityResult.Success;
    }

    public Task<PassportUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        Guid.TryParse(userId, out var id)
            ? FindAsync($"{SelectUser} WHERE id = @Value", id, cancellationToken)
            : Task.FromResult<PassportUser?>(null);

    public Task<PassportUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        FindByEmailAsync(normalizedUserName, cancellationToken);

    public Task<PassportUser?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        FindAsync($"{SelectUser} WHERE normalized_email = @Value", normalizedEmail, cancellationToken);

    /// <summary>The security stamp alone, for the check on every request; null when there is no such account.</summary>
    public async Task<string?> FindSecurityStampAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT security_stamp FROM users WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
    }

    private async Task<PassportUser?> FindAsync<T>(string sql, T value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var user = await connection.QuerySingleOrDefaultAsync<PassportUser>(new CommandDefinition(
            sql, new { Value = value }, cancellationToken: cancellationToken));
        if (user is not null)
        {
            user.Roles.AddRange(await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT role FROM user_roles WHERE user_id = @Id ORDER BY role", new { user.Id }, cancellationToken: cancellationToken)));
        }

        return user;
    }

    private static async Task WriteRolesAsync(DbConnection connection, DbTransaction transaction, PassportUser user, CancellationToken cancellationToken)
    {
        foreach (var role in user.Roles.Distinct(StringComparer.Ordinal))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO user_roles (user_id, role) VALUES (@UserId, @Role)",
                new { UserId = user.Id, Role = role }, transaction, cancellationToken: cancellationToken));
        }
    }

    // User name and e-mail are one and the same.
    public Task<string> GetUserIdAsync(PassportUser user, CancellationToken cancellationToken) => Task.FromResult(user.Id.ToString());

    public Task<string?> GetUserNameAsync(PassportUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Email);

    public Task SetUserNameAsync(PassportUser user, string? userName, CancellationToken cancellationToken)
    {
        user.Email = userName ?? "";
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedUserNameAsync(PassportUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.NormalizedEmail);

    public Task SetNormalizedUserNameAsync(PassportUser user, string? normalizedName, CancellationToken cancellationToken)
    {
        user.NormalizedEmail = normalizedName ?? "";
        return Task.CompletedTask;
    }

    public Task<string?> GetEmailAsync(PassportUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Email);

    public Task SetEmailAsync(PassportUser user, string? email, CancellationToken cancellationToken)
    {
        user.Email = email ?? "";
        return Task.CompletedTask;
    }

    public Task<bool> GetEmailConfirmedAsync(PassportUser user, CancellationToken cancellationToken) => Task.FromResult(user.EmailConfirmed);

    public Task SetEmailConfirmedAsync(PassportUser user, bool confirmed, CancellationToken cancellationToken)
    {
        user.EmailConfirmed = confirmed;
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedEmailAsync(PassportUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.NormalizedEmail);

    public Task SetNormalizedEmailAsync(PassportUser user, string? normalizedEmail, CancellationToken cancellationToken)
    {
        user.NormalizedEmail = normalizedEmail ?? "";
        return Task.CompletedTask;
    }

    public Task<string?> GetPasswordHashAsync(PassportUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);

    public Task SetPasswordHashAsync(PassportUser user, string? passwordHash, CancellationToken cancellationToken)
    {
        user.PasswordHash = passwordHash;
        return Task.CompletedTask;
    }

    public Task<bool> HasPasswordAsync(PassportUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash is not null);

    public Task<string?> GetSecurityStampAsync(PassportUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.SecurityStamp);

    public Task SetSecurityStampAsync(PassportUser user, string stamp, CancellationToken cancellationToken)
    {
        user.SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(PassportUser user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnd);

    public Task SetLockoutEndDateAsync(PassportUser user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken)
    {
        user.LockoutEnd = lockoutEnd;
        return Task.CompletedTask;
    }

    public Task<int> IncrementAccessFailedCountAsync(PassportUser user, CancellationToken cancellationToken) => Task.FromResult(++user.AccessFailedCount);

    public Task ResetAccessFailedCountAsync(PassportUser user, CancellationToken cancellationToken)
    {
        user.AccessFailedCount = 0;
        return Task.CompletedTask;
    }

    public Task<int> GetAccessFailedCountAsync(PassportUser user, CancellationToken cancellationToken) => Task.FromResult(user.AccessFailedCount);

    public Task<bool> GetLockoutEnabledAsync(PassportUser user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnabled);

    public Task SetLockoutEnabledAsync(PassportUser user, bool enabled, CancellationToken cancellationToken)
    {
        user.LockoutEnabled = enabled;
        return Task.CompletedTask;
    }

    // Identity hands roles in normalised (upper-case) form; the database keeps the canonical names.
    public Task AddToRoleAsync(PassportUser user, string roleName, CancellationToken cancellationToken)
    {
        var role = CanonicalRole(roleName);
        if (!user.Roles.Contains(role))
        {
            user.Roles.Add(role);
        }

        return Task.CompletedTask;
    }

    public Task RemoveFromRoleAsync(PassportUser user, string roleName, CancellationToken cancellationToken)
    {
        user.Roles.Remove(CanonicalRole(roleName));
        return Task.CompletedTask;
    }

    public Task<IList<string>> GetRolesAsync(PassportUser user, CancellationToken cancellationToken) =>
        Task.FromResult<IList<string>>([.. user.Roles]);

    public Task<bool> IsInRoleAsync(PassportUser user, string roleName, CancellationToken cancellationToken) =>
        Task.FromResult(user.Roles.Contains(CanonicalRole(roleName)));

    public async Task<IList<PassportUser>> GetUsersInRoleAsync(string roleName, CancellationToken cancellationToken)
    {
        var role = CanonicalRole(roleName);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var ids = await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT user_id FROM user_roles WHERE role = @Role", new { Role = role }, cancellationToken: cancellationToken));
        var users = new List<PassportUser>();
        foreach (var id in ids)
        {
            if (await FindByIdAsync(id.ToString(), cancellationToken) is { } user)
            {
                users.Add(user);
            }
        }

        return users;
    }

    private static string CanonicalRole(string roleName) =>
        Roles.All.FirstOrDefault(role => string.Equals(role, roleName, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown role '{roleName}'.", nameof(roleName));

    public void Dispose()
    {
        // Connections are opened and closed per operation; nothing to release.
    }
}
