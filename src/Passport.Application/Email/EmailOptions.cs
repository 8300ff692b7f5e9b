using MimeKit;
using Microsoft.Extensions.Options;

namespace Passport.Application.Email;

/// <summary>Configuration section <c>Email</c>: how messages leave the outbox (docs/email.md, docs/operations.md).</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    /// <summary>The mail server. Without <see cref="SmtpOptions.Host"/> messages are written to <see cref="PickupFolder"/> instead.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The sender, as an address or <c>Name &lt;address&gt;</c>.</summary>
    public string From { get; set; } = "Passport <no-reply@passport.invalid>";

    /// <summary>
    /// Where links in e-mails point, e.g. <c>https://passport.example.org</c>. Empty: the host's own first address
    /// (fine for a demo on one machine, wrong behind a proxy).
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// The folder for <c>.eml</c> files when no mail server is set. Empty: <c>mail</c> beside the SQLite file
    /// (<c>data/mail</c> by default), relative to the working directory unless rooted.
    /// </summary>
    public string? PickupFolder { get; set; }

    /// <summary>How often the delivery loop looks for due messages when nothing wakes it sooner.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per message before it is marked Failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failed attempt; each further failure doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a host holds a message it is sending. Another host takes it over only after this, so it must be longer
    /// than a send can take (<see cref="SmtpOptions.Timeout"/>).
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Messages a loop takes per round.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How long sent and failed messages (and their <c>.eml</c> files) are kept for the Admin page.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);
}

/// <summary>Configuration section <c>Email:Smtp</c>.</summary>
public sealed class SmtpOptions
{
    /// <summary>The mail server's host name; empty writes <c>.eml</c> files instead of sending.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>Signs in with these when both are set.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>TLS from the start on port 465, STARTTLS (required) on any other port; false sends in the clear (a local relay only).</summary>
    public bool UseTls { get; set; } = true;

    /// <summary>How long one connection or command may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!MailboxAddress.TryParse(options.From, out _))
        {
            failures.Add($"Email:From '{options.From}' is not an e-mail address.");
        }

        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            && (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"Email:PublicBaseUrl '{options.PublicBaseUrl}' is not an absolute http or https address.");
        }

        if (options.Smtp.Port is < 1 or > 65535)
        {
            failures.Add($"Email:Smtp:Port {options.Smtp.Port} is not a port.");
        }

        if (string.IsNullOrEmpty(options.Smtp.UserName) != string.IsNullOrEmpty(options.Smtp.Password))
        {
            failures.Add("Email:Smtp:UserName and Email:Smtp:Password go together: set both or neither.");
        }

        if (options.Smtp.Timeout <= TimeSpan.Zero)
        {
            failures.Add("Email:Smtp:Timeout must be positive.");
        }

        if (options.PollInterval <= TimeSpan.Zero || options.RetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.RetryDelay
            || options.Retention <= TimeSpan.Zero)
        {
            failures.Add("Email:PollInterval, Email:RetryDelay and Email:Retention must be positive, Email:MaxRetryDelay at least Email:RetryDelay.");
        }

        if (options.MaxAttempts < 1 || options.BatchSize < 1)
        {
            failures.Add("Email:MaxAttempts and Email:BatchSize must be at least 1.");
        }

        if (options.Lease <= options.Smtp.Timeout * 2)
        {
            // A send is a connect plus a few commands, each bounded by the timeout; a shorter lease lets another host
            // send the same message while the first is still at it.
            failures.Add("Email:Lease must be more than twice Email:Smtp:Timeout.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
