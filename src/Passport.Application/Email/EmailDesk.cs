using Microsoft.Extensions.Options;
using Passport.Application.Passports;
using Passport.Data.Accounts;
using Passport.Data.Database;
using Passport.Data.Email;

namespace Passport.Application.Email;

/// <summary>
/// The Admin's view of the outbox: every message with where its delivery stands, the <c>.eml</c> file of one when
/// messages go to the pickup folder, and a test message to the Admin's own address to check the set-up.
/// </summary>
public sealed class EmailDesk(
    OutboxStore store,
    PickupFolderSender pickup,
    EmailComposer composer,
    UserStore users,
    PassportCalendar calendar,
    IOptions<EmailOptions> options,
    TimeProvider time)
{
    public const string NotFoundProblem = "AdminEmail.Problem.NotFound";
    public const string NoFileProblem = "AdminEmail.Problem.NoFile";

    /// <summary>True when messages are written to the pickup folder instead of sent.</summary>
    public bool UsesPickupFolder => string.IsNullOrWhiteSpace(options.Value.Smtp.Host);

    public Task<IReadOnlyList<OutboxMessage>> ListAsync(PageRequest page, CancellationToken cancellationToken) =>
        store.ListAsync(page, cancellationToken);

    public async Task<Outcome<OutboxMessage>> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } message
            ? Outcome.Done(message)
            : Outcome.Fail<OutboxMessage>(OutcomeStatus.NotFound, NotFoundProblem);

    /// <summary>The <c>.eml</c> file as written to the pickup folder; not found before it is written or when messages go to a mail server.</summary>
    public async Task<Outcome<string>> ReadFileAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await FindAsync(id, cancellationToken);
        if (!found.IsDone)
        {
            return found.As<string>();
        }

        var path = pickup.PathOf(id);
        return File.Exists(path)
            ? Outcome.Done(await File.ReadAllTextAsync(path, cancellationToken))
            : Outcome.Fail<string>(OutcomeStatus.NotFound, NoFileProblem);
    }

    /// <summary>Queues a test message to the Admin's own address, in their language; only to themselves, so it cannot be used to send mail to others.</summary>
    public async Task<Outcome<OutboxMessage>> SendTestAsync(Guid adminUserId, CancellationToken cancellationToken)
    {
        var admin = await users.FindByIdAsync(adminUserId.ToString(), cancellationToken);
        if (admin?.Email is null)
        {
            return Outcome.Fail<OutboxMessage>(OutcomeStatus.NotFound, NotFoundProblem);
        }

        var now = time.GetUtcNow();
        var email = composer.Compose(Guid.CreateVersion7(), admin.Email, admin.Language, "admin-test", [calendar.Local(now).DateTime], "/admin/email", now);
        await store.EnqueueAsync(email, cancellationToken);
        return Outcome.Done((await store.FindAsync(email.Id, cancellationToken))!);
    }
}
