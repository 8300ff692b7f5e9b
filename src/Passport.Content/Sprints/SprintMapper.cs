using Passport.Domain.Localization;
using Passport.Domain.Measurement;
using Passport.Domain.Sprints;

namespace Passport.Content.Sprints;

/// <summary>Turns checked sprint files into the domain's sprints.</summary>
internal static class SprintMapper
{
    public static Sprint ToSprint(SprintDocument sprint) =>
        new(
            sprint.Id,
            Text(sprint.Title),
            Text(sprint.Description),
            [.. sprint.Skills],
            sprint.EstimatedMinutes,
            sprint.MaxItems,
            sprint.TargetStandardError,
            [.. sprint.Items.Select(ToItem)]);

    private static SprintItem ToItem(ItemDocument item)
    {
        var kind = item.Kind switch
        {
            SprintRules.Choice => ItemKind.Choice,
            SprintRules.Rank => ItemKind.Rank,
            SprintRules.Scale => ItemKind.Scale,
            SprintRules.Timed => ItemKind.Timed,
            _ => throw new InvalidDataException($"Item '{item.Id}' has the unknown kind '{item.Kind}'."),
        };

        return new SprintItem(
            item.Id,
            item.Skill,
            kind,
            Text(item.Prompt),
            // A rank option has no score of its own: the order of all of them is scored against the key.
            [.. (item.Options ?? []).Select(option => new ItemOption(option.Id, Text(option.Text), option.Score ?? 0))],
            kind == ItemKind.Rank ? [.. item.Key ?? []] : [],
            kind == ItemKind.Scale && item.Scale is { } scale
                ? new ScaleSpec(scale.Min, scale.Max, Text(scale.Low), Text(scale.High), item.Reversed ?? false)
                : null,
            kind == ItemKind.Timed && item.TimeLimitMs is { } limit ? TimeSpan.FromMilliseconds(limit) : null,
            Model(item.Irt));
    }

    private static IResponseModel Model(IrtDocument irt) => irt.Model switch
    {
        IrtDocument.TwoParameterLogistic => new TwoParameterLogistic(irt.A, irt.B[0]),
        IrtDocument.GradedResponse => new GradedResponseModel(irt.A, [.. irt.B]),
        _ => throw new InvalidDataException($"Unknown IRT model '{irt.Model}'."),
    };

    private static LocalizedText Text(IReadOnlyDictionary<string, string> texts) => new(texts);
}
