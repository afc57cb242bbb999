namespace Analytics.Core.Storage.Backup;

/// <summary>
/// A path as a DuckDB string literal, for the few statements (<c>EXPORT</c>, <c>IMPORT</c>) that take no parameters.
/// DuckDB's <c>'...'</c> literal has one escape, a doubled quote; a backslash is an ordinary character.
/// </summary>
internal static class SqlStringLiteral
{
    /// <summary>Quotes <paramref name="path"/>; refuses control characters, which no sensible directory name holds.</summary>
    public static string Quote(string path)
    {
        if (path.Any(char.IsControl))
        {
            throw new BackupException($"The path '{path.ReplaceLineEndings(" ")}' holds a control character; choose a directory without one.");
        }

        return $"'{path.Replace("'", "''", StringComparison.Ordinal)}'";
    }

    /// <summary>A query from <c>queries/</c> whose <c>{directory}</c> placeholder is replaced by the quoted path.</summary>
    public static string WithDirectory(string queryName, string directory) =>
        SqlQueries.Get(queryName).Replace("{directory}", Quote(directory), StringComparison.Ordinal);
}
