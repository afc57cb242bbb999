using Analytics.DuckDb.Native;

namespace Analytics.DuckDb.Execution;

/// <summary>What the provider knows about a column's DuckDB type, read once from its logical type.</summary>
internal sealed class ColumnType
{
    private ColumnType(DuckDbType id, DuckDbType storage, byte width, byte scale, ColumnType? child)
    {
        Id = id;
        Storage = storage;
        Width = width;
        Scale = scale;
        Child = child;
        ClrType = ToClrType();
    }

    public DuckDbType Id { get; }

    /// <summary>The physical type of a DECIMAL; the type itself otherwise.</summary>
    public DuckDbType Storage { get; }

    public byte Width { get; }

    public byte Scale { get; }

    /// <summary>The element type of a LIST.</summary>
    public ColumnType? Child { get; }

    public Type ClrType { get; }

    public string Name => Id switch
    {
        DuckDbType.Decimal => $"DECIMAL({Width},{Scale})",
        DuckDbType.List => $"{Child!.Name}[]",
        DuckDbType.TimestampTz => "TIMESTAMP WITH TIME ZONE",
        DuckDbType.SqlNull => "NULL",
        _ => Id.ToString().ToUpperInvariant(),
    };

    /// <summary>Reads a logical type and destroys it.</summary>
    public static ColumnType FromLogicalType(IntPtr logicalType)
    {
        try
        {
            var id = NativeMethods.duckdb_get_type_id(logicalType);
            return id switch
            {
                DuckDbType.Decimal => new ColumnType(
                    id,
                    NativeMethods.duckdb_decimal_internal_type(logicalType),
                    NativeMethods.duckdb_decimal_width(logicalType),
                    NativeMethods.duckdb_decimal_scale(logicalType),
                    null),
                DuckDbType.List => new ColumnType(id, id, 0, 0, FromLogicalType(NativeMethods.duckdb_list_type_child_type(logicalType))),
                _ => new ColumnType(id, id, 0, 0, null),
            };
        }
        finally
        {
            NativeMethods.duckdb_destroy_logical_type(ref logicalType);
        }
    }

    private Type ToClrType() => Id switch
    {
        DuckDbType.Boolean => typeof(bool),
        DuckDbType.TinyInt => typeof(sbyte),
        DuckDbType.SmallInt => typeof(short),
        DuckDbType.Integer => typeof(int),
        DuckDbType.BigInt => typeof(long),
        DuckDbType.UTinyInt => typeof(byte),
        DuckDbType.USmallInt => typeof(ushort),
        DuckDbType.UInteger => typeof(uint),
        DuckDbType.UBigInt => typeof(ulong),
        DuckDbType.HugeInt => typeof(Int128),
        DuckDbType.UHugeInt => typeof(UInt128),
        DuckDbType.Float => typeof(float),
        DuckDbType.Double => typeof(double),
        DuckDbType.Decimal => typeof(decimal),
        DuckDbType.Varchar => typeof(string),
        DuckDbType.Blob => typeof(byte[]),
        DuckDbType.Date => typeof(DateOnly),
        DuckDbType.Time => typeof(TimeOnly),
        DuckDbType.Timestamp or DuckDbType.TimestampS or DuckDbType.TimestampMs or DuckDbType.TimestampNs => typeof(DateTime),
        DuckDbType.TimestampTz => typeof(DateTimeOffset),
        DuckDbType.Interval => typeof(TimeSpan),
        DuckDbType.Uuid => typeof(Guid),
        DuckDbType.List => Child!.Id switch
        {
            DuckDbType.Varchar => typeof(string[]),
            DuckDbType.BigInt => typeof(long[]),
            DuckDbType.Integer => typeof(int[]),
            DuckDbType.Double => typeof(double[]),
            _ => typeof(object[]),
        },
        DuckDbType.SqlNull => typeof(object),
        _ => throw new DuckDbException($"Columns of DuckDB type {Id.ToString().ToUpperInvariant()} are not supported by this provider; cast them in the query (for example to VARCHAR)."),
    };
}
