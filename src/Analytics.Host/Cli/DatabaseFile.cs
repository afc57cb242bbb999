using System.Text;

namespace Analytics.Host.Cli;

/// <summary>
/// Checks the <c>--db</c> path before a command opens it, so that a mistyped path is one line naming it rather
/// than a new empty database (with its folders) or DuckDB's own error.
/// </summary>
internal static class DatabaseFile
{
    private const string InMemory = ":memory:";

    // A DuckDB file starts with an 8-byte checksum followed by the magic bytes "DUCK".
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("DUCK");

    /// <summary>
    /// Throws <see cref="CliException"/> when <paramref name="path"/> is a directory or a file that is not a DuckDB
    /// database, or, unless <paramref name="mayCreate"/>, when there is nothing there yet.
    /// </summary>
    public static void Check(string path, bool mayCreate)
    {
        if (string.Equals(path, InMemory, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (Directory.Exists(path))
        {
            throw new CliException($"--db {path} is a directory, not a database file; point --db at a file such as data/pulse.duckdb.");
        }

        if (!File.Exists(path))
        {
            if (!mayCreate)
            {
                throw new CliException($"no database at {path} (run `analytics init` or `analytics seed` first)");
            }

            return;
        }

        if (!IsDuckDb(path))
        {
            throw new CliException($"The database file is not a DuckDB database: {path}. Point --db at another file.");
        }
    }

    private static bool IsDuckDb(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (file.Length == 0)
        {
            // DuckDB makes an empty file a new database.
            return true;
        }

        Span<byte> header = stackalloc byte[12];
        return file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length && header[8..].SequenceEqual(Magic);
    }
}
