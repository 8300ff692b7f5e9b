using System.ComponentModel.DataAnnotations;

namespace Passport.Application.Accounts;

/// <summary>Configuration section <c>Accounts</c>: who may sign up.</summary>
public sealed class AccountsOptions
{
    public const string SectionName = "Accounts";

    /// <summary>The youngest age (in years, reached this calendar year) at which a job seeker may sign up.</summary>
    [Range(13, 18)]
    public int MinimumAge { get; set; } = 13;
}
