using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Analytics.Ingestion.Import;

/// <summary>
/// Checks records for invalid UTF-8 before they are decoded: decoding would quietly put replacement characters
/// where the bad bytes were, and those would be stored as if they were the data.
/// </summary>
internal static class Utf8Lines
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    /// <summary>Why <paramref name="bytes"/> is not valid UTF-8, or null when it is.</summary>
    public static string? Problem(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return null;
        }

        Span<char> scratch = stackalloc char[256];
        var offset = 0;
        while (true)
        {
            var status = Utf8.ToUtf16(bytes[offset..], scratch, out var read, out _, replaceInvalidSequences: false);
            offset += read;
            if (status == OperationStatus.Done)
            {
                return null;
            }

            if (status is OperationStatus.InvalidData or OperationStatus.NeedMoreData)
            {
                return string.Create(CultureInfo.InvariantCulture, $"not valid UTF-8 (byte 0x{bytes[offset]:X2} at byte {offset + 1} of the record); save the file as UTF-8.");
            }
        }
    }

    /// <summary>The lines of a file as bytes (without the line break and a leading byte order mark), numbered from 1.</summary>
    public static IEnumerable<(int Number, byte[] Bytes)> Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var buffer = new byte[1 << 16];
        var line = new ArrayBufferWriter<byte>();
        var number = 0;
        int count;
        while ((count = stream.Read(buffer)) > 0)
        {
            var start = 0;
            int end;
            while ((end = Array.IndexOf(buffer, (byte)'\n', start, count - start)) >= 0)
            {
                line.Write(buffer.AsSpan(start, end - start));
                yield return (++number, Finish(line, number));
                start = end + 1;
            }

            line.Write(buffer.AsSpan(start, count - start));
        }

        if (line.WrittenCount > 0)
        {
            yield return (++number, Finish(line, number));
        }
    }

    /// <summary>Decodes bytes already checked by <see cref="Problem"/>.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    private static byte[] Finish(ArrayBufferWriter<byte> line, int number)
    {
        var bytes = line.WrittenSpan;
        if (number == 1 && bytes.StartsWith(ByteOrderMark))
        {
            bytes = bytes[ByteOrderMark.Length..];
        }

        if (bytes.EndsWith((byte)'\r'))
        {
            bytes = bytes[..^1];
        }

        var copy = bytes.ToArray();
        line.ResetWrittenCount();
        return copy;
    }
}
