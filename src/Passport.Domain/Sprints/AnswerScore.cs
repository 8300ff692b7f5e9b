namespace Passport.Domain.Sprints;

/// <summary>The category an answer falls in, or the problem that kept it from being scored.</summary>
public readonly record struct AnswerScore(int Category, AnswerProblem Problem)
{
    public bool IsAccepted => Problem == AnswerProblem.None;

    public static AnswerScore Of(int category) => new(category, AnswerProblem.None);

    public static AnswerScore Refused(AnswerProblem problem) => new(-1, problem);
}
