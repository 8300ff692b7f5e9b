using System.ComponentModel.DataAnnotations;

namespace Passport.Application.Staff;

/// <summary>Configuration section <c>Staff</c>: how long links sent by e-mail keep working.</summary>
public sealed class StaffOptions
{
    public const string SectionName = "Staff";

    /// <summary>How long an invitation to join an organisation can be accepted.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "30.00:00:00")]
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a password-reset link works.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromHours(1);
}
