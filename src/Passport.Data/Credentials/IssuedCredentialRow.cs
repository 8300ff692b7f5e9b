namespace Passport.Data.Credentials;

/// <summary>A row of <c>issued_credentials</c>. <see cref="UserId"/> and <see cref="SkillId"/> are null after the owner's account was erased.</summary>
public sealed class IssuedCredentialRow
{
    public Guid Id { get; set; }

    public Guid? UserId { get; set; }

    /// <summary><c>skill</c> or <c>summary</c>.</summary>
    public string Kind { get; set; } = "";

    public string? SkillId { get; set; }

    public int StatusListId { get; set; }

    public int StatusListIndex { get; set; }

    /// <summary><c>Issued</c> or <c>Revoked</c>.</summary>
    public string Status { get; set; } = "";

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>The issuer key that signed it.</summary>
    public string Kid { get; set; } = "";
}
