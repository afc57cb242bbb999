namespace Analytics.Core.Storage;

/// <summary>Where the embedded DuckDB database lives (configuration section <c>Pulse:Database</c>).</summary>
public sealed class DatabaseOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Pulse:Database";

    /// <summary>The default database file, relative to the working directory.</summary>
    public const string DefaultPath = "./data/pulse.duckdb";

    /// <summary>The DuckDB file; <c>:memory:</c> for a throwaway in-memory database.</summary>
    public string Path { get; set; } = DefaultPath;

    /// <summary>DuckDB worker threads; 0 lets DuckDB use every core.</summary>
    public int Threads { get; set; }
}
