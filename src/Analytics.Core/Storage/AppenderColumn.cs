namespace Analytics.Core.Storage;

/// <summary>A column an appender writes: its name, for errors, and its DuckDB type, e.g. <c>DECIMAL(10,2)</c> or <c>VARCHAR[]</c>.</summary>
internal sealed record AppenderColumn(string Catalog, string Schema, string Name, string Type)
{
    /// <summary>The DuckDB type name without its parameters: <c>DECIMAL</c> for <c>DECIMAL(10,2)</c>.</summary>
    public string BaseType { get; } = Type.Split('(')[0];

    /// <summary>The scale of a DECIMAL column; 0 otherwise.</summary>
    public int Scale { get; } = Type.StartsWith("DECIMAL(", StringComparison.Ordinal)
        ? int.Parse(Type[(Type.IndexOf(',', StringComparison.Ordinal) + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)
        : 0;
}
