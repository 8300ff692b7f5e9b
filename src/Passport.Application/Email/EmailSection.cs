using Passport.Application.Privacy;
using Passport.Data.Accounts;
using Passport.Data.Email;

namespace Passport.Application.Email;

/// <summary>
/// The e-mails sent (or waiting) to the person's address: in their export, and deleted with their account, with the
/// <c>.eml</c> files of the pickup folder, so no copy of their address or messages stays in the outbox.
/// </summary>
internal sealed class EmailSection(UserStore users, OutboxStore outbox, PickupFolderSender pickup) : IPersonalDataSection
{
    public string Name => "emails";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString(), cancellationToken);
        if (user?.Email is null)
        {
            return Array.Empty<object>();
        }

        return (await outbox.ListToAsync(user.Email, cancellationToken)).Select(message => new
        {
            message.Id, message.Kind, message.Language, message.Subject, message.Text, Status = message.Status.ToLowerInvariant(),
            message.CreatedAt, message.SentAt,
        });
    }

    public async Task EraseAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString(), cancellationToken);
        if (user?.Email is not null)
        {
            pickup.Delete(await outbox.DeleteToAsync(user.Email, cancellationToken));
        }
    }
}
