using System.Buffers.Text;
using System.Security.Cryptography;
using Passport.Data.Accounts;
using Passport.Data.Appointments;
using Passport.Data.Security;
using Passport.Domain.Accounts;
using Passport.Domain.Appointments;
using Passport.Domain.Sharing;

namespace Passport.Application.Appointments;

/// <summary>
/// A person's secret calendar address. Its token is an HMAC of the feed's id under a key shared by every host (kept
/// in <c>signing_keys</c>), so the owner can be shown the same address again while only the token's SHA-256 hash is
/// stored with the feed: a copy of <c>calendar_feeds</c> opens nothing. Rotating revokes the old feed and makes a new
/// one; a revoked feed's address is not found, like one that never existed.
/// </summary>
public sealed class CalendarFeeds(CalendarFeedRepository feeds, AppointmentRepository appointments, UserStore users, SigningKeyStore keys, TimeProvider time)
{
    private const string KeyPurpose = "calendar-feeds";

    /// <summary>How long a cancelled or past appointment stays in the feed, so calendars take over that it ended.</summary>
    public static readonly TimeSpan PastKept = TimeSpan.FromDays(90);

    private byte[]? _key;

    /// <summary>The token of the person's active feed, made now if they have none.</summary>
    public async Task<string> GetOrCreateAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (await feeds.FindActiveAsync(personId, cancellationToken) is { } feed)
            {
                return await TokenAsync(feed.Id, cancellationToken);
            }

            if (await CreateAsync(personId, revokeActive: false, cancellationToken) is { } token)
            {
                return token;
            }

            // Another request made the feed between the look and the write; the next look finds it.
            if (attempt > 0)
            {
                throw new InvalidOperationException("The calendar feed could neither be found nor made.");
            }
        }
    }

    /// <summary>The token of the person's active feed, or null when they have none (nothing is made).</summary>
    public async Task<string?> FindAsync(Guid personId, CancellationToken cancellationToken = default) =>
        await feeds.FindActiveAsync(personId, cancellationToken) is { } feed ? await TokenAsync(feed.Id, cancellationToken) : null;

    /// <summary>Revokes the person's feed (if any) and makes a new one; the old address stops at once.</summary>
    public async Task<string> RotateAsync(Guid personId, CancellationToken cancellationToken = default) =>
        await CreateAsync(personId, revokeActive: true, cancellationToken)
        ?? throw new InvalidOperationException("A new calendar feed could not be made.");

    /// <summary>Revokes the person's feed; false when they had none.</summary>
    public Task<bool> RevokeAsync(Guid personId, CancellationToken cancellationToken = default) =>
        feeds.RevokeAsync(personId, time.GetUtcNow(), cancellationToken);

    /// <summary>
    /// What the feed with this token holds: its owner's language and their appointments that are ahead or ended at
    /// most <see cref="PastKept"/> ago, cancelled ones included; null for an unknown or revoked token.
    /// </summary>
    public async Task<(string Language, IReadOnlyList<Appointment> Appointments)?> OpenAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!ShareLinkToken.TryHash(token, out var hash) || await feeds.FindActiveByTokenHashAsync(hash, cancellationToken) is not { } feed)
        {
            return null;
        }

        var since = time.GetUtcNow() - PastKept;
        var held = (await appointments.ListForPersonAsync(feed.PersonId, cancellationToken)).Where(appointment => appointment.Details.EndsAt > since).ToList();
        var owner = await users.FindByIdAsync(feed.PersonId.ToString(), cancellationToken);
        return (owner?.Language ?? Languages.Default, held);
    }

    private async Task<string?> CreateAsync(Guid personId, bool revokeActive, CancellationToken cancellationToken)
    {
        var feed = new CalendarFeed(Guid.CreateVersion7(), personId, time.GetUtcNow());
        var token = await TokenAsync(feed.Id, cancellationToken);
        return await feeds.CreateAsync(feed, ShareLinkToken.Hash(token), revokeActive, cancellationToken) ? token : null;
    }

    private async Task<string> TokenAsync(Guid feedId, CancellationToken cancellationToken)
    {
        // Every host reads the same stored key; racing first reads store one and read it back alike.
        _key ??= await keys.GetOrCreateAsync(KeyPurpose, 32, cancellationToken);
        return Base64Url.EncodeToString(HMACSHA256.HashData(_key, feedId.ToByteArray()));
    }
}
