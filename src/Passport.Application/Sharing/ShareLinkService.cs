using System.Globalization;
using Microsoft.Extensions.Options;
using Passport.Application.PersonalData;
using Passport.Data.Database;
using Passport.Data.Sharing;
using Passport.Domain.Consent;
using Passport.Domain.Sharing;

namespace Passport.Application.Sharing;

/// <summary>
/// Share links for the API and the pages alike: creating (the token leaves only in the answer), listing, revoking,
/// and opening. Opening goes through <see cref="IPersonalData.ReadThroughShareLinkAsync"/>, which logs before it reads,
/// so a link shows exactly its categories and
/// every look is in the owner's access log.
/// </summary>
public sealed class ShareLinkService(
    ShareLinkRepository links, IPersonalData personalData, IOptions<LimitOptions> limits, TimeProvider time)
{
    /// <summary>
    /// Makes a link, unless the input breaks a rule (<see cref="OutcomeStatus.Invalid"/>) or the owner already has as
    /// many active links as <see cref="LimitOptions.ActiveShareLinksPerAccount"/> allows (the limit is reached).
    /// </summary>
    public async Task<Outcome<CreatedShareLink>> CreateAsync(Guid ownerId, ShareLinkInput input, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var errors = ShareLinkRules.Validate(input, now, out var draft);
        if (draft is null)
        {
            return Outcome.Invalid<CreatedShareLink>(errors);
        }

        var limit = limits.Value.ActiveShareLinksPerAccount;
        if (await links.CountActiveAsync(ownerId, now, cancellationToken) >= limit)
        {
            return Outcome.LimitReached<CreatedShareLink>("ShareLinks", limit);
        }

        var (token, hash) = ShareLinkToken.Create();
        var link = ShareLink.Create(Guid.CreateVersion7(), ownerId, hash, draft, now);
        await links.CreateAsync(
            new ShareLinkRow
            {
                Id = link.Id,
                UserId = link.OwnerId,
                TokenHash = link.TokenHash,
                Label = link.Label,
                Categories = DataCategories.Format(link.Categories),
                Status = link.Status.ToString(),
                CreatedAt = link.CreatedAt,
                ExpiresAt = link.ExpiresAt,
            },
            cancellationToken);
        return Outcome.Done(new CreatedShareLink(link, token));
    }

    /// <summary>The owner's links, newest first; links whose end date passed are marked expired on the way.</summary>
    public Task<IReadOnlyList<ShareLink>> ListAsync(Guid ownerId, CancellationToken cancellationToken) => ListAsync(ownerId, null, cancellationToken);

    /// <summary>One page of the owner's links, newest first.</summary>
    public async Task<IReadOnlyList<ShareLink>> ListAsync(Guid ownerId, PageRequest? page, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var result = new List<ShareLink>();
        foreach (var row in await links.ListForOwnerAsync(ownerId, page, cancellationToken))
        {
            result.Add(await SettleAsync(Restore(row), now, cancellationToken));
        }

        return result;
    }

    /// <summary>
    /// Stops the owner's link at once. False only when the owner has no such link; revoking a link that already
    /// ended changes nothing, since it opens nothing either way.
    /// </summary>
    public async Task<bool> RevokeAsync(Guid ownerId, Guid linkId, CancellationToken cancellationToken)
    {
        var row = await links.FindForOwnerAsync(ownerId, linkId, cancellationToken);
        if (row is null)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var link = await SettleAsync(Restore(row), now, cancellationToken);
        if (link.CanRevoke)
        {
            link.Revoke(now);
            await links.RevokeAsync(ownerId, linkId, now, cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// What a link shows now, or null for a token that is unknown, revoked or expired (callers answer all three
    /// the same way, so the answer tells a guesser nothing). A successful open is counted and logged first.
    /// </summary>
    public async Task<OpenedShareLink?> OpenAsync(string? token, CancellationToken cancellationToken)
    {
        if (!ShareLinkToken.TryHash(token, out var hash) || await links.FindByTokenHashAsync(hash, cancellationToken) is not { } row)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var link = await SettleAsync(Restore(row), now, cancellationToken);
        // The count is conditional on the link still being active, so a revocation a moment ago wins over this open.
        if (!link.OpensAt(now) || !await links.RecordOpenAsync(link.Id, now, cancellationToken))
        {
            return null;
        }

        var passport = await personalData.ReadThroughShareLinkAsync(link.OwnerId, link.Categories, LogName(link), cancellationToken);
        return passport is null ? null : new OpenedShareLink(link, passport);
    }

    /// <summary>
    /// The name the owner's access log shows for a read through this link: the owner's label, or else the day they
    /// made it, so they can still tell their links apart.
    /// </summary>
    public static string LogName(ShareLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return link.Label ?? link.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private async Task<ShareLink> SettleAsync(ShareLink link, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (link.HasLapsed(now))
        {
            link.Expire();
            await links.ExpireAsync(link.Id, cancellationToken);
        }

        return link;
    }

    private static ShareLink Restore(ShareLinkRow row) => ShareLink.Restore(
        row.Id, row.UserId, row.TokenHash, row.Label, DataCategories.ParseStored(row.Categories), Enum.Parse<ShareLinkStatus>(row.Status),
        row.CreatedAt, row.ExpiresAt, row.RevokedAt, row.LastOpenedAt, row.OpenCount);
}

/// <summary>A link just made, with the one and only copy of its token.</summary>
public sealed record CreatedShareLink(ShareLink Link, string Token);

/// <summary>A link opened: the link and the view of its owner's data it allows.</summary>
public sealed record OpenedShareLink(ShareLink Link, SharedPassport Passport);
