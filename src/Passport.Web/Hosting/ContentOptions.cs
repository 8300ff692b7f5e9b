using System.Text.Json;
using System.Text.Json.Serialization;

namespace Passport.Web.Hosting;

/// <summary>Configuration section <c>Content</c>: where the <c>content/</c> folder (sectors, demo data, later sprints) is read from.</summary>
public sealed class ContentOptions
{
    public const string SectionName = "Content";

    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerOptions.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Defaults to the copy the build places beside the binaries.</summary>
    public string Path { get; set; } = System.IO.Path.Combine(AppContext.BaseDirectory, "content");

    public string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>
    /// Reads a JSON content file and turns it into <typeparamref name="TResult"/>. Any problem, in the file or in
    /// what <paramref name="convert"/> makes of it, stops the host with one line naming the file.
    /// </summary>
    public TResult ReadJson<TFile, TResult>(Func<TFile, TResult> convert, params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(convert);
        var path = File(parts);
        try
        {
            using var stream = System.IO.File.OpenRead(path);
            var file = JsonSerializer.Deserialize<TFile>(stream, SerializerOptions) ?? throw new InvalidDataException("The file is empty.");
            return convert(file);
        }
        catch (Exception ex) when (ex is IOException or JsonException or InvalidDataException or ArgumentException)
        {
            throw new InvalidDataException($"Content file {path} is not usable: {ex.Message}", ex);
        }
    }
}
