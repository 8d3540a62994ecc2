using System.Text;
using System.Text.Json;

namespace CommerceBrain.Nlu.Training;

/// <summary>
/// Reads labelled text: CSV (RFC 4180 quoting, fields may hold newlines) with a header naming a <c>text</c> (or <c>sentence</c>) column and a
/// <c>label</c> (or <c>category</c>) column, or JSON lines (<c>{"text":…,"label":…}</c>, chosen by a .jsonl/.json
/// extension). Malformed input raises <see cref="DatasetFormatException"/> with the line number.
/// </summary>
public static class DatasetReader
{
    /// <summary>Reads a file; throws <see cref="FileNotFoundException"/> when it does not exist.</summary>
    public static IReadOnlyList<LabeledText> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Data file '{path}' does not exist.", path);
        }

        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var ext = Path.GetExtension(path).ToLowerInvariant();
        return ext is ".jsonl" or ".json" or ".ndjson" ? ReadJsonLines(reader, path) : ReadCsv(reader, path);
    }

    /// <summary>Reads JSON lines from a reader (<paramref name="name"/> is used in messages).</summary>
    public static IReadOnlyList<LabeledText> ReadJsonLines(TextReader reader, string name)
    {
        var result = new List<LabeledText>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object
                    || !root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String
                    || !(root.TryGetProperty("label", out var label) || root.TryGetProperty("category", out label))
                    || label.ValueKind != JsonValueKind.String)
                {
                    throw new DatasetFormatException(name, lineNumber, "expected an object with string fields \"text\" and \"label\".");
                }

                result.Add(Checked(name, lineNumber, text.GetString()!, label.GetString()!));
            }
            catch (JsonException e)
            {
                throw new DatasetFormatException(name, lineNumber, "invalid JSON: " + e.Message);
            }
        }

        return result;
    }

    /// <summary>Reads CSV from a reader (<paramref name="name"/> is used in messages).</summary>
    public static IReadOnlyList<LabeledText> ReadCsv(TextReader reader, string name)
    {
        var records = ParseCsv(reader, name);
        if (records.Count == 0)
        {
            throw new DatasetFormatException(name, 1, "the file is empty; expected a header 'text,label'.");
        }

        var header = records[0].Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        var textColumn = header.IndexOf("text");
        if (textColumn < 0)
        {
            textColumn = header.IndexOf("sentence");
        }

        var labelColumn = header.IndexOf("label");
        if (labelColumn < 0)
        {
            labelColumn = header.IndexOf("category");
        }

        if (textColumn < 0 || labelColumn < 0)
        {
            throw new DatasetFormatException(name, 1, "the header must name a 'text' (or 'sentence') column and a 'label' (or 'category') column.");
        }

        var result = new List<LabeledText>(records.Count - 1);
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue; // blank line
            }

            if (fields.Count != header.Count)
            {
                throw new DatasetFormatException(name, line, $"expected {header.Count} fields but found {fields.Count}.");
            }

            result.Add(Checked(name, line, fields[textColumn], fields[labelColumn]));
        }

        return result;
    }

    private static LabeledText Checked(string name, int line, string text, string label)
    {
        label = label.Trim();
        if (label.Length == 0)
        {
            throw new DatasetFormatException(name, line, "the label is empty.");
        }

        return new LabeledText(text, label);
    }

    private static List<(int Line, List<string> Fields)> ParseCsv(TextReader reader, string name)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var quotedField = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0 && !quotedField:
                    inQuotes = true;
                    quotedField = true;
                    break;
                case '"':
                    throw new DatasetFormatException(name, line, "a quote appears inside an unquoted field (quote the field and double inner quotes).");
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    quotedField = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    records.Add((recordLine, fields));
                    fields = [];
                    field.Clear();
                    quotedField = false;
                    line++;
                    recordLine = line;
                    break;
                default:
                    if (quotedField)
                    {
                        throw new DatasetFormatException(name, line, "unexpected text after a closing quote.");
                    }

                    field.Append(ch);
                    break;
            }
        }

        if (inQuotes)
        {
            throw new DatasetFormatException(name, recordLine, "a quoted field is never closed.");
        }

        if (field.Length > 0 || fields.Count > 0 || quotedField)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields));
        }

        return records;
    }
}
