using Passport.Data.Organisations;
using Passport.Data.Pathways;
using Passport.Domain.Organisations;
using Passport.Domain.Pathways;
using Passport.Grains.Pathways;

namespace Passport.Grains.Tests.Pathways;

[Collection(ClusterCollection.Name)]
public sealed class PathwayGrainTests(ClusterFixture fixture)
{
    private static PathwayContent Content(string title = "Forklift driver", int capacity = 24) => new(
        title,
        [new PathwayModuleSnapshot("Forklift licence", 2), new PathwayModuleSnapshot("Work placement", 4)],
        "Rotterdam",
        51.9225,
        4.4792,
        capacity,
        [new PathwayRequirementSnapshot("reliability", 2)],
        [new PathwayGainSnapshot("reliability", 1), new PathwayGainSnapshot("teamwork", 0.5)]);

    private async Task<Guid> NewProviderAsync()
    {
        var id = Guid.CreateVersion7();
        await new OrganisationRepository(fixture.Database, TimeProvider.System).CreateAsync(
            id, OrganisationKind.EducationProvider, new OrganisationProfile("Vakcollege", "education", "Rotterdam", null, null), isDemo: false);
        return id;
    }

    [Fact]
    public async Task Create_WritesThroughAndReloads()
    {
        var providerId = await NewProviderAsync();
        var grain = fixture.Grains.GetGrain<IPathwayGrain>(Guid.CreateVersion7());

        var created = await grain.CreateAsync(providerId, Content());
        var stored = await new PathwayRepository(fixture.Database).GetAsync(grain.GetPrimaryKey());
        await grain.ForgetAsync();
        var reloaded = await grain.GetAsync();

        Assert.NotNull(created);
        Assert.Equal(PathwayStatus.Draft, created.Status);
        Assert.Equal("Vakcollege", created.OrganisationName);
        Assert.Equal(6, created.Content.DurationWeeks);
        Assert.NotNull(stored);
        Assert.Equal("Forklift driver", stored.Pathway.Title);
        Assert.NotNull(reloaded);
        Assert.Equal(created.Content.Title, reloaded.Content.Title);
        Assert.Equal(created.Content.Modules.ToArray(), reloaded.Content.Modules.ToArray());
        Assert.Equal(created.Content.EntryRequirements.ToArray(), reloaded.Content.EntryRequirements.ToArray());
        Assert.Equal(created.Content.Gains.ToArray(), reloaded.Content.Gains.ToArray());
        Assert.Equal((providerId, PathwayStatus.Draft), (reloaded.OrganisationId, reloaded.Status));
    }

    [Fact]
    public async Task Create_TakenId_ReturnsNull()
    {
        var providerId = await NewProviderAsync();
        var grain = fixture.Grains.GetGrain<IPathwayGrain>(Guid.CreateVersion7());
        await grain.CreateAsync(providerId, Content());

        Assert.Null(await grain.CreateAsync(providerId, Content("Another")));
        Assert.Equal("Forklift driver", (await grain.GetAsync())!.Content.Title);
    }

    [Fact]
    public async Task Lifecycle_OpenFillReopenClose_IsStoredAndSurvivesReload()
    {
        var providerId = await NewProviderAsync();
        var grain = fixture.Grains.GetGrain<IPathwayGrain>(Guid.CreateVersion7());
        await grain.CreateAsync(providerId, Content());

        Assert.Equal(PathwayChange.NotAllowed, await grain.FillAsync(providerId));
        Assert.Equal(PathwayChange.Done, await grain.OpenAsync(providerId));
        Assert.Equal(PathwayChange.Done, await grain.FillAsync(providerId));
        Assert.Equal(PathwayChange.Done, await grain.OpenAsync(providerId));
        Assert.Equal(PathwayChange.Done, await grain.CloseAsync(providerId));
        await grain.ForgetAsync();

        Assert.Equal(PathwayStatus.Closed, (await grain.GetAsync())!.Status);
        Assert.Equal("Closed", (await new PathwayRepository(fixture.Database).GetAsync(grain.GetPrimaryKey()))!.Pathway.Status);
        Assert.Equal(PathwayChange.NotAllowed, await grain.OpenAsync(providerId));
    }

    [Fact]
    public async Task Update_WhileOpen_WritesThroughAndClosedRefuses()
    {
        var providerId = await NewProviderAsync();
        var grain = fixture.Grains.GetGrain<IPathwayGrain>(Guid.CreateVersion7());
        await grain.CreateAsync(providerId, Content());
        await grain.OpenAsync(providerId);

        Assert.Equal(PathwayChange.Done, await grain.UpdateAsync(providerId, Content("Reach truck driver", capacity: 10)));
        await grain.ForgetAsync();
        var reloaded = (await grain.GetAsync())!;
        Assert.Equal(("Reach truck driver", 10, PathwayStatus.Open), (reloaded.Content.Title, reloaded.Content.Capacity, reloaded.Status));

        await grain.CloseAsync(providerId);
        Assert.Equal(PathwayChange.NotAllowed, await grain.UpdateAsync(providerId, Content("Too late")));
        Assert.Equal("Reach truck driver", (await new PathwayRepository(fixture.Database).GetAsync(grain.GetPrimaryKey()))!.Pathway.Title);
    }

    [Fact]
    public async Task AnotherProvider_IsToldNotFoundAndChangesNothing()
    {
        var providerId = await NewProviderAsync();
        var otherId = await NewProviderAsync();
        var grain = fixture.Grains.GetGrain<IPathwayGrain>(Guid.CreateVersion7());
        await grain.CreateAsync(providerId, Content());

        Assert.Equal(PathwayChange.NotFound, await grain.UpdateAsync(otherId, Content("Hijacked")));
        Assert.Equal(PathwayChange.NotFound, await grain.OpenAsync(otherId));
        Assert.Equal(PathwayChange.NotFound, await fixture.Grains.GetGrain<IPathwayGrain>(Guid.CreateVersion7()).OpenAsync(providerId));

        var pathway = (await grain.GetAsync())!;
        Assert.Equal(("Forklift driver", PathwayStatus.Draft), (pathway.Content.Title, pathway.Status));
    }
}
