using Microsoft.Playwright;

namespace Passport.PageSpeed;

/// <summary>Who is signed in for a page: nobody, or one of the demo accounts.</summary>
internal enum Visitor
{
    Nobody,
    JobSeeker,
    Coach,
    School,
}

/// <summary>
/// One page as a person opens it: the address, who is signed in, and what "shown" means for it. <see cref="ShownAsync"/>
/// waits for the page's main content (a live page's first question comes over its circuit, after the load event);
/// <see cref="UseAsync"/> is what the person then does on the page (for the player: one answer), whose layout shifts count.
/// </summary>
internal sealed record Journey(string Name, string Path, Visitor Visitor, bool Live)
{
    public Func<IPage, Task> ShownAsync { get; init; } = page => page.Locator("main h1").First.WaitForAsync();

    public Func<IPage, Task> UseAsync { get; init; } = _ => Task.CompletedTask;

    public static readonly LocatorWaitForOptions Patiently = new() { Timeout = 60_000 };

    /// <summary>The first question shown; then one answer: the first option, or the order as shown, and the answer button.</summary>
    public static Journey Player(string sprintId) => new("Player (first question, one answer)", $"/sprints/{sprintId}/play", Visitor.JobSeeker, Live: true)
    {
        ShownAsync = page => page.Locator("section.question").WaitForAsync(Patiently),
        UseAsync = async page =>
        {
            var question = page.Locator("section.question");
            var index = await question.GetAttributeAsync("data-index");
            var radio = question.Locator("input[type=radio]");
            if (await radio.CountAsync() > 0)
            {
                await radio.First.CheckAsync();
            }

            await question.Locator("button[type=submit]").ClickAsync();
            await page.Locator($"section.question:not([data-index='{index}']), section.sprint-result").First.WaitForAsync(Patiently);
        },
    };

    /// <summary>The coach's live board of a workshop opened for this run.</summary>
    public static Journey Board(string path) => new("Workshop board (coach)", path, Visitor.Coach, Live: true)
    {
        ShownAsync = page => page.Locator("#participants-heading").WaitForAsync(Patiently),
    };
}
