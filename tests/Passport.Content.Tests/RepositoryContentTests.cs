using Passport.Domain.Sprints;

namespace Passport.Content.Tests;

/// <summary>The content authors ship: it must load, and be large and varied enough for the product to be useful.</summary>
public sealed class RepositoryContentTests
{
    private static readonly Lazy<ContentLoadResult> Loaded = new(() => ContentLoader.Load(Repository.ContentPath));

    [Fact]
    public void RepositoryContent_Load_HasNoProblems()
    {
        Assert.True(Loaded.Value.Problems.Count == 0, string.Join(Environment.NewLine, Loaded.Value.Problems));
        Assert.True(Loaded.Value.IsValid);
    }

    [Fact]
    public void RepositoryContent_Size_IsEnoughForTheProduct()
    {
        var (skills, sprints) = Catalogues();

        Assert.InRange(skills.All.Count, 8, 12);
        Assert.True(sprints.All.Count >= 6, $"Only {sprints.All.Count} sprints.");
        var items = sprints.All.Sum(sprint => sprint.Items.Count);
        Assert.True(items >= 150, $"Only {items} items.");
    }

    [Fact]
    public void RepositoryContent_EverySkill_IsMeasuredBySomeSprint()
    {
        var (skills, sprints) = Catalogues();

        var measured = sprints.All.SelectMany(sprint => sprint.Skills).ToHashSet(StringComparer.Ordinal);

        var unmeasured = skills.All.Select(skill => skill.Id).Where(id => !measured.Contains(id)).ToList();
        Assert.True(unmeasured.Count == 0, $"No sprint measures {string.Join(", ", unmeasured)}.");
    }

    [Fact]
    public void RepositoryContent_Mechanics_AreAllUsed()
    {
        var (_, sprints) = Catalogues();

        Assert.Equal(Enum.GetValues<ItemKind>(), sprints.All.SelectMany(sprint => sprint.Mechanics).Distinct().Order());
    }

    private static (Domain.Skills.SkillCatalog Skills, SprintCatalog Sprints) Catalogues()
    {
        var result = Loaded.Value;
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        return (result.Skills!, result.Sprints!);
    }
}
