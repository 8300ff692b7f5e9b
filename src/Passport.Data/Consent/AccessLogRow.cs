namespace Passport.Data.Consent;

/// <summary>
/// One read of someone's data by someone else: when, who (and for which organisation), which categories, why, and
/// through which door (the API, a page, or a share link, which has no reader account).
/// </summary>
public sealed class AccessLogRow
{
    public Guid Id { get; set; }

    public Guid SubjectUserId { get; set; }

    public DateTimeOffset AccessedAt { get; set; }

    public Guid? ActorUserId { get; set; }

    public string? ActorName { get; set; }

    public Guid? OrganisationId { get; set; }

    public string? OrganisationName { get; set; }

    public string Categories { get; set; } = "";

    public string? Purpose { get; set; }

    public string Channel { get; set; } = "";
}
