using System.Data;
using Dapper;

namespace Analytics.Core.Storage;

/// <summary>
/// Passes a list to DuckDB as one <c>VARCHAR[]</c> parameter. Dapper would otherwise expand an array into one
/// parameter per item (its <c>IN</c> list support), which breaks list columns and <c>unnest</c>.
/// </summary>
public sealed class ListParameter(IEnumerable<string?>? values) : SqlMapper.ICustomQueryParameter
{
    /// <inheritdoc />
    public void AddParameter(IDbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = values is null ? DBNull.Value : values.ToArray();
        command.Parameters.Add(parameter);
    }
}
