using System.Data.Common;

namespace Analytics.DuckDb;

/// <summary>An error reported by DuckDB; <see cref="Exception.Message"/> carries DuckDB's own text.</summary>
public sealed class DuckDbException : DbException
{
    /// <summary>Creates an exception with DuckDB's message.</summary>
    public DuckDbException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with DuckDB's message and the error that caused it.</summary>
    public DuckDbException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when the error is DuckDB refusing a file that another process holds open.</summary>
    public bool IsFileLocked => Message.Contains("Could not set lock on file", StringComparison.Ordinal)
        || Message.Contains("Conflicting lock", StringComparison.Ordinal);
}
