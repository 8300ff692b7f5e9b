using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Passport.Data.Database;
using Passport.Data.Security;

namespace Passport.Web.Accounts;

/// <summary>
/// The key that signs and checks API tokens: <c>Auth:SigningKey</c> when configured, else one generated once and
/// kept in the database so every host shares it. Loaded at start, after the migrations, under the start-up lock.
/// </summary>
public sealed class AccessTokenKey(IOptions<AuthOptions> options, SigningKeyStore store) : IDatabaseSeeder
{
    private const string Purpose = "access-tokens";
    private SymmetricSecurityKey? _key;

    public SymmetricSecurityKey Key => _key ?? throw new InvalidOperationException("The access-token key is loaded at start-up; the host has not started.");

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var bytes = options.Value.SigningKeyBytes() ?? await store.GetOrCreateAsync(Purpose, 64, cancellationToken);
        _key = new SymmetricSecurityKey(bytes) { KeyId = Purpose };
    }
}
