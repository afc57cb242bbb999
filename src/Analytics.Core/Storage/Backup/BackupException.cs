namespace Analytics.Core.Storage.Backup;

/// <summary>A backup or restore that cannot go ahead or failed; the message is one line saying why and what to do.</summary>
public sealed class BackupException : Exception
{
    /// <summary>Creates the exception with its one-line message.</summary>
    public BackupException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its one-line message and the error that caused it.</summary>
    public BackupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
