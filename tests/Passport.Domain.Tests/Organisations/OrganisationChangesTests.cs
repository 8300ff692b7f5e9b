using Passport.Domain.Organisations;

namespace Passport.Domain.Tests.Organisations;

public sealed class OrganisationChangesTests
{
    [Fact]
    public void Between_DifferentKindSectorAndClearedWebsite_ListsEachOnceInFieldOrder()
    {
        var before = new OrganisationProfile("Depot", "logistics", "Eindhoven", "https://depot.example", null);
        var after = before with { Sector = "ict", Website = null };

        var changes = OrganisationChanges.Between(OrganisationKind.Employer, before, OrganisationKind.EducationProvider, after);

        Assert.Equal(
            [
                new OrganisationFieldChange("kind", "Employer", "EducationProvider"),
                new OrganisationFieldChange("sector", "logistics", "ict"),
                new OrganisationFieldChange("website", "https://depot.example", null),
            ],
            changes);
    }

    [Fact]
    public void Between_SameValues_IsEmpty()
    {
        var profile = new OrganisationProfile("Depot", null, null, null, "Open");

        Assert.Empty(OrganisationChanges.Between(OrganisationKind.Municipality, profile, OrganisationKind.Municipality, profile with { }));
    }

    [Fact]
    public void AdminOnly_AreKindNameAndSector()
    {
        Assert.Equal(["kind", "name", "sector"], OrganisationChanges.AdminOnly);
    }
}
