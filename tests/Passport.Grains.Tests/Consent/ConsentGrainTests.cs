using System.Text.Json;
using Passport.Data.Consent;
using Passport.Domain.Consent;
using Passport.Domain.Organisations;
using Passport.Grains.Consent;

namespace Passport.Grains.Tests.Consent;

[Collection(ClusterCollection.Name)]
public sealed class ConsentGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Grant_ThenReactivated_IsLoadedFromTheDatabase()
    {
        var ownerId = await fixture.NewJobSeekerAsync();
        var (_, organisationId) = await fixture.NewCoachAsync();
        var grain = fixture.Grains.GetGrain<IConsentGrain>(ownerId);

        var granted = await grain.GrantAsync(ToOrganisation(organisationId, DataCategory.Skills, DataCategory.Plan));
        await grain.ForgetAsync();
        var reloaded = Assert.Single(await grain.ListAsync());

        Assert.Equal(granted.Id, reloaded.Id);
        Assert.Equal(ConsentStatus.Granted, reloaded.Status);
        Assert.Equal([DataCategory.Skills, DataCategory.Plan], reloaded.Categories.ToArray());
        Assert.Equal("Youth Desk", reloaded.AudienceOrganisationName);
    }

    [Fact]
    public async Task ActiveGrant_OnlyForTheAudienceAndOnlyUntilRevoked()
    {
        var ownerId = await fixture.NewJobSeekerAsync();
        var (_, organisationId) = await fixture.NewCoachAsync();
        var grain = fixture.Grains.GetGrain<IConsentGrain>(ownerId);
        var reader = new ReaderOrganisation(organisationId, OrganisationKind.Municipality, null);
        var stranger = new ReaderOrganisation(Guid.NewGuid(), OrganisationKind.Municipality, null);

        var granted = await grain.GrantAsync(ToOrganisation(organisationId, DataCategory.Plan));
        var whileGranted = await grain.GetActiveGrantAsync(reader);
        var forStranger = await grain.GetActiveGrantAsync(stranger);
        Assert.Equal(ConsentChange.Done, await grain.RevokeAsync(granted.Id));
        var afterRevoke = await grain.GetActiveGrantAsync(reader);

        Assert.Equal([DataCategory.Plan], whileGranted.Categories.ToArray());
        Assert.Equal([granted.Id], whileGranted.ConsentIds.ToArray());
        Assert.True(forStranger.IsEmpty);
        Assert.True(afterRevoke.IsEmpty);
        Assert.Equal(ConsentChange.NotAllowed, await grain.RevokeAsync(granted.Id));
        Assert.Equal(ConsentChange.NotFound, await grain.RevokeAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task Request_ApprovedThenRevoked_WritesOneRecordPerEvent()
    {
        var ownerId = await fixture.NewJobSeekerAsync();
        var (coachId, organisationId) = await fixture.NewCoachAsync();
        var grain = fixture.Grains.GetGrain<IConsentGrain>(ownerId);

        var requested = await grain.RequestAsync(ToOrganisation(organisationId, DataCategory.Plan), coachId);
        Assert.True((await grain.GetActiveGrantAsync(new ReaderOrganisation(organisationId, OrganisationKind.Municipality, null))).IsEmpty);
        Assert.Equal(ConsentChange.Done, await grain.ApproveAsync(requested.Id));
        Assert.Equal(ConsentChange.NotAllowed, await grain.ApproveAsync(requested.Id));
        Assert.Equal(ConsentChange.Done, await grain.RevokeAsync(requested.Id));

        var records = await new ConsentRepository(fixture.Database).ListRecordsAsync(ownerId, requested.Id);
        Assert.Equal(["requested", "given", "withdrawn"], records.Select(record => record.Event));
        var first = JsonDocument.Parse(records[0].Record).RootElement;
        Assert.Equal("recipient", first.GetProperty("eventBy").GetString());
        Assert.Equal("Test municipality", first.GetProperty("controller").GetString());
        Assert.Equal("Requested", first.GetProperty("status").GetString());
    }

    private static NewConsent ToOrganisation(Guid organisationId, params DataCategory[] categories) =>
        new(AudienceKind.Organisation, organisationId, null, [.. categories], "Working together", null);
}
