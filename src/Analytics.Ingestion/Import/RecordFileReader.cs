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
        var bytes = File.ReadAllBytes(path);
        var index = 0;
        foreach (var range in RecordRanges(bytes, Path.GetFileName(path)))
        {
            index++;
            var raw = bytes.AsSpan(range);
            yield return Utf8Lines.Problem(raw) is { } problem
                ? new ReadResult(null, new RejectedRecord($"record {index}", Encoding.UTF8.GetString(raw), problem))
                : Parse(Utf8Lines.Decode(raw), $"record {index}");
        }
    }

    /// <summary>
    /// Where each element of the top-level array lies in <paramref name="bytes"/>, found by the reader's structure
    /// alone, so that a record with invalid UTF-8 is refused by itself rather than failing the whole file.
    /// </summary>
    private static List<Range> RecordRanges(byte[] bytes, string name)
    {
        var offset = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var reader = new Utf8JsonReader(bytes.AsSpan(offset));
        var ranges = new List<Range>();
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                throw new FormatException($"{name} must hold a JSON array of records.");
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = offset + (int)reader.TokenStartIndex;
                reader.Skip();
                ranges.Add(start..(offset + (int)reader.BytesConsumed));
            }

            if (reader.Read())
            {
                throw new FormatException($"{name} has content after its JSON array.");
            }
        }
        catch (JsonException exception)
        {
            throw new FormatException($"{name} is not valid JSON: {exception.Message}", exception);
        }

        return ranges;
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
