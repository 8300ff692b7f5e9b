namespace Passport.Data.Sharing;

/// <summary>A row of <c>share_links</c>. The link's secret is not here, only its hash.</summary>
public sealed class ShareLinkRow
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public string TokenHash { get; set; } = "";

    public string? Label { get; set; }

    /// <summary>Category API names separated by spaces, as in <c>consents.categories</c>.</summary>
    public string Categories { get; set; } = "";

    public string Status { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastOpenedAt { get; set; }

    public int OpenCount { get; set; }
}
