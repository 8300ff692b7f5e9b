using Passport.Data.JobSeekers;
using Passport.Grains.JobSeekers;

namespace Passport.Grains.Tests.JobSeekers;

[Collection(ClusterCollection.Name)]
public sealed class JobSeekerGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task GetPreferencesAsync_NewJobSeeker_HasNone()
    {
        var grain = fixture.Grains.GetGrain<IJobSeekerGrain>(await fixture.NewJobSeekerAsync());

        var preferences = await grain.GetPreferencesAsync();

        Assert.Empty(preferences.Sectors);
        Assert.Null(preferences.HoursPerWeek);
    }

    [Fact]
    public async Task UpdatePreferencesAsync_Acknowledged_IsAlreadyInTheDatabase()
    {
        var id = await fixture.NewJobSeekerAsync();
        var grain = fixture.Grains.GetGrain<IJobSeekerGrain>(id);

        await grain.UpdatePreferencesAsync(new PreferencesSnapshot(["ict", "logistics"], 24));

        var stored = await new JobSeekerRepository(fixture.Database, TimeProvider.System).GetPreferencesAsync(id);
        Assert.Equal(["ict", "logistics"], stored.Sectors);
        Assert.Equal(24, stored.HoursPerWeek);
    }

    [Fact]
    public async Task GetPreferencesAsync_AfterDeactivation_ReloadsWhatWasStored()
    {
        var id = await fixture.NewJobSeekerAsync();
        var grain = fixture.Grains.GetGrain<IJobSeekerGrain>(id);
        await grain.UpdatePreferencesAsync(new PreferencesSnapshot(["healthcare"], 32, "helmond", OpenToMatching: true));

        await fixture.Cluster.DeactivateAsync(grain);
        var reloaded = await fixture.Grains.GetGrain<IJobSeekerGrain>(id).GetPreferencesAsync();

        Assert.Equal(["healthcare"], reloaded.Sectors.ToArray());
        Assert.Equal(32, reloaded.HoursPerWeek);
        Assert.Equal("helmond", reloaded.HomePlace);
        Assert.True(reloaded.OpenToMatching);
    }

    [Fact]
    public async Task UpdatePreferencesAsync_UnknownHomePlace_RefusesAndKeepsThePrevious()
    {
        var id = await fixture.NewJobSeekerAsync();
        var grain = fixture.Grains.GetGrain<IJobSeekerGrain>(id);
        await grain.UpdatePreferencesAsync(new PreferencesSnapshot(["ict"], 16, "eindhoven", OpenToMatching: false));

        await Assert.ThrowsAsync<ArgumentException>(() => grain.UpdatePreferencesAsync(new PreferencesSnapshot(["ict"], 16, "atlantis", OpenToMatching: true)));

        var stored = await new JobSeekerRepository(fixture.Database, TimeProvider.System).GetPreferencesAsync(id);
        Assert.Equal("eindhoven", (await grain.GetPreferencesAsync()).HomePlace);
        Assert.Equal("eindhoven", stored.HomePlace);
        Assert.False(stored.OpenToMatching);
    }

    [Fact]
    public async Task UpdatePreferencesAsync_UnknownSector_RefusesAndKeepsThePrevious()
    {
        var id = await fixture.NewJobSeekerAsync();
        var grain = fixture.Grains.GetGrain<IJobSeekerGrain>(id);
        await grain.UpdatePreferencesAsync(new PreferencesSnapshot(["ict"], 16));

        await Assert.ThrowsAsync<ArgumentException>(() => grain.UpdatePreferencesAsync(new PreferencesSnapshot(["mining"], 16)));

        Assert.Equal(["ict"], (await grain.GetPreferencesAsync()).Sectors.ToArray());
        Assert.Equal(["ict"], (await new JobSeekerRepository(fixture.Database, TimeProvider.System).GetPreferencesAsync(id)).Sectors);
    }
}
