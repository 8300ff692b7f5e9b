using Passport.Data.Organisations;
using Passport.Data.Tests.Database;
using Passport.Domain.Organisations;

namespace Passport.Data.Tests.Organisations;

public abstract class OrganisationRepositoryTests(DatabaseFixture fixture)
{
    private readonly OrganisationRepository _organisations = new(fixture.Database, fixture.Time);

    [Fact]
    public async Task CreateAsync_SameIdTwice_KeepsTheFirst()
    {
        var id = Guid.CreateVersion7();

        var first = await _organisations.CreateAsync(id, OrganisationKind.Employer, new OrganisationProfile("First", "logistics", "Eindhoven", null, null), isDemo: false);
        var second = await _organisations.CreateAsync(id, OrganisationKind.Employer, new OrganisationProfile("Second", null, null, null, null), isDemo: false);

        Assert.True(first);
        Assert.False(second);
        var stored = await _organisations.FindAsync(id);
        Assert.Equal("First", stored!.Name);
        Assert.Equal("logistics", stored.Sector);
        Assert.Equal(OrganisationKind.Employer, stored.Kind);
    }

    [Fact]
    public async Task UpdateProfileAsync_ExistingOrganisation_ReplacesProfileAndStampsTime()
    {
        var id = Guid.CreateVersion7();
        await _organisations.CreateAsync(id, OrganisationKind.Municipality, new OrganisationProfile("Youth desk", null, null, null, null), isDemo: false);
        fixture.Time.Advance(TimeSpan.FromMinutes(5));

        var updated = await _organisations.UpdateProfileAsync(id, new OrganisationProfile("Youth desk North", "public-sector", "Aarhus", "https://example.org", "We help."));

        Assert.True(updated);
        var stored = (await _organisations.FindAsync(id))!;
        Assert.Equal(("Youth desk North", "public-sector", "Aarhus", "https://example.org", "We help."), (stored.Name, stored.Sector, stored.Place, stored.Website, stored.Description));
        Assert.Equal(fixture.Time.GetUtcNow(), stored.UpdatedAt);
        Assert.True(stored.UpdatedAt > stored.CreatedAt);
    }

    [Fact]
    public async Task UpdateProfileAsync_UnknownOrganisation_ReturnsFalse()
    {
        Assert.False(await _organisations.UpdateProfileAsync(Guid.CreateVersion7(), new OrganisationProfile("Nobody", null, null, null, null)));
    }
}

public sealed class SqliteOrganisationRepositoryTests(SqliteFixture fixture) : OrganisationRepositoryTests(fixture), IClassFixture<SqliteFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresOrganisationRepositoryTests(PostgresFixture fixture) : OrganisationRepositoryTests(fixture), IClassFixture<PostgresFixture>;
