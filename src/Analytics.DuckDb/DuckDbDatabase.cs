using System.Runtime.InteropServices;
using Analytics.DuckDb.Native;

namespace Analytics.DuckDb;

/// <summary>
/// One DuckDB instance per file, shared by every connection of the process (DuckDB allows a single read-write
/// instance per file). The instance closes when its last connection closes.
/// </summary>
internal sealed class DuckDbDatabase
{
    private static readonly Dictionary<string, DuckDbDatabase> Shared = new(StringComparer.Ordinal);
    private static readonly Lock SharedLock = new();

    private readonly string? _key;
    private int _references;

    private DuckDbDatabase(string? key, DatabaseHandle handle)
    {
        _key = key;
        Handle = handle;
    }

    public DatabaseHandle Handle { get; }

    /// <summary>Opens (or shares) the instance for a data source; the caller must call <see cref="Release"/>.</summary>
    public static DuckDbDatabase Acquire(DuckDbConnectionStringBuilder settings)
    {
        var dataSource = settings.DataSource;
        var isPrivateMemory = dataSource.Length == 0 || dataSource == DuckDbConnectionStringBuilder.InMemory;
        if (isPrivateMemory)
        {
            var database = new DuckDbDatabase(null, Open(null, settings));
            database._references = 1;
            return database;
        }

        var key = dataSource.StartsWith(DuckDbConnectionStringBuilder.InMemory, StringComparison.Ordinal)
            ? dataSource
            : Path.GetFullPath(dataSource);
        lock (SharedLock)
        {
            if (!Shared.TryGetValue(key, out var database))
            {
                database = new DuckDbDatabase(key, Open(key, settings));
                Shared.Add(key, database);
            }

            database._references++;
            return database;
        }
    }

    /// <summary>Drops one reference; the last one closes the instance and releases the file.</summary>
    public void Release()
    {
        if (_key is null)
        {
            Handle.Dispose();
            return;
        }

        lock (SharedLock)
        {
            if (--_references > 0)
            {
                return;
            }

            Shared.Remove(_key);
            Handle.Dispose();
        }
    }

    private static DatabaseHandle Open(string? path, DuckDbConnectionStringBuilder settings)
    {
        if (path is not null && !path.StartsWith(DuckDbConnectionStringBuilder.InMemory, StringComparison.Ordinal))
        {
            var directory = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        if (NativeMethods.duckdb_create_config(out var config) != DuckDbState.Success)
        {
            throw new DuckDbException("DuckDB could not allocate a configuration.");
        }

        try
        {
            foreach (var (name, value) in settings.Options)
            {
                if (NativeMethods.duckdb_set_config(config, name, value) != DuckDbState.Success)
                {
                    throw new DuckDbException($"DuckDB does not accept the option '{name}={value}'.");
                }
            }

            var handle = new DatabaseHandle();
            var state = NativeMethods.duckdb_open_ext(path, out var database, config, out var error);
            if (state != DuckDbState.Success)
            {
                var message = NativeMethods.ReadUtf8(error) ?? "unknown error";
                NativeMethods.duckdb_free(error);
                throw new DuckDbException(message);
            }

            Marshal.InitHandle(handle, database);
            return handle;
        }
        finally
        {
            NativeMethods.duckdb_destroy_config(ref config);
        }
    }
}
