using Passport.Domain.Localization;
using Passport.Domain.Measurement;

namespace Passport.Domain.Sprints;

/// <summary>
/// One item of a sprint: what is shown, how an answer is scored into an ordered category and the IRT model
/// that turns the category into evidence about <see cref="SkillId"/>.
/// </summary>
public sealed record SprintItem(
    string Id,
    string SkillId,
    ItemKind Kind,
    LocalizedText Prompt,
    IReadOnlyList<ItemOption> Options,
    IReadOnlyList<string> Key,
    ScaleSpec? Scale,
    TimeSpan? TimeLimit,
    IResponseModel Model)
{
    public CandidateItem AsCandidate() => new(Id, SkillId, Model);

    /// <summary>Scores an answer, or says why it does not fit this item. Never throws for a player's input.</summary>
    public AnswerScore Score(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var shapes = (answer.Choice is null ? 0 : 1) + (answer.Order is null ? 0 : 1) + (answer.Value is null ? 0 : 1);
        if (shapes != 1)
        {
            return AnswerScore.Refused(AnswerProblem.WrongShape);
        }

        return Kind switch
        {
            ItemKind.Choice or ItemKind.Timed => ScoreChoice(answer.Choice),
            ItemKind.Rank => ScoreOrder(answer.Order),
            ItemKind.Scale => ScoreValue(answer.Value),
            _ => AnswerScore.Refused(AnswerProblem.WrongShape),
        };
    }

    private AnswerScore ScoreChoice(string? choice)
    {
        if (choice is null)
        {
            return AnswerScore.Refused(AnswerProblem.WrongShape);
        }

        var option = Options.FirstOrDefault(candidate => candidate.Id == choice);
        return option is null ? AnswerScore.Refused(AnswerProblem.UnknownOption) : AnswerScore.Of(option.Score);
    }

    private AnswerScore ScoreOrder(IReadOnlyList<string>? order)
    {
        if (order is null)
        {
            return AnswerScore.Refused(AnswerProblem.WrongShape);
        }

        if (order.Count != Key.Count || order.Distinct(StringComparer.Ordinal).Count() != order.Count)
        {
            return AnswerScore.Refused(AnswerProblem.InvalidOrder);
        }

        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < Key.Count; index++)
        {
            position[Key[index]] = index;
        }

        if (order.Any(id => !position.ContainsKey(id)))
        {
            return AnswerScore.Refused(AnswerProblem.UnknownOption);
        }

        // Share of option pairs in the key's order, so a near miss earns partial credit.
        var concordant = 0;
        var pairs = 0;
        for (var first = 0; first < order.Count; first++)
        {
            for (var second = first + 1; second < order.Count; second++)
            {
                pairs++;
                if (position[order[first]] < position[order[second]])
                {
                    concordant++;
                }
            }
        }

        var top = Model.Categories - 1;
        return AnswerScore.Of((int)Math.Round((double)concordant / pairs * top, MidpointRounding.AwayFromZero));
    }

    private AnswerScore ScoreValue(double? value)
    {
        if (value is not { } number || Scale is null)
        {
            return AnswerScore.Refused(AnswerProblem.WrongShape);
        }

        if (double.IsNaN(number) || number != Math.Floor(number) || number < Scale.Min || number > Scale.Max)
        {
            return AnswerScore.Refused(AnswerProblem.OutOfRange);
        }

        var whole = (int)number;
        return AnswerScore.Of(Scale.Reversed ? Scale.Max - whole : whole - Scale.Min);
    }
}
