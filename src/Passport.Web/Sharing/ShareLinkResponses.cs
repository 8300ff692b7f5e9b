using System.Text.Json;
using System.Text.Json.Serialization;
using Passport.Application.PersonalData;
using Passport.Domain.Consent;
using Passport.Domain.Sharing;

namespace Passport.Web.Sharing;

/// <summary>The answer to creating a link: the only time its token, address and QR code are ever given out.</summary>
public sealed record CreatedShareLinkResponse(
    Guid Id, string Url, string Token, string QrSvg, IReadOnlyList<string> Categories, string? Label, DateTimeOffset ExpiresAt);

/// <summary>A link in the owner's list; never its token (it is not kept).</summary>
public sealed record ShareLinkResponse(
    Guid Id,
    string? Label,
    IReadOnlyList<string> Categories,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastOpenedAt,
    int OpenCount)
{
    public static ShareLinkResponse From(ShareLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new(
            link.Id, link.Label, [.. link.Categories.Select(DataCategories.Name)], JsonNamingPolicy.CamelCase.ConvertName(link.Status.ToString()),
            link.CreatedAt, link.ExpiresAt, link.RevokedAt, link.LastOpenedAt, link.OpenCount);
    }
}

/// <summary>
/// What a share link shows: the <see cref="SharedPassport"/> without the owner's account id, which would
/// let whoever holds two links tell they come from the same person, and which a link's reader has no use for.
/// </summary>
public sealed record SharedLinkPassport(
    IReadOnlyList<string> Categories,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SharedSkill>? Skills,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SharedEndorsement>? Endorsements,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SharedSprintDetails? SprintDetails,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SharedExperience>? Experiences,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SharedContact? Contact)
{
    public static SharedLinkPassport From(SharedPassport passport)
    {
        ArgumentNullException.ThrowIfNull(passport);
        return new(passport.Categories, passport.Skills, passport.Endorsements, passport.SprintDetails, passport.Experiences, passport.Contact);
    }
}
