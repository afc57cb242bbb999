using DuckDB.NET.Data;

namespace Analytics.Core.Storage;

/// <summary>What DuckDB's error messages say, for the errors Pulse handles.</summary>
public static class StorageErrors
{
    /// <summary>True when the error is DuckDB refusing a file that another process holds open.</summary>
    public static bool IsFileLocked(this DuckDBException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Message.Contains("Could not set lock on file", StringComparison.Ordinal)
            || error.Message.Contains("Conflicting lock", StringComparison.Ordinal);
    }
}
