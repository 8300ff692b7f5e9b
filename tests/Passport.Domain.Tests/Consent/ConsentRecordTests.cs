using Passport.Domain.Consent;

namespace Passport.Domain.Tests.Consent;

public sealed class ConsentRecordTests
{
    [Fact]
    public void Create_Grant_CarriesTheIso27560Fields()
    {
        var now = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        var organisationId = Guid.NewGuid();
        var owner = Guid.NewGuid();
        var consent = DataConsent.Grant(
            Guid.NewGuid(), owner, new ConsentDraft(ConsentAudience.Organisation(organisationId), [DataCategory.Skills, DataCategory.Contact], "Job", now.AddDays(30)), now);
        var context = new ConsentRecordContext("Municipality of Eindhoven", "Brightwatt", "Revoke on the Sharing page", "/privacy", "EU", "web");

        var record = ConsentRecord.Create(Guid.NewGuid(), consent, ConsentEvent.Given, now, context);

        Assert.Equal(ConsentRecord.SchemaName, record.Schema);
        Assert.Equal(owner, record.PiiPrincipal);
        Assert.Equal("Municipality of Eindhoven", record.Controller);
        Assert.Equal(new ConsentRecipient("Organisation", organisationId, "Brightwatt", null), record.Recipient);
        Assert.Equal(["skills", "contact"], record.PiiCategories);
        Assert.Equal("given", record.Event);
        Assert.Equal("pii-principal", record.EventBy);
        Assert.Equal(now.AddDays(30), record.Expiry);
        Assert.Equal(ConsentRecord.ConsentLegalBasis, record.LegalBasis);
        Assert.Equal("Revoke on the Sharing page", record.WithdrawalMethod);
    }
}
