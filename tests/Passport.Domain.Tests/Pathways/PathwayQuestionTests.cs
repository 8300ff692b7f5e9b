using Passport.Domain.Pathways;

namespace Passport.Domain.Tests.Pathways;

public sealed class PathwayQuestionTests
{
    private static List<string> Codes(PathwayQuestion question) =>
        [.. question.Validate().Errors.Select(error => $"{error.Field}:{error.Code}")];

    [Fact]
    public void Validate_NoWordsButSharesContact_IsValid()
    {
        var question = new PathwayQuestion("   ", SharesContact: true);

        Assert.Empty(Codes(question));
        Assert.Null(question.Trimmed);
    }

    [Fact]
    public void Validate_WithoutAgreeingToShareContact_IsRefused() =>
        Assert.Equal(["shareContact:PathwayQuestion.ShareContact.Required"], Codes(new PathwayQuestion("When does it start?", SharesContact: false)));

    [Fact]
    public void Validate_LongestQuestion_IsValidAndTrimmed()
    {
        var question = new PathwayQuestion($"  {new string('a', PathwayQuestion.MaxTextLength)}  ", SharesContact: true);

        Assert.Empty(Codes(question));
        Assert.Equal(PathwayQuestion.MaxTextLength, question.Trimmed!.Length);
    }

    [Fact]
    public void Validate_TooLongQuestion_IsRefused() =>
        Assert.Equal(
            ["question:PathwayQuestion.Question.TooLong"],
            Codes(new PathwayQuestion(new string('a', PathwayQuestion.MaxTextLength + 1), SharesContact: true)));
}
