using Passport.Data.Database;
using Passport.Testing;

namespace Passport.Web.Tests.Hosting;

/// <summary>
/// Tests that each need a host and a SQLite database of their own: they change what every user sees (the active
/// model), or must know exactly whom a figure counts. xunit makes one instance, so one host, per test.
/// </summary>
public abstract class OwnHostTests(params KeyValuePair<string, string?>[] settings) : IAsyncLifetime, IDisposable
{
    private TestDatabase _database = default!;

    protected PassportApp App { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        App = new PassportApp(_database, settings);
        App.StartServer();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _database.DisposeAsync();
    }

    // xunit calls this after DisposeAsync, when the host is already gone; disposing twice is harmless.
    public void Dispose()
    {
        App.Dispose();
        GC.SuppressFinalize(this);
    }
}
