using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Analytics.DuckDb;

/// <summary>
/// A statement parameter. Named parameters match <c>$name</c> in the SQL (a leading <c>$</c>, <c>@</c> or
/// <c>:</c> in <see cref="ParameterName"/> is ignored); unnamed ones fill <c>?</c> and <c>$1</c> in order.
/// </summary>
public sealed class DuckDbParameter : DbParameter
{
    private string _name = string.Empty;

    /// <summary>Creates an unnamed parameter without a value.</summary>
    public DuckDbParameter()
    {
    }

    /// <summary>Creates a named parameter.</summary>
    public DuckDbParameter(string name, object? value)
    {
        ParameterName = name;
        Value = value;
    }

    /// <summary>Creates an unnamed (positional) parameter.</summary>
    public DuckDbParameter(object? value) => Value = value;

    /// <inheritdoc />
    public override DbType DbType { get; set; } = DbType.Object;

    /// <inheritdoc />
    public override ParameterDirection Direction
    {
        get => ParameterDirection.Input;
        set
        {
            if (value != ParameterDirection.Input)
            {
                throw new NotSupportedException("DuckDB supports input parameters only.");
            }
        }
    }

    /// <inheritdoc />
    public override bool IsNullable { get; set; }

    /// <inheritdoc />
    [AllowNull]
    public override string ParameterName
    {
        get => _name;
        set => _name = value ?? string.Empty;
    }

    /// <inheritdoc />
    public override int Size { get; set; }

    /// <inheritdoc />
    [AllowNull]
    public override string SourceColumn { get; set; } = string.Empty;

    /// <inheritdoc />
    public override bool SourceColumnNullMapping { get; set; }

    /// <inheritdoc />
    public override object? Value { get; set; }

    /// <summary>The name as DuckDB spells it: without a leading <c>$</c>, <c>@</c> or <c>:</c>.</summary>
    internal string BareName => _name.TrimStart('$', '@', ':');

    /// <inheritdoc />
    public override void ResetDbType() => DbType = DbType.Object;
}
