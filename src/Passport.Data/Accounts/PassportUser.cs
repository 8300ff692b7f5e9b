namespace Passport.Data.Accounts;

/// <summary>
/// An account as ASP.NET Core Identity sees it. The e-mail address is the user name. Staff belong to an
/// organisation, which owns their data; job seekers belong to none and own their own.
/// </summary>
public sealed class PassportUser
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Email { get; set; } = "";

    public string NormalizedEmail { get; set; } = "";

    public bool EmailConfirmed { get; set; }

    public string DisplayName { get; set; } = "";

    public string Language { get; set; } = Domain.Accounts.Languages.Default;

    public int? BirthYear { get; set; }

    public Guid? OrganisationId { get; set; }

    public string? PasswordHash { get; set; }

    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public bool LockoutEnabled { get; set; } = true;

    public DateTimeOffset? LockoutEnd { get; set; }

    public int AccessFailedCount { get; set; }

    /// <summary>Seeded for demonstrations; locked whenever demo seeding is switched off.</summary>
    public bool IsDemo { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Staff with this right invite colleagues and deactivate leavers of their organisation.</summary>
    public bool OrganisationAdmin { get; set; }

    /// <summary>When the organisation deactivated this staff account; it cannot sign in since.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    /// <summary>Role names (see <see cref="Domain.Accounts.Roles"/>); saved with the user by the store.</summary>
    public List<string> Roles { get; } = [];
}
