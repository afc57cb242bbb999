using System.Text;
using System.Text.Json;
using CsvHelper;

namespace Analytics.Ingestion.Import;

/// <summary>
/// Reads records from CSV (a header row), JSON (an array of objects) or NDJSON (one object per line), chosen by the
/// file's extension. A record that cannot be read, invalid UTF-8 included, is returned as an error with its line,
/// and reading goes on.
/// </summary>
public static class RecordFileReader
{
    /// <summary>The extensions understood, for messages.</summary>
    public const string Formats = ".csv, .json, .ndjson or .jsonl";

    /// <summary>Reads every record; <paramref name="expectedColumns"/> checks a CSV header before any row is read.</summary>
    public static IEnumerable<ReadResult> Read(string path, IReadOnlyCollection<string> expectedColumns) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => ReadCsv(path, expectedColumns),
            ".json" => ReadJsonArray(path),
            ".ndjson" or ".jsonl" => ReadNdjson(path),
            var other => throw new FormatException($"{Path.GetFileName(path)}: '{other}' files are not supported; use {Formats}."),
        };

    private static IEnumerable<ReadResult> ReadCsv(string path, IReadOnlyCollection<string> expectedColumns)
    {
        using var csv = CsvReader.FromFile(path, new CsvReaderOptions { Separator = ',', FieldCountMismatch = CsvFieldCountHandling.Throw, TrackLineNumbers = true });
        var header = csv.Headers.Select(h => h.Trim()).ToArray();
        var unknown = header.Where(h => !expectedColumns.Contains(h)).ToList();
        if (header.Length == 0 || unknown.Count > 0)
        {
            throw new FormatException(header.Length == 0
                ? $"{Path.GetFileName(path)} has no header row."
                : $"{Path.GetFileName(path)}: column(s) {string.Join(", ", unknown.Select(u => $"'{u}'"))} are not fields of this entity; expected some of {string.Join(", ", expectedColumns)}.");
        }

        while (true)
        {
            ReadResult result;
            try
            {
                if (!csv.Read())
                {
                    yield break;
                }

                var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
                for (var i = 0; i < header.Length; i++)
                {
                    fields[header[i]] = csv.GetString(i);
                }

                var raw = csv.RawRecord;
                result = Utf8Lines.Problem(raw) is { } problem
                    ? new ReadResult(null, new RejectedRecord($"line {csv.LineNumber}", Encoding.UTF8.GetString(raw), problem))
                    : new ReadResult(new SourceRecord($"line {csv.LineNumber}", Encoding.UTF8.GetString(raw), fields), null);
            }
            catch (CsvFormatException exception)
            {
                result = new ReadResult(null, new RejectedRecord($"line {csv.LineNumber}", string.Empty, exception.Message));
            }

            yield return result;
        }
    }

    private static IEnumerable<ReadResult> ReadNdjson(string path)
    {
        foreach (var (line, bytes) in Utf8Lines.Read(path))
        {
            if (Utf8Lines.Problem(bytes) is { } problem)
            {
                yield return new ReadResult(null, new RejectedRecord($"line {line}", Encoding.UTF8.GetString(bytes), problem));
                continue;
            }

            var text = Utf8Lines.Decode(bytes);
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            yield return Parse(text, $"line {line}");
        }
    }

    private static IEnumerable<ReadResult> ReadJsonArray(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException exception)
        {
            throw new FormatException($"{Path.GetFileName(path)} is not valid JSON: {exception.Message}", exception);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"{Path.GetFileName(path)} must hold a JSON array of records.");
            }

            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                index++;
                yield return Parse(element.GetRawText(), $"record {index}");
            }
        }
    }

    private static ReadResult Parse(string json, string location)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new ReadResult(null, new RejectedRecord(location, json, "not a JSON object."));
            }

            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                fields[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Array => string.Join(';', property.Value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())),
                    _ => property.Value.GetRawText(),
                };
            }

            return new ReadResult(new SourceRecord(location, json, fields), null);
        }
        catch (JsonException exception)
        {
            return new ReadResult(null, new RejectedRecord(location, json, $"malformed JSON ({exception.Message})"));
        }
    }
}
