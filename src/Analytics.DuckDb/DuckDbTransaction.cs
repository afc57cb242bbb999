using System.Data;
using System.Data.Common;

namespace Analytics.DuckDb;

/// <summary>A DuckDB transaction (snapshot isolation). Disposing it without a commit rolls it back.</summary>
public sealed class DuckDbTransaction : DbTransaction
{
    private DuckDbConnection? _connection;

    internal DuckDbTransaction(DuckDbConnection connection) => _connection = connection;

    /// <inheritdoc />
    public override IsolationLevel IsolationLevel => IsolationLevel.Snapshot;

    /// <inheritdoc />
    protected override DbConnection? DbConnection => _connection;

    /// <inheritdoc />
    public override void Commit() => Finish("COMMIT");

    /// <inheritdoc />
    public override void Rollback() => Finish("ROLLBACK");

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && _connection is not null)
        {
            try
            {
                Finish("ROLLBACK");
            }
            catch (DuckDbException)
            {
                // The transaction may already be aborted by DuckDB after an error; nothing is left to undo.
            }
        }

        base.Dispose(disposing);
    }

    private void Finish(string statement)
    {
        var connection = _connection ?? throw new InvalidOperationException("The transaction has already been committed or rolled back.");
        _connection = null;
        connection.CurrentTransaction = null;
        if (connection.State == ConnectionState.Open)
        {
            connection.ExecuteInternal(statement);
        }
    }
}
