using System.Globalization;
using System.Text;

namespace Passport.Web.Tests.Appointments;

/// <summary>
/// A small, strict RFC 5545 reader written for the tests, independent of the library that writes the files: CRLF
/// line ends, content lines of at most 75 octets, unfolding, properties as <c>NAME;PARAMS:VALUE</c>, balanced
/// <c>BEGIN</c>/<c>END</c>, one <c>VCALENDAR</c> with <c>VERSION:2.0</c> and <c>PRODID</c>, and every <c>VEVENT</c>
/// with <c>UID</c>, <c>DTSTAMP</c> and <c>DTSTART</c>. Anything else throws, so a broken file fails the test.
/// </summary>
public static class StrictICalendar
{
    public sealed record Event(IReadOnlyDictionary<string, string> Properties)
    {
        public string this[string name] => Properties[name];

        /// <summary>A UTC DATE-TIME value (<c>yyyyMMddTHHmmssZ</c>, RFC 5545 §3.3.5 form #2).</summary>
        public DateTimeOffset Utc(string name) =>
            DateTimeOffset.ParseExact(Properties[name], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    public static IReadOnlyList<Event> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.EndsWith("\r\n", StringComparison.Ordinal))
        {
            throw new FormatException("An iCalendar stream ends with CRLF.");
        }

        var physical = text[..^2].Split("\r\n");
        foreach (var line in physical)
        {
            if (line.Contains('\n', StringComparison.Ordinal) || line.Contains('\r', StringComparison.Ordinal))
            {
                throw new FormatException("Lines end with CRLF only.");
            }

            if (Encoding.UTF8.GetByteCount(line) > 75)
            {
                throw new FormatException($"A content line is longer than 75 octets: {line}");
            }
        }

        var logical = new List<string>();
        foreach (var line in physical)
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                if (logical.Count == 0)
                {
                    throw new FormatException("A folded line continues nothing.");
                }

                logical[^1] += line[1..];
            }
            else
            {
                logical.Add(line);
            }
        }

        var stack = new Stack<string>();
        var calendars = 0;
        Dictionary<string, string>? calendar = null;
        Dictionary<string, string>? current = null;
        var events = new List<Event>();
        foreach (var line in logical)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new FormatException($"Not a property: {line}");
            }

            var nameAndParameters = line[..colon];
            var value = line[(colon + 1)..];
            var name = nameAndParameters.Split(';')[0];
            if (name.Length == 0 || !name.All(character => char.IsAsciiLetterUpper(character) || char.IsAsciiDigit(character) || character == '-'))
            {
                throw new FormatException($"Not a property name: {name}");
            }

            switch (name)
            {
                case "BEGIN":
                    stack.Push(value);
                    if (value == "VCALENDAR")
                    {
                        calendars++;
                        calendar = [];
                    }
                    else if (value == "VEVENT")
                    {
                        current = [];
                    }

                    break;
                case "END":
                    if (stack.Count == 0 || stack.Pop() != value)
                    {
                        throw new FormatException($"END:{value} does not close what was opened.");
                    }

                    if (value == "VEVENT")
                    {
                        foreach (var required in new[] { "UID", "DTSTAMP", "DTSTART" })
                        {
                            if (!current!.ContainsKey(required))
                            {
                                throw new FormatException($"A VEVENT has no {required}.");
                            }
                        }

                        events.Add(new Event(current!));
                        current = null;
                    }

                    break;
                default:
                    if (stack.Count == 0)
                    {
                        throw new FormatException($"A property outside any component: {line}");
                    }

                    var target = stack.Peek() switch
                    {
                        "VEVENT" => current!,
                        "VCALENDAR" => calendar!,
                        _ => null,
                    };
                    if (target is not null && !target.TryAdd(name, Unescape(value)) && name is "UID" or "DTSTART" or "DTEND" or "SEQUENCE" or "STATUS")
                    {
                        throw new FormatException($"{name} appears twice in one component.");
                    }

                    break;
            }
        }

        if (stack.Count != 0 || calendars != 1 || calendar is null || calendar.GetValueOrDefault("VERSION") != "2.0" || !calendar.ContainsKey("PRODID"))
        {
            throw new FormatException("One VCALENDAR with VERSION:2.0 and PRODID, every component closed.");
        }

        return events;
    }

    private static string Unescape(string value) =>
        value.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\N", "\n", StringComparison.Ordinal)
            .Replace("\\,", ",", StringComparison.Ordinal).Replace("\\;", ";", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
}
