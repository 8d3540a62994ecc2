using System.Text.Json;
using CommerceBrain.Nlu.Training;

namespace CommerceBrain.Nlu.Faq;

/// <summary>Reads FAQ entries from JSON lines: <c>{"id","question","paraphrases":[…],"answer","tags":[…],"merchant":null|"shop-1"}</c>.</summary>
public static class FaqCatalog
{
    /// <summary>Reads a file; malformed lines raise <see cref="DatasetFormatException"/> with the line number.</summary>
    public static IReadOnlyList<FaqEntry> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"FAQ file '{path}' does not exist.", path);
        }

        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    /// <summary>Reads JSON lines from a reader.</summary>
    public static IReadOnlyList<FaqEntry> Read(TextReader reader, string name)
    {
        var entries = new List<FaqEntry>();
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(text);
                var root = doc.RootElement;
                var id = Required(root, "id");
                var question = Required(root, "question");
                var answer = Required(root, "answer");
                entries.Add(new FaqEntry(id, question, Strings(root, "paraphrases"), answer, Strings(root, "tags"),
                    root.TryGetProperty("merchant", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null));
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
            {
                throw new DatasetFormatException(name, line, e.Message);
            }
        }

        return entries;
    }

    /// <summary>The paraphrase groups (question plus paraphrases) used to train the encoder.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> ParaphraseGroups(IEnumerable<FaqEntry> entries) =>
        entries.Select(e => (IReadOnlyList<string>)[e.Question, .. e.Paraphrases]).ToArray();

    private static string Required(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
            ? s
            : throw new KeyNotFoundException($"field \"{name}\" must be a non-empty string.");

    private static string[] Strings(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToArray()
            : [];
}
