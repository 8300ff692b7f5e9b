using System.Text.Json;
using Passport.Data.Consent;
using Passport.Domain.Consent;
using Passport.Grains.Consent;

namespace Passport.Application.Consent;

/// <summary>A consent as the API shows it. Status and audience kind are lower camelCase words, as categories are.</summary>
public sealed record ConsentResponse(
    Guid Id,
    AudienceResponse Audience,
    IReadOnlyList<string> Categories,
    string Purpose,
    string Status,
    bool Requested,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? ClosedAt)
{
    public static ConsentResponse From(ConsentView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(
            view.Id,
            new AudienceResponse(JsonNamingPolicy.CamelCase.ConvertName(view.AudienceKind.ToString()), view.AudienceOrganisationId, view.AudienceOrganisationName, view.AudienceSector),
            [.. view.Categories.Select(DataCategories.Name)],
            view.Purpose,
            JsonNamingPolicy.CamelCase.ConvertName(view.Status.ToString()),
            view.RequestedByUserId is not null,
            view.CreatedAt,
            view.DecidedAt,
            view.ExpiresAt,
            view.ClosedAt);
    }
}

public sealed record AudienceResponse(string Kind, Guid? OrganisationId, string? OrganisationName, string? Sector);

/// <summary>One line of the owner's access log.</summary>
public sealed record AccessLogEntryResponse(
    Guid Id, DateTimeOffset At, string? Reader, Guid? OrganisationId, string? OrganisationName, IReadOnlyList<string> Categories, string? Purpose, string Channel)
{
    public static AccessLogEntryResponse From(AccessLogRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(
            row.Id, row.AccessedAt, row.ActorName, row.OrganisationId, row.OrganisationName,
            [.. DataCategories.ParseStored(row.Categories).Select(DataCategories.Name)], row.Purpose,
            JsonNamingPolicy.CamelCase.ConvertName(row.Channel));
    }
}
