namespace Passport.Application.PersonalData;

/// <summary>The door a read came through; shown to the owner in their access log.</summary>
public enum AccessChannel
{
    Api,
    Page,
    ShareLink,

    /// <summary>A coach's live workshop board, which shows a participant's first name and sprint progress.</summary>
    Workshop,
}
