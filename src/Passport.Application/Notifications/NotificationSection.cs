using Passport.Application.Privacy;
using Passport.Data.Notifications;

namespace Passport.Application.Notifications;

/// <summary>The person's notification centre in the export: every message, read or not, and the channels they chose.</summary>
internal sealed class NotificationSection(NotificationRepository notifications) : IPersonalDataSection
{
    public string Name => "notifications";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var chosen = await notifications.FindChosenChannelsAsync(userId, cancellationToken);
        var channels = chosen?.Channels ?? NotificationChannels.Default;
        return new
        {
            Channels = new { channels.InApp, channels.Email, ChosenAt = chosen?.ChangedAt },
            Messages = (await notifications.ListAllAsync(userId, cancellationToken))
                .Select(message => new { message.Id, message.Kind, message.Title, message.Body, message.Link, message.CreatedAt, message.ReadAt }),
        };
    }

    // Messages and channels hold nothing of anyone else and cascade from the account.
    public Task EraseAsync(Guid userId, CancellationToken cancellationToken) => Task.CompletedTask;
}
