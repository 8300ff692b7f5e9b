using System.Xml;
using System.Xml.Linq;
using Passport.Content.Validation;
using Passport.Domain.Accounts;

namespace Passport.Content.Readability;

/// <summary>
/// The texts of a message template: <c>Name.resx</c> (English, the neutral language) and its translations
/// <c>Name.nl.resx</c>, <c>Name.da.resx</c>, <c>Name.nb.resx</c> beside it. The entries of one kind of message share the
/// part of their key before the first full stop (<c>invitation.Subject</c>, <c>invitation.Summary</c>, …) and are
/// scored together, as the reader reads them together.
/// </summary>
internal static class ResxTexts
{
    /// <param name="template">The neutral file, relative to the content folder with forward slashes.</param>
    public static IEnumerable<(string File, string Text, string Language, string Value)> Read(
        string contentPath, string template, List<ContentProblem> problems)
    {
        var texts = new List<(string, string, string, string)>();
        foreach (var language in Languages.All)
        {
            var file = language == Languages.Default ? template : $"{template[..^".resx".Length]}.{language}.resx";
            var path = Path.GetFullPath(ContentFiles.PathOf(contentPath, file));
            if (!File.Exists(path))
            {
                problems.Add(new ContentProblem(file, null, $"the message templates in {language} are missing ({ReadabilitySettings.File} names {template})"));
                continue;
            }

            XDocument document;
            try
            {
                document = XDocument.Load(path, LoadOptions.PreserveWhitespace);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or XmlException)
            {
                problems.Add(new ContentProblem(file, null, $"the file cannot be read: {ex.Message}"));
                continue;
            }

            // Entries with a type are files or images, not texts.
            var entries = document.Root?.Elements("data").Where(data => data.Attribute("type") is null && data.Attribute("mimetype") is null) ?? [];
            foreach (var entry in entries)
            {
                var key = (string?)entry.Attribute("name") ?? string.Empty;
                var value = (string?)entry.Element("value") ?? string.Empty;
                var kind = key.Split('.')[0];
                texts.Add((file, $"message {kind}", language, value));
            }
        }

        return texts;
    }
}
