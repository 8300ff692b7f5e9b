using Microsoft.Extensions.Options;
using MimeKit;
using Passport.Data.Database;
using Passport.Data.Email;

namespace Passport.Application.Email;

/// <summary>
/// Without a mail server, messages become <c>.eml</c> files in the pickup folder (<c>data/mail</c> by default), named
/// by outbox id: writing one again replaces the file, so a message sent twice is still one file. An Admin reads them
/// on the e-mail page; any mail program opens them.
/// </summary>
public sealed class PickupFolderSender(IOptions<EmailOptions> options, IOptions<StorageOptions> storage) : IEmailSender
{
    /// <summary>The folder's full path.</summary>
    public string Folder { get; } = Path.GetFullPath(
        string.IsNullOrWhiteSpace(options.Value.PickupFolder)
            ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storage.Value.SqlitePath)) ?? "data", "mail")
            : options.Value.PickupFolder);

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Directory.CreateDirectory(Folder);
        using var mime = EmailMessages.ToMime(message, MailboxAddress.Parse(options.Value.From));
        // Written beside and then moved over, so a reader never sees half a file and a crash leaves no broken one.
        var temporary = Path.Combine(Folder, $".{message.Id:N}.{Guid.NewGuid():N}.tmp");
        try
        {
            await mime.WriteToAsync(temporary, cancellationToken);
            File.Move(temporary, PathOf(message.Id), overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The file of message <paramref name="id"/> (which exists only once it was written).</summary>
    public string PathOf(Guid id) => Path.Combine(Folder, $"{id:N}.eml");

    /// <summary>Removes the files of messages no longer kept.</summary>
    public void Delete(IEnumerable<Guid> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        foreach (var id in ids)
        {
            File.Delete(PathOf(id));
        }
    }
}
