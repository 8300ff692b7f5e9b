using Passport.Domain.Consent;
using Passport.Domain.Organisations;

namespace Passport.Domain.Tests.Consent;

public sealed class ConsentRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly AudienceFacts Known = new(OrganisationExists: true, SectorKnown: true);

    [Fact]
    public void Validate_OrganisationAudience_MakesADraftWithCategoriesInOrder()
    {
        var organisationId = Guid.NewGuid();

        var errors = ConsentRules.Validate(
            new ConsentInput(organisationId, null, false, ["contact", "skills", "skills"], "  Job talk  ", Now.AddDays(30)), Now, Known, out var draft);

        Assert.True(errors.IsValid);
        Assert.Equal(ConsentAudience.Organisation(organisationId), draft!.Audience);
        Assert.Equal([DataCategory.Skills, DataCategory.Contact], draft.Categories);
        Assert.Equal("Job talk", draft.Purpose);
    }

    [Theory]
    [InlineData(null, null, false, "audience", "Consent.Audience.Required")]
    [InlineData("3f1c0e5a-0000-4000-8000-000000000001", "healthcare", false, "audience", "Consent.Audience.OneOnly")]
    [InlineData(null, "healthcare", true, "audience", "Consent.Audience.OneOnly")]
    public void Validate_AudienceNotExactlyOne_IsRefused(string? organisationId, string? sector, bool allEducationPartners, string field, string code)
    {
        var errors = ConsentRules.Validate(
            new ConsentInput(organisationId is null ? null : Guid.Parse(organisationId), sector, allEducationPartners, ["skills"], "Job", null), Now, Known, out var draft);

        Assert.Null(draft);
        Assert.Contains(errors.Errors, error => error.Field == field && error.Code == code);
    }

    [Fact]
    public void Validate_UnknownOrganisationOrSector_IsRefused()
    {
        var unknown = new AudienceFacts(OrganisationExists: false, SectorKnown: false);

        var organisation = ConsentRules.Validate(new ConsentInput(Guid.NewGuid(), null, false, ["skills"], "Job", null), Now, unknown, out _);
        var sector = ConsentRules.Validate(new ConsentInput(null, "moon", false, ["skills"], "Job", null), Now, unknown, out _);

        Assert.Equal("Consent.Audience.UnknownOrganisation", Assert.Single(organisation.Errors).Code);
        Assert.Equal("Consent.Audience.UnknownSector", Assert.Single(sector.Errors).Code);
    }

    [Fact]
    public void Validate_UnknownCategoryPastExpiryAndNoPurpose_ReportsEach()
    {
        var errors = ConsentRules.Validate(new ConsentInput(null, null, true, ["skills", "salary", null], "", Now), Now, Known, out var draft);

        Assert.Null(draft);
        Assert.Equal(2, errors.Errors.Count(error => error.Code == "Consent.Categories.Unknown"));
        Assert.Contains(errors.Errors, error => error.Code == "Consent.Purpose.Required");
        Assert.Contains(errors.Errors, error => error.Code == "Consent.Expiry.Past");
    }

    [Fact]
    public void Validate_NoCategoriesOrLongPurpose_IsRefused()
    {
        var errors = ConsentRules.Validate(new ConsentInput(null, null, true, [], new string('x', ConsentRules.MaxPurposeLength + 1), null), Now, Known, out _);

        Assert.Contains(errors.Errors, error => error.Code == "Consent.Categories.Required");
        Assert.Contains(errors.Errors, error => error.Code == "Consent.Purpose.TooLong");
    }

    [Theory]
    [InlineData("skills", DataCategory.Skills)]
    [InlineData("sprintDetails", DataCategory.SprintDetails)]
    [InlineData("experiences", DataCategory.Experiences)]
    [InlineData("contact", DataCategory.Contact)]
    [InlineData("plan", DataCategory.Plan)]
    public void Categories_RoundTripByApiName(string name, DataCategory category)
    {
        Assert.True(DataCategories.TryParse(name, out var parsed));
        Assert.Equal(category, parsed);
        Assert.Equal(name, category.Name());
        Assert.Equal([category], DataCategories.ParseStored(DataCategories.Format([category])));
    }

    [Fact]
    public void Categories_NameIsCaseSensitive() => Assert.False(DataCategories.TryParse("Skills", out _));

    [Fact]
    public void Audience_Sector_IncludesOnlyEmployersOfThatSector()
    {
        var audience = ConsentAudience.EmployersInSector("healthcare");

        Assert.True(audience.Includes(new AudienceMember(Guid.NewGuid(), OrganisationKind.Employer, "healthcare")));
        Assert.False(audience.Includes(new AudienceMember(Guid.NewGuid(), OrganisationKind.Employer, "logistics")));
        Assert.False(audience.Includes(new AudienceMember(Guid.NewGuid(), OrganisationKind.EducationProvider, "healthcare")));
    }

    [Fact]
    public void Audience_AllEducationPartners_IncludesEveryEducationProviderOnly()
    {
        Assert.True(ConsentAudience.AllEducationPartners.Includes(new AudienceMember(Guid.NewGuid(), OrganisationKind.EducationProvider, null)));
        Assert.False(ConsentAudience.AllEducationPartners.Includes(new AudienceMember(Guid.NewGuid(), OrganisationKind.Municipality, null)));
    }

    [Fact]
    public void Audience_Organisation_IncludesThatOrganisationOnly()
    {
        var organisationId = Guid.NewGuid();
        var audience = ConsentAudience.Organisation(organisationId);

        Assert.True(audience.Includes(new AudienceMember(organisationId, OrganisationKind.Municipality, null)));
        Assert.False(audience.Includes(new AudienceMember(Guid.NewGuid(), OrganisationKind.Municipality, null)));
    }
}
