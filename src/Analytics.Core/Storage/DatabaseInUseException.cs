namespace Analytics.Core.Storage;

/// <summary>The database file is held read-write by another process, typically a running <c>analytics serve</c>.</summary>
public sealed class DatabaseInUseException : Exception
{
    /// <summary>Creates the exception for a path and DuckDB's own error.</summary>
    public DatabaseInUseException(string path, Exception innerException)
        : base(Describe(path, Holder(innerException.Message)), innerException)
    {
        DatabasePath = path;
        HolderDescription = Holder(innerException.Message);
    }

    /// <summary>The database file that is in use.</summary>
    public string DatabasePath { get; }

    /// <summary>Who holds the file, as DuckDB reports it: "process 1234", or "another process" when it does not say.</summary>
    public string HolderDescription { get; }

    private static string Holder(string duckDbMessage)
    {
        var pid = System.Text.RegularExpressions.Regex.Match(duckDbMessage, @"PID (\d+)");
        return pid.Success ? $"process {pid.Groups[1].Value}" : "another process";
    }

    private static string Describe(string path, string holder) =>
        $"The database {path} is in use by {holder} (is 'analytics serve' running?). Stop it, or point this command at another file with --db.";
}
