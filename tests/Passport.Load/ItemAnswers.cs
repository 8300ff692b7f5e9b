using System.Text.Json;

namespace Passport.Load;

/// <summary>A valid answer to a presented item, as a client would send it: shared by the load generator and the fault tests.</summary>
public static class ItemAnswers
{
    /// <summary>A random option, the options shuffled, or a point on the scale. <paramref name="random"/> is not shared between threads.</summary>
    public static object For(JsonElement item, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var kind = item.GetProperty("kind").GetString();
        var options = item.TryGetProperty("options", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(option => option.GetProperty("id").GetString()!).ToArray()
            : [];
        switch (kind)
        {
            case "rank":
                random.Shuffle(options);
                return new { order = options };
            case "scale":
                var scale = item.GetProperty("scale");
                return new { value = random.Next(scale.GetProperty("min").GetInt32(), scale.GetProperty("max").GetInt32() + 1) };
            default:
                return new { choice = options[random.Next(options.Length)] };
        }
    }
}
