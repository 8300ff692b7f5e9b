using System.Globalization;
using Microsoft.Extensions.Options;
using Passport.Domain.Reminders;

namespace Passport.Application.Reminders;

/// <summary>Configuration section <c>Reminders</c>: when appointment reminders go out and how they are delivered (docs/reminders.md).</summary>
public sealed class RemindersOptions
{
    public const string SectionName = "Reminders";

    /// <summary>
    /// How long before an appointment each reminder goes, as comma-separated <c>d.hh:mm:ss</c> spans. One string
    /// rather than a list, because a list is awkward to set from an environment variable.
    /// </summary>
    public string LeadTimes { get; set; } = "1.00:00:00,02:00:00";

    /// <summary>The night on the <c>Sprints:TimeZone</c> clock in which non-urgent reminders wait (<c>HH:mm-HH:mm</c>); empty for none.</summary>
    public string? QuietHours { get; set; } = "22:00-08:00";

    /// <summary>How often the delivery loop looks for due reminders.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a host holds a reminder it is delivering before another host may take it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Reminders a loop takes per round.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Attempts per reminder before it is marked Failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait after the first failed attempt; each further failure doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The lead times, shortest first; only after validation.</summary>
    public IReadOnlyList<TimeSpan> Leads() => TryReadLeads(LeadTimes, out var leads, out _) ? leads : [];

    /// <summary>The quiet hours, or null for none; only after validation.</summary>
    public QuietHours? Quiet() => Domain.Reminders.QuietHours.TryParse(QuietHours, out var quiet) ? quiet : null;

    internal static bool TryReadLeads(string? text, out IReadOnlyList<TimeSpan> leads, out string? problem)
    {
        var read = new List<TimeSpan>();
        leads = read;
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "Reminders:LeadTimes is empty; give at least one time span such as 02:00:00.";
            return false;
        }

        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!TimeSpan.TryParse(part, CultureInfo.InvariantCulture, out var lead) || lead <= TimeSpan.Zero)
            {
                problem = $"Reminders:LeadTimes: '{part}' is not a positive time span such as 1.00:00:00 (a day) or 02:00:00 (two hours).";
                return false;
            }

            read.Add(lead);
        }

        read.Sort();
        return true;
    }
}

public sealed class RemindersOptionsValidator : IValidateOptions<RemindersOptions>
{
    public ValidateOptionsResult Validate(string? name, RemindersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!RemindersOptions.TryReadLeads(options.LeadTimes, out _, out var problem))
        {
            failures.Add(problem!);
        }

        if (!string.IsNullOrWhiteSpace(options.QuietHours) && !QuietHours.TryParse(options.QuietHours, out _))
        {
            failures.Add($"Reminders:QuietHours '{options.QuietHours}' is not two different times such as 22:00-08:00 (empty for none).");
        }

        if (options.PollInterval <= TimeSpan.Zero || options.Lease <= TimeSpan.Zero || options.RetryDelay <= TimeSpan.Zero
            || options.MaxRetryDelay < options.RetryDelay)
        {
            failures.Add("Reminders:PollInterval, Reminders:Lease and Reminders:RetryDelay must be positive, Reminders:MaxRetryDelay at least Reminders:RetryDelay.");
        }

        if (options.MaxAttempts < 1 || options.BatchSize < 1)
        {
            failures.Add("Reminders:MaxAttempts and Reminders:BatchSize must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
