using System.Security.Cryptography;
using Dapper;
using Passport.Data.Database;

namespace Passport.Data.Security;

/// <summary>
/// Symmetric keys shared by all hosts of one database, created once on first use. Two hosts racing to create
/// the same key both end up with whichever row was inserted first.
/// </summary>
public sealed class SigningKeyStore(PassportDatabase database, TimeProvider time)
{
    public async Task<byte[]> GetOrCreateAsync(string purpose, int sizeInBytes, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO signing_keys (purpose, key_base64, created_at) VALUES (@purpose, @key, @now)
            ON CONFLICT (purpose) DO NOTHING
            """,
            new { purpose, key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(sizeInBytes)), now = time.GetUtcNow() },
            cancellationToken: cancellationToken));
        var stored = await connection.QuerySingleAsync<string>(new CommandDefinition(
            "SELECT key_base64 FROM signing_keys WHERE purpose = @purpose", new { purpose }, cancellationToken: cancellationToken));
        return Convert.FromBase64String(stored);
    }
}
