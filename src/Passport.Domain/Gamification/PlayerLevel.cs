namespace Passport.Domain.Gamification;

/// <summary>Levels that come quickly at first and then at a steady pace: level n starts at 50·n·(n−1) XP.</summary>
public static class PlayerLevel
{
    public static int For(int totalXp)
    {
        var level = 1;
        while (StartOf(level + 1) <= totalXp)
        {
            level++;
        }

        return level;
    }

    public static int StartOf(int level) => 50 * level * (level - 1);

    /// <summary>How far the player is towards the next level, from 0 to 1, for the progress bar.</summary>
    public static double Progress(int totalXp)
    {
        var level = For(totalXp);
        var start = StartOf(level);
        return (double)(totalXp - start) / (StartOf(level + 1) - start);
    }
}
