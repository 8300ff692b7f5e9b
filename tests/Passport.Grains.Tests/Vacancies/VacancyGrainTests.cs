using Passport.Data.Organisations;
using Passport.Data.Vacancies;
using Passport.Domain.Organisations;
using Passport.Domain.Vacancies;
using Passport.Grains.Vacancies;

namespace Passport.Grains.Tests.Vacancies;

[Collection(ClusterCollection.Name)]
public sealed class VacancyGrainTests(ClusterFixture fixture)
{
    private static VacancyDetails Details() => new(
        "Order picker", "logistics", 51.4793, 5.657, "Helmond", 32,
        [new VacancySkillDetails("reliability", 3, 3), new VacancySkillDetails("teamwork", 1, 2)],
        [new MustHaveDetails("Forklift certificate", null)]);

    private async Task<Guid> NewEmployerAsync()
    {
        var id = Guid.CreateVersion7();
        await new OrganisationRepository(fixture.Database, TimeProvider.System).CreateAsync(
            id, OrganisationKind.Employer, new OrganisationProfile("Harbour Logistics", "logistics", "Helmond", null, null), isDemo: false);
        return id;
    }

    [Fact]
    public async Task Create_StoresTheDraftBeforeAnswering()
    {
        var organisationId = await NewEmployerAsync();
        var id = Guid.CreateVersion7();

        var view = await fixture.Grains.GetGrain<IVacancyGrain>(id).CreateAsync(organisationId, null, Details());

        Assert.Equal(VacancyStatus.Draft, view.Status);
        var stored = await new VacancyRepository(fixture.Database).GetAsync(id);
        Assert.NotNull(stored);
        Assert.Equal(organisationId, stored.OrganisationId);
        Assert.Equal(VacancyStatus.Draft, stored.Status);
        Assert.Equal("Order picker", stored.Vacancy.Title);
        Assert.Equal(["reliability", "teamwork"], stored.Vacancy.Skills.Select(skill => skill.SkillId));
    }

    [Fact]
    public async Task Publish_AfterDeactivation_ReloadsWhatWasStored()
    {
        var organisationId = await NewEmployerAsync();
        var id = Guid.CreateVersion7();
        var grain = fixture.Grains.GetGrain<IVacancyGrain>(id);
        await grain.CreateAsync(organisationId, null, Details());
        var published = await grain.PublishAsync(organisationId);
        Assert.Equal(VacancyChange.Done, published.Change);
        Assert.Equal(VacancyStatus.Published, (await new VacancyRepository(fixture.Database).GetAsync(id))!.Status);

        await fixture.Cluster.DeactivateAsync(grain);
        var reloaded = await fixture.Grains.GetGrain<IVacancyGrain>(id).GetAsync(organisationId);

        Assert.NotNull(reloaded);
        Assert.Equal(VacancyStatus.Published, reloaded.Status);
        Assert.NotNull(reloaded.PublishedAt);
        Assert.Equal(Details().Skills.AsEnumerable(), reloaded.Details.Skills.AsEnumerable());
        Assert.Equal(Details().MustHaves.AsEnumerable(), reloaded.Details.MustHaves.AsEnumerable());
        Assert.Equal("Helmond", reloaded.Details.Place);
    }

    [Fact]
    public async Task Publish_Twice_IsNotAllowedAndCloseIsFinal()
    {
        var organisationId = await NewEmployerAsync();
        var grain = fixture.Grains.GetGrain<IVacancyGrain>(Guid.CreateVersion7());
        await grain.CreateAsync(organisationId, null, Details());

        Assert.Equal(VacancyChange.Done, (await grain.PublishAsync(organisationId)).Change);
        Assert.Equal(VacancyChange.NotAllowed, (await grain.PublishAsync(organisationId)).Change);
        var closed = await grain.CloseAsync(organisationId);
        Assert.Equal(VacancyChange.Done, closed.Change);
        Assert.Equal(VacancyStatus.Closed, closed.Vacancy!.Status);
        Assert.NotNull(closed.Vacancy.ClosedAt);
        Assert.Equal(VacancyChange.NotAllowed, (await grain.CloseAsync(organisationId)).Change);
        Assert.Equal(VacancyChange.NotAllowed, (await grain.PublishAsync(organisationId)).Change);
    }

    [Fact]
    public async Task AnotherOrganisation_SeesNothingAndChangesNothing()
    {
        var organisationId = await NewEmployerAsync();
        var otherId = await NewEmployerAsync();
        var id = Guid.CreateVersion7();
        var grain = fixture.Grains.GetGrain<IVacancyGrain>(id);
        await grain.CreateAsync(organisationId, null, Details());

        Assert.Null(await grain.GetAsync(otherId));
        Assert.Equal(VacancyChange.NotFound, (await grain.PublishAsync(otherId)).Change);
        Assert.Equal(VacancyChange.NotFound, (await grain.CloseAsync(otherId)).Change);
        Assert.Equal(VacancyStatus.Draft, (await new VacancyRepository(fixture.Database).GetAsync(id))!.Status);
    }

    [Fact]
    public async Task UnknownVacancy_IsNotFound()
    {
        var grain = fixture.Grains.GetGrain<IVacancyGrain>(Guid.CreateVersion7());

        Assert.Null(await grain.GetAsync(await NewEmployerAsync()));
        Assert.Equal(VacancyChange.NotFound, (await grain.PublishAsync(Guid.CreateVersion7())).Change);
    }
}
