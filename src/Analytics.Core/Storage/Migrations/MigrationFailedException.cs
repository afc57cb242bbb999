namespace Analytics.Core.Storage.Migrations;

/// <summary>A migration failed and was rolled back; the schema is as the previous migration left it.</summary>
public sealed class MigrationFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MigrationFailedException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
