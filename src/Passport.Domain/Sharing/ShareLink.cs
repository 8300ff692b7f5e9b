using Passport.Domain.Consent;

namespace Passport.Domain.Sharing;

/// <summary>
/// A time-limited, revocable link through which anyone holding it may read some categories of its owner's data,
/// without an account. The link knows only the hash of its secret (<see cref="ShareLinkToken"/>).
/// </summary>
public sealed class ShareLink
{
    private readonly ShareLinkLifecycle _lifecycle;

    private ShareLink(
        Guid id, Guid ownerId, string tokenHash, string? label, IReadOnlyList<DataCategory> categories, ShareLinkStatus status,
        DateTimeOffset createdAt, DateTimeOffset expiresAt, DateTimeOffset? revokedAt, DateTimeOffset? lastOpenedAt, int openCount)
    {
        Id = id;
        OwnerId = ownerId;
        TokenHash = tokenHash;
        Label = label;
        Categories = categories;
        Status = status;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
        RevokedAt = revokedAt;
        LastOpenedAt = lastOpenedAt;
        OpenCount = openCount;
        _lifecycle = new ShareLinkLifecycle(() => Status, value => Status = value);
    }

    public Guid Id { get; }

    public Guid OwnerId { get; }

    public string TokenHash { get; }

    /// <summary>The owner's own name for the link, e.g. "For the job fair"; shown in their access log.</summary>
    public string? Label { get; }

    public IReadOnlyList<DataCategory> Categories { get; }

    public ShareLinkStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset ExpiresAt { get; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public DateTimeOffset? LastOpenedAt { get; }

    public int OpenCount { get; }

    public bool CanRevoke => _lifecycle.CanRevoke;

    public static ShareLink Create(Guid id, Guid ownerId, string tokenHash, ShareLinkDraft draft, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentException.ThrowIfNullOrEmpty(tokenHash);
        return new(id, ownerId, tokenHash, draft.Label, draft.Categories, ShareLinkStatus.Active, now, draft.ExpiresAt, null, null, 0);
    }

    /// <summary>A share link as stored.</summary>
    public static ShareLink Restore(
        Guid id, Guid ownerId, string tokenHash, string? label, IReadOnlyList<DataCategory> categories, ShareLinkStatus status,
        DateTimeOffset createdAt, DateTimeOffset expiresAt, DateTimeOffset? revokedAt, DateTimeOffset? lastOpenedAt, int openCount) =>
        new(id, ownerId, tokenHash, label, categories, status, createdAt, expiresAt, revokedAt, lastOpenedAt, openCount);

    /// <summary>Whether the link opens the owner's data at this moment.</summary>
    public bool OpensAt(DateTimeOffset now) => Status == ShareLinkStatus.Active && ExpiresAt > now;

    /// <summary>Its end date has passed but it was not yet marked expired.</summary>
    public bool HasLapsed(DateTimeOffset now) => ExpiresAt <= now && _lifecycle.CanExpire;

    public void Revoke(DateTimeOffset now)
    {
        _lifecycle.Revoke();
        RevokedAt = now;
    }

    public void Expire() => _lifecycle.Expire();
}
