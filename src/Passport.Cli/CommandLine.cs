using System.Globalization;

namespace Passport.Cli;

/// <summary>The options after the command; hand-parsed, as there are only a few.</summary>
public sealed class CommandLine
{
    private CommandLine(string? content, int? respondents, int? seed, int? count, string? database, string? postgres)
    {
        ExplicitContentPath = content;
        ContentPath = content ?? ContentFolder.Find(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
        Respondents = respondents;
        Seed = seed;
        Count = count;
        Database = database;
        Postgres = postgres;
    }

    /// <summary>The content folder to read: <c>--content</c>, else the clone's, else the copy beside the tool.</summary>
    public string ContentPath { get; }

    /// <summary>What <c>--content</c> said, if it was given.</summary>
    public string? ExplicitContentPath { get; }

    public int? Respondents { get; }

    public int? Seed { get; }

    /// <summary>How many to make (<c>--count</c>, seed-candidates).</summary>
    public int? Count { get; }

    /// <summary><c>--database sqlite:PATH</c>: the SQLite file to write to.</summary>
    public string? Database { get; }

    /// <summary><c>--postgres "CONNECTION STRING"</c>: the PostgreSQL database to write to.</summary>
    public string? Postgres { get; }

    /// <summary>Whether any option that only seed-candidates takes was given.</summary>
    public bool HasSeedingOptions => Count is not null || Database is not null || Postgres is not null;

    public static bool TryParse(IEnumerable<string> args, out CommandLine options, out string mistake)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? content = null;
        int? respondents = null;
        int? seed = null;
        int? people = null;
        string? database = null;
        string? postgres = null;
        options = null!;
        mistake = string.Empty;

        using var reader = args.GetEnumerator();
        while (reader.MoveNext())
        {
            var name = reader.Current;
            if (name is not ("--content" or "--respondents" or "--seed" or "--count" or "--database" or "--postgres"))
            {
                mistake = $"unknown option '{name}'";
                return false;
            }

            if (!reader.MoveNext())
            {
                mistake = $"{name} needs a value";
                return false;
            }

            var value = reader.Current;
            switch (name)
            {
                case "--content":
                    content = Path.GetFullPath(value);
                    break;
                case "--respondents" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count):
                    respondents = count;
                    break;
                case "--seed" when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number):
                    seed = number;
                    break;
                case "--count" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var many):
                    people = many;
                    break;
                case "--database":
                    database = value;
                    break;
                case "--postgres":
                    postgres = value;
                    break;
                default:
                    mistake = $"{name} needs a whole number, not '{value}'";
                    return false;
            }
        }

        options = new CommandLine(content, respondents, seed, people, database, postgres);
        return true;
    }
}
