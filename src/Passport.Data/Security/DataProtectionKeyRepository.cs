using System.Xml.Linq;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Passport.Data.Database;

namespace Passport.Data.Security;

/// <summary>
/// Keeps ASP.NET Core's Data Protection key ring in the database, so every host of one deployment can read the
/// cookies and antiforgery tokens the others issued. Data Protection calls this synchronously and rarely.
/// </summary>
public sealed class DataProtectionKeyRepository(IServiceProvider services, TimeProvider time) : IXmlRepository
{
    // Resolved on first use: the web pipeline is built (and Data Protection configured) before the host
    // validates the storage options, and a bad setting must surface there as one clear line.
    private PassportDatabase Database => services.GetRequiredService<PassportDatabase>();

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = Database.DataSource.OpenConnection();
        return [.. connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY created_at").Select(XElement.Parse)];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var connection = Database.DataSource.OpenConnection();
        connection.Execute(
            """
            INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES (@friendlyName, @xml, @now)
            ON CONFLICT (friendly_name) DO NOTHING
            """,
            new { friendlyName, xml = element.ToString(SaveOptions.DisableFormatting), now = time.GetUtcNow() });
    }
}
