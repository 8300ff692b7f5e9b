using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Passport.Data.Security;
using Passport.Data.Tests.Database;

namespace Passport.Data.Tests.Security;

public abstract class SecurityStoreTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task GetOrCreateAsync_ManyCallersAtOnce_AllGetTheSameKey()
    {
        var purpose = $"test-{Guid.NewGuid():N}";
        var store = new SigningKeyStore(fixture.Database, fixture.Time);

        var keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.GetOrCreateAsync(purpose, 32)));

        Assert.Equal(32, keys[0].Length);
        Assert.All(keys, key => Assert.Equal(keys[0], key));
    }

    [Fact]
    public void StoreElement_ThenGetAllElements_ReturnsTheKeyXml()
    {
        var services = new ServiceCollection().AddSingleton(fixture.Database).BuildServiceProvider();
        var repository = new DataProtectionKeyRepository(services, fixture.Time);
        var name = $"key-{Guid.NewGuid():N}";

        repository.StoreElement(new XElement("key", new XAttribute("id", name), new XElement("secret", "s3cr3t")), name);

        var stored = Assert.Single(repository.GetAllElements(), element => (string?)element.Attribute("id") == name);
        Assert.Equal("s3cr3t", stored.Element("secret")!.Value);
    }
}

public sealed class SqliteSecurityStoreTests(SqliteFixture fixture) : SecurityStoreTests(fixture), IClassFixture<SqliteFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresSecurityStoreTests(PostgresFixture fixture) : SecurityStoreTests(fixture), IClassFixture<PostgresFixture>;
