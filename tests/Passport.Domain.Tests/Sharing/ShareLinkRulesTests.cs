using Passport.Domain.Consent;
using Passport.Domain.Sharing;

namespace Passport.Domain.Tests.Sharing;

public sealed class ShareLinkRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Validate_GoodInput_MakesADraftWithCategoriesInOrderAndATrimmedLabel()
    {
        var errors = ShareLinkRules.Validate(new ShareLinkInput(["contact", "skills", "skills"], Now.AddDays(14), "  For the job fair  "), Now, out var draft);

        Assert.True(errors.IsValid);
        Assert.Equal([DataCategory.Skills, DataCategory.Contact], draft!.Categories);
        Assert.Equal(Now.AddDays(14), draft.ExpiresAt);
        Assert.Equal("For the job fair", draft.Label);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_NoLabel_IsFineAndStoredAsNone(string? label)
    {
        var errors = ShareLinkRules.Validate(new ShareLinkInput(["skills"], Now.AddDays(1), label), Now, out var draft);

        Assert.True(errors.IsValid);
        Assert.Null(draft!.Label);
    }

    [Fact]
    public void Validate_NoCategories_IsRefused()
    {
        var none = ShareLinkRules.Validate(new ShareLinkInput([], Now.AddDays(1), null), Now, out var draft);
        var missing = ShareLinkRules.Validate(new ShareLinkInput(null, Now.AddDays(1), null), Now, out _);

        Assert.Null(draft);
        Assert.Equal("ShareLink.Categories.Required", Assert.Single(none.Errors).Code);
        Assert.Equal("ShareLink.Categories.Required", Assert.Single(missing.Errors).Code);
    }

    [Fact]
    public void Validate_UnknownCategory_IsRefusedAndNamed()
    {
        var errors = ShareLinkRules.Validate(new ShareLinkInput(["skills", "salary"], Now.AddDays(1), null), Now, out var draft);

        Assert.Null(draft);
        var error = Assert.Single(errors.Errors);
        Assert.Equal(("categories", "ShareLink.Categories.Unknown"), (error.Field, error.Code));
        Assert.Equal("salary", error.Arguments[0]);
    }

    [Fact]
    public void Validate_NoEndDate_IsRefused()
    {
        var errors = ShareLinkRules.Validate(new ShareLinkInput(["skills"], null, null), Now, out var draft);

        Assert.Null(draft);
        Assert.Equal(("expiresAt", "ShareLink.Expiry.Required"), (Assert.Single(errors.Errors).Field, errors.Errors[0].Code));
    }

    [Theory]
    [InlineData(0, "ShareLink.Expiry.Past")]
    [InlineData(-60, "ShareLink.Expiry.Past")]
    public void Validate_EndDateNotInTheFuture_IsRefused(int seconds, string code)
    {
        var errors = ShareLinkRules.Validate(new ShareLinkInput(["skills"], Now.AddSeconds(seconds), null), Now, out _);

        Assert.Equal(code, Assert.Single(errors.Errors).Code);
    }

    [Fact]
    public void Validate_EndDateMoreThan90DaysAhead_IsRefusedButDay90Works()
    {
        var tooFar = ShareLinkRules.Validate(new ShareLinkInput(["skills"], Now.AddDays(90).AddSeconds(1), null), Now, out _);
        var limit = ShareLinkRules.Validate(new ShareLinkInput(["skills"], Now.AddDays(90), null), Now, out _);

        Assert.Equal("ShareLink.Expiry.TooFar", Assert.Single(tooFar.Errors).Code);
        Assert.True(limit.IsValid);
    }

    [Fact]
    public void Validate_LabelOver80Characters_IsRefused()
    {
        var tooLong = ShareLinkRules.Validate(new ShareLinkInput(["skills"], Now.AddDays(1), new string('a', 81)), Now, out var draft);
        var longest = ShareLinkRules.Validate(new ShareLinkInput(["skills"], Now.AddDays(1), new string('a', 80)), Now, out _);

        Assert.Null(draft);
        Assert.Equal(("label", "ShareLink.Label.TooLong"), (Assert.Single(tooLong.Errors).Field, tooLong.Errors[0].Code));
        Assert.True(longest.IsValid);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEach()
    {
        var errors = ShareLinkRules.Validate(new ShareLinkInput([], null, new string('a', 81)), Now, out _);

        Assert.Equal(["categories", "expiresAt", "label"], errors.Errors.Select(error => error.Field));
    }
}
