namespace Passport.Web.Consent;

/// <summary>The door a read came through; shown to the owner in their access log.</summary>
public enum AccessChannel
{
    Api,
    Page,
    ShareLink,
}
