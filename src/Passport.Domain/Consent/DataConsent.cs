namespace Passport.Domain.Consent;

/// <summary>
/// One owner's permission for one audience to see some categories of their data, for a purpose and possibly until
/// a date. Every change answers the <see cref="ConsentEvent"/> to record.
/// </summary>
public sealed class DataConsent
{
    private readonly ConsentLifecycle _lifecycle;

    private DataConsent(
        Guid id, Guid ownerId, ConsentAudience audience, IReadOnlyList<DataCategory> categories, string purpose, ConsentStatus status,
        Guid? requestedBy, DateTimeOffset createdAt, DateTimeOffset? decidedAt, DateTimeOffset? expiresAt, DateTimeOffset? closedAt)
    {
        Id = id;
        OwnerId = ownerId;
        Audience = audience;
        Categories = categories;
        Purpose = purpose;
        Status = status;
        RequestedBy = requestedBy;
        CreatedAt = createdAt;
        DecidedAt = decidedAt;
        ExpiresAt = expiresAt;
        ClosedAt = closedAt;
        _lifecycle = new ConsentLifecycle(() => Status, value => Status = value);
    }

    public Guid Id { get; }

    public Guid OwnerId { get; }

    public ConsentAudience Audience { get; }

    public IReadOnlyList<DataCategory> Categories { get; }

    public string Purpose { get; }

    public ConsentStatus Status { get; private set; }

    /// <summary>The staff member who asked, for requests; null when the owner shared on their own.</summary>
    public Guid? RequestedBy { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>When the owner granted, approved or declined.</summary>
    public DateTimeOffset? DecidedAt { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>When it stopped: declined, revoked or expired.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    public bool CanApprove => _lifecycle.CanApprove;

    public bool CanDecline => _lifecycle.CanDecline;

    public bool CanRevoke => _lifecycle.CanRevoke;

    /// <summary>The owner shares on their own initiative.</summary>
    public static DataConsent Grant(Guid id, Guid ownerId, ConsentDraft draft, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new(id, ownerId, draft.Audience, draft.Categories, draft.Purpose, ConsentStatus.Granted, null, now, now, draft.ExpiresAt, null);
    }

    /// <summary>Someone asks the owner; nothing is shared until the owner approves.</summary>
    public static DataConsent Request(Guid id, Guid ownerId, ConsentDraft draft, Guid requestedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new(id, ownerId, draft.Audience, draft.Categories, draft.Purpose, ConsentStatus.Requested, requestedBy, now, null, draft.ExpiresAt, null);
    }

    /// <summary>A consent as stored.</summary>
    public static DataConsent Restore(
        Guid id, Guid ownerId, ConsentAudience audience, IReadOnlyList<DataCategory> categories, string purpose, ConsentStatus status,
        Guid? requestedBy, DateTimeOffset createdAt, DateTimeOffset? decidedAt, DateTimeOffset? expiresAt, DateTimeOffset? closedAt) =>
        new(id, ownerId, audience, categories, purpose, status, requestedBy, createdAt, decidedAt, expiresAt, closedAt);

    /// <summary>Whether it lets its audience see its categories at this moment.</summary>
    public bool IsActiveAt(DateTimeOffset now) => Status == ConsentStatus.Granted && !HasLapsed(now);

    /// <summary>Its expiry has passed but it was not yet marked expired.</summary>
    public bool HasLapsed(DateTimeOffset now) => ExpiresAt is { } expiry && expiry <= now && _lifecycle.CanExpire;

    public ConsentEvent Approve(DateTimeOffset now)
    {
        _lifecycle.Approve();
        DecidedAt = now;
        return ConsentEvent.Given;
    }

    public ConsentEvent Decline(DateTimeOffset now)
    {
        _lifecycle.Decline();
        DecidedAt = now;
        ClosedAt = now;
        return ConsentEvent.Declined;
    }

    public ConsentEvent Revoke(DateTimeOffset now)
    {
        _lifecycle.Revoke();
        ClosedAt = now;
        return ConsentEvent.Withdrawn;
    }

    /// <summary>
    /// Makes a granted consent end no later than <paramref name="until"/> (a hand-over's overlap ends, say); false when
    /// it is not granted or already ends by then. It then lapses like any consent with an end date, with its record.
    /// </summary>
    public bool EndBy(DateTimeOffset until)
    {
        if (Status != ConsentStatus.Granted || ExpiresAt <= until)
        {
            return false;
        }

        ExpiresAt = until;
        return true;
    }

    public ConsentEvent Expire()
    {
        _lifecycle.Expire();
        ClosedAt = ExpiresAt;
        return ConsentEvent.Expired;
    }
}
