namespace Passport.Data.Email;

/// <summary>Where an outbox message stands, as stored in <c>outgoing_emails.status</c>.</summary>
public static class OutboxStatus
{
    /// <summary>Waiting for its next attempt (or being sent now, under a lease).</summary>
    public const string Pending = "Pending";

    /// <summary>The mail server accepted it.</summary>
    public const string Sent = "Sent";

    /// <summary>Every attempt failed; kept with its last error for an Admin to see.</summary>
    public const string Failed = "Failed";
}
