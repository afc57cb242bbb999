namespace Analytics.Core.Storage;

/// <summary>The database file is held read-write by another process, typically a running <c>analytics serve</c>.</summary>
public sealed class DatabaseInUseException : Exception
{
    /// <summary>Creates the exception for a path and DuckDB's own error.</summary>
    public DatabaseInUseException(string path, Exception innerException)
        : base(Describe(path, innerException.Message), innerException) => DatabasePath = path;

    /// <summary>The database file that is in use.</summary>
    public string DatabasePath { get; }

    private static string Describe(string path, string duckDbMessage)
    {
        var pid = System.Text.RegularExpressions.Regex.Match(duckDbMessage, @"PID (\d+)");
        var holder = pid.Success ? $"process {pid.Groups[1].Value}" : "another process";
        return $"The database {path} is in use by {holder} (is 'analytics serve' running?). Stop it, or point this command at another file with --db.";
    }
}
