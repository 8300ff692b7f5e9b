using Passport.Domain.Organisations;
using Passport.Domain.Tests.Sectors;

namespace Passport.Domain.Tests.Organisations;

public sealed class OrganisationProfileTests
{
    private static readonly Passport.Domain.Sectors.SectorCatalog Catalog = TestSectors.Catalog("logistics");

    private static IEnumerable<string> Codes(OrganisationProfile profile) =>
        profile.Validate(Catalog).Errors.Select(error => $"{error.Field}:{error.Code}");

    [Fact]
    public void Validate_NameOnly_IsValid()
    {
        Assert.Empty(Codes(new OrganisationProfile("Depot Noord", null, null, null, null)));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.org")]
    [InlineData("example.org")]
    public void Validate_WebsiteThatIsNotHttp_IsInvalid(string website)
    {
        Assert.Equal(["website:Website.Invalid"], Codes(new OrganisationProfile("Depot", null, null, website, null)));
    }

    [Fact]
    public void Validate_BlankNameAndUnknownSector_ReportsBoth()
    {
        Assert.Equal(
            ["name:OrganisationName.Required", "sector:Sectors.Unknown"],
            Codes(new OrganisationProfile(" ", "mining", null, "https://depot.example", null)));
    }
}
