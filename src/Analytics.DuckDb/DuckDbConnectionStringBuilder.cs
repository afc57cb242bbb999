using System.Data.Common;

namespace Analytics.DuckDb;

/// <summary>
/// Connection string: <c>Data Source=path</c> (a file, <c>:memory:</c> for a private in-memory database, or
/// <c>:memory:name</c> for one shared by name); every other key is passed to DuckDB as a configuration option,
/// for example <c>threads=2</c> or <c>access_mode=READ_ONLY</c>.
/// </summary>
public sealed class DuckDbConnectionStringBuilder : DbConnectionStringBuilder
{
    /// <summary>The data source of a private in-memory database.</summary>
    public const string InMemory = ":memory:";

    private static readonly string[] DataSourceKeys = ["Data Source", "DataSource"];

    /// <summary>Creates an empty builder.</summary>
    public DuckDbConnectionStringBuilder()
    {
    }

    /// <summary>Creates a builder from a connection string.</summary>
    public DuckDbConnectionStringBuilder(string? connectionString) => ConnectionString = connectionString ?? string.Empty;

    /// <summary>The database file, or an in-memory name.</summary>
    public string DataSource
    {
        get
        {
            foreach (var key in DataSourceKeys)
            {
                if (TryGetValue(key, out var value) && value is string text)
                {
                    return text;
                }
            }

            return string.Empty;
        }
        set => this["Data Source"] = value;
    }

    /// <summary>The DuckDB configuration options: every key except the data source.</summary>
    public IEnumerable<(string Name, string Value)> Options
    {
        get
        {
            foreach (string key in Keys)
            {
                if (!DataSourceKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
                {
                    yield return (key, Convert.ToString(this[key], System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
                }
            }
        }
    }
}
