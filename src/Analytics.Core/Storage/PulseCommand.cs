using System.Data;
using System.Data.Common;
using DuckDB.NET.Data;

namespace Analytics.Core.Storage;

/// <summary>
/// A DuckDB.NET command that streams its results chunk by chunk (DuckDB.NET's default materialises the whole
/// result first) and interrupts the running statement when the cancellation token fires.
/// </summary>
public sealed class PulseCommand : DuckDBCommand
{
    /// <summary>Creates a command without text or connection.</summary>
    public PulseCommand() => UseStreamingMode = true;

    /// <summary>Creates a command with text on a connection.</summary>
    public PulseCommand(string commandText, PulseConnection connection)
        : base(commandText, connection) => UseStreamingMode = true;

    /// <inheritdoc />
    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) =>
        Task.FromResult(WithCancellation(ExecuteNonQuery, cancellationToken));

    /// <inheritdoc />
    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) =>
        Task.FromResult(WithCancellation(ExecuteScalar, cancellationToken));

    /// <inheritdoc />
    protected override Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
        Task.FromResult(WithCancellation(() => ExecuteDbDataReader(behavior), cancellationToken));

    private T WithCancellation<T>(Func<T> execute, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var registration = cancellationToken.Register(Cancel);
        try
        {
            return execute();
        }
        catch (DuckDBException error) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The statement was cancelled.", error, cancellationToken);
        }
    }
}
