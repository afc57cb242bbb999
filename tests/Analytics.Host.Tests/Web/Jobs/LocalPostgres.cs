using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Analytics.Host.Tests.Web.Jobs;

/// <summary>
/// A throwaway PostgreSQL from Debian's package (<c>apt-get install postgresql</c>), started by the test run with
/// initdb and pg_ctl in a temporary folder, listening on 127.0.0.1 on a free port, and stopped after. PostgreSQL
/// refuses to run as root, so as root it runs as the package's <c>postgres</c> user (see tests/Analytics.Benchmarks/postgres.sh).
/// </summary>
public sealed class LocalPostgres : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-pg-").FullName;

    /// <summary>The newest installed server's bin folder, or null when PostgreSQL is not installed.</summary>
    public static string? BinFolder { get; } = Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
            .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
            .FirstOrDefault()
        : null;

    /// <summary>Why PostgreSQL tests cannot run here, or null when they can.</summary>
    public static string? Missing => BinFolder is null ? "PostgreSQL is not installed (apt-get install postgresql): no initdb or pg_ctl under /usr/lib/postgresql/*/bin." : null;

    public int Port { get; private set; }

    private string Data => Path.Combine(_folder, "data");

    private static bool AsRoot => Environment.UserName == "root";

    public async Task InitializeAsync()
    {
        if (Missing is not null)
        {
            return;
        }

        if (AsRoot)
        {
            await RunAsync("chown", "postgres", _folder);
        }

        Port = FreePort();
        await PgAsync("initdb", "-D", Data, "-A", "trust", "-U", "postgres", "--no-sync");
        await PgAsync("pg_ctl", "-D", Data, "-l", Path.Combine(_folder, "log"), "-w", "start",
            "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off");
    }

    public async Task DisposeAsync()
    {
        if (Port != 0)
        {
            await PgAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        }

        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A new, empty database, and its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"pulse_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    private string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task PgAsync(string tool, params string[] args) =>
        AsRoot ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(BinFolder!, tool), .. args]) : RunAsync(Path.Combine(BinFolder!, tool), args);

    private static async Task RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {process.ExitCode}: {await error}{await output}");
        }
    }
}
