using Passport.Data.Database;
using Passport.Data.Organisations;
using Passport.Data.Tests.Database;
using Passport.Domain.Accounts;
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
    public async Task UpdateAsync_ChangedFields_StoresThemAndRecordsEachWithItsEditor()
    {
        var id = Guid.CreateVersion7();
        var admin = await fixture.NewUserAsync(Roles.Admin);
        await _organisations.CreateAsync(id, OrganisationKind.Municipality, new OrganisationProfile("Youth desk", null, "Aarhus", null, null), isDemo: false);
        fixture.Time.Advance(TimeSpan.FromMinutes(5));
        var current = (await _organisations.FindAsync(id))!;

        var update = await _organisations.UpdateAsync(
            current, OrganisationKind.Municipality, new OrganisationProfile("Youth desk North", "public-sector", "Aarhus", null, "We help."),
            new OrganisationEditor(admin, IsAdmin: true));

        Assert.Equal(OrganisationUpdateOutcome.Done, update.Outcome);
        var stored = (await _organisations.FindAsync(id))!;
        Assert.Equal(("Youth desk North", "public-sector", "Aarhus", "We help."), (stored.Name, stored.Sector, stored.Place, stored.Description));
        Assert.Equal(fixture.Time.GetUtcNow(), stored.UpdatedAt);
        var changes = await _organisations.ListChangesAsync(id, new PageRequest(1, 10));
        Assert.Equal(["description", "name", "sector"], changes.Select(change => change.Field).Order(StringComparer.Ordinal));
        Assert.All(changes, change => Assert.Equal((admin, "Admin", fixture.Time.GetUtcNow()), (change.ChangedByUserId!.Value, change.ChangedByRole, change.ChangedAt)));
        var sector = Assert.Single(changes, change => change.Field == "sector");
        Assert.Equal((null, "public-sector"), (sector.OldValue, sector.NewValue));
        Assert.Equal(3, (await _organisations.ListChangesByAsync(admin)).Count);
    }

    [Fact]
    public async Task UpdateAsync_RowChangedMeanwhile_WritesNothing()
    {
        var id = Guid.CreateVersion7();
        var editor = new OrganisationEditor(await fixture.NewUserAsync(Roles.Admin), IsAdmin: true);
        await _organisations.CreateAsync(id, OrganisationKind.Employer, new OrganisationProfile("Depot", "logistics", null, null, null), isDemo: false);
        var stale = (await _organisations.FindAsync(id))!;
        await _organisations.UpdateAsync(stale, OrganisationKind.Employer, stale.Profile with { Sector = "ict" }, editor);

        var second = await _organisations.UpdateAsync(stale, OrganisationKind.Employer, stale.Profile with { Name = "Depot Noord" }, editor);

        Assert.Equal(OrganisationUpdateOutcome.ChangedMeanwhile, second.Outcome);
        Assert.Equal(("Depot", "ict"), ((await _organisations.FindAsync(id))!.Name, (await _organisations.FindAsync(id))!.Sector));
        Assert.Equal("sector", Assert.Single(await _organisations.ListChangesAsync(id, new PageRequest(1, 10))).Field);
    }

    [Fact]
    public async Task UpdateAsync_NothingChanged_RecordsNothing()
    {
        var id = Guid.CreateVersion7();
        await _organisations.CreateAsync(id, OrganisationKind.Employer, new OrganisationProfile("Depot", "logistics", null, null, null), isDemo: false);
        var current = (await _organisations.FindAsync(id))!;

        var update = await _organisations.UpdateAsync(current, current.Kind, current.Profile, new OrganisationEditor(await fixture.NewUserAsync(Roles.Admin), IsAdmin: false));

        Assert.Equal(OrganisationUpdateOutcome.Done, update.Outcome);
        Assert.Empty(update.Changes);
        Assert.Empty(await _organisations.ListChangesAsync(id, new PageRequest(1, 10)));
    }

    [Fact]
    public async Task ListAsync_Pages_FollowNameOrderWithoutOverlap()
    {
        var first = await _organisations.ListAsync(new PageRequest(1, 2));
        var second = await _organisations.ListAsync(new PageRequest(2, 2));
        var all = await _organisations.ListAsync();

        Assert.Equal(all.Take(3).Select(organisation => organisation.Id), first.Select(organisation => organisation.Id));
        Assert.Equal(all.Skip(2).Take(3).Select(organisation => organisation.Id), second.Select(organisation => organisation.Id));
    }
}

public sealed class SqliteOrganisationRepositoryTests(SqliteFixture fixture) : OrganisationRepositoryTests(fixture), IClassFixture<SqliteFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresOrganisationRepositoryTests(PostgresFixture fixture) : OrganisationRepositoryTests(fixture), IClassFixture<PostgresFixture>;
