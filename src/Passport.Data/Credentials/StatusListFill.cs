namespace Passport.Data.Credentials;

/// <summary>The newest status list and how many of its bits are taken; list 0 with 0 taken when none exists yet.</summary>
public sealed class StatusListFill
{
    public int ListId { get; set; }

    public int Taken { get; set; }
}
