using System.Text.Json;
using System.Text.Json.Nodes;
using Analytics.Core.Storage;
using Dapper;

namespace Analytics.Host.Tests.Cli;

/// <summary><c>analytics backup</c> and <c>analytics restore</c>, run as processes on a seeded organisation.</summary>
public sealed class BackupCommandTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-backup-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Round_trip_restores_every_table_the_schema_and_the_metrics()
    {
        var (exit, output, error) = await CliProcess.RunAsync(_folder, "backup", "it's a backup", "--db", seeded.Path);
        Assert.True(exit == 0, error);
        Assert.StartsWith($"{seeded.Path}: backed up ", output, StringComparison.Ordinal);
        Assert.Contains("Backing up: counting teams", error, StringComparison.Ordinal);

        (exit, output, error) = await CliProcess.RunAsync(_folder, "restore", "it's a backup", "--db", "restored.duckdb");
        Assert.True(exit == 0, error);
        Assert.StartsWith("restored.duckdb: restored ", output, StringComparison.Ordinal);
        Assert.Contains("Restoring: verifying teams", error, StringComparison.Ordinal);

        var restored = Path.Combine(_folder, "restored.duckdb");
        var original = Describe(seeded.Path);
        var copy = Describe(restored);
        Assert.True(original.Tables.Count > 20, $"only {original.Tables.Count} tables");
        Assert.Contains(original.Tables, t => t.Name == "deployments" && t.Rows > 1000);
        Assert.Equal(original.Tables, copy.Tables);
        Assert.Equal(original.Schema, copy.Schema);
        Assert.Equal(original.Macros, copy.Macros);

        var metricsOriginal = await MetricsAsync(seeded.Path);
        Assert.Equal(metricsOriginal, await MetricsAsync(restored));
        Assert.NotEmpty(JsonDocument.Parse(metricsOriginal).RootElement.GetProperty("deploymentFrequency").EnumerateArray());
    }

    [Fact]
    public async Task Database_held_by_the_running_service_is_refused_in_one_line_for_backup_and_restore()
    {
        await CliProcess.RunAsync(_folder, "init", "--db", "held.duckdb");
        var (exit, _, error) = await CliProcess.RunAsync(_folder, "backup", "before", "--db", "held.duckdb");
        Assert.True(exit == 0, error);

        using (var service = await RunningService.StartAsync(_folder, "held.duckdb"))
        {
            (exit, var output, error) = await CliProcess.RunAsync(_folder, "backup", "during", "--db", "held.duckdb");
            Assert.Equal(1, exit);
            Assert.Equal(string.Empty, output);
            Assert.Equal($"error: The database held.duckdb is in use by process {service.Id} (is 'analytics serve' running?). Stop it and run the backup again: a backup reads the file alone, so that it is one consistent state.", error.Trim());
            Assert.False(Directory.Exists(Path.Combine(_folder, "during")));

            (exit, _, error) = await CliProcess.RunAsync(_folder, "restore", "before", "--db", "held.duckdb", "--replace");
            Assert.Equal(1, exit);
            Assert.Equal($"error: The database held.duckdb is in use by process {service.Id} (is 'analytics serve' running?). Stop it before restoring into it, or restore into another file with --db.", error.Trim());
            Assert.False(service.HasExited);
            service.Terminate();
            await service.WaitAsync(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(["before", "held.duckdb"], Directory.EnumerateFileSystemEntries(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        (exit, _, error) = await CliProcess.RunAsync(_folder, "backup", "after", "--db", "held.duckdb");
        Assert.True(exit == 0, error);
    }

    [Theory]
    [InlineData("missing-directory", "error: The backup directory nowhere does not exist.")]
    [InlineData("no-manifest", "error: empty is not a Pulse backup: it has no pulse-backup.json. Point restore at a directory written by 'analytics backup'.")]
    [InlineData("newer-schema", "error: The backup is from a newer schema (version 9999")]
    [InlineData("missing-table-file", "error: The backup file teams.parquet is missing from backup; the backup is incomplete and cannot be restored.")]
    public async Task Bad_backup_is_one_line_and_the_target_stays_as_it_was(string harm, string message)
    {
        var (exit, _, error) = await CliProcess.RunAsync(_folder, "backup", "backup", "--db", seeded.Path);
        Assert.True(exit == 0, error);
        Directory.CreateDirectory(Path.Combine(_folder, "empty"));
        var manifest = Path.Combine(_folder, "backup", "pulse-backup.json");
        var directory = harm switch { "missing-directory" => "nowhere", "no-manifest" => "empty", _ => "backup" };
        if (harm == "newer-schema")
        {
            var json = JsonNode.Parse(await File.ReadAllTextAsync(manifest))!;
            json["schemaVersion"] = 9999;
            await File.WriteAllTextAsync(manifest, json.ToJsonString());
        }
        else if (harm == "missing-table-file")
        {
            File.Delete(Path.Combine(_folder, "backup", "teams.parquet"));
        }

        await CliProcess.RunAsync(_folder, "init", "--db", "target.duckdb");
        var before = await File.ReadAllBytesAsync(Path.Combine(_folder, "target.duckdb"));
        (exit, var output, error) = await CliProcess.RunAsync(_folder, "restore", directory, "--db", "target.duckdb", "--replace");
        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith(message, error.Trim().Split('\n')[^1], StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Equal(before, await File.ReadAllBytesAsync(Path.Combine(_folder, "target.duckdb")));
        Assert.Equal(["backup", "empty", "target.duckdb"], Directory.EnumerateFileSystemEntries(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private async Task<string> MetricsAsync(string database)
    {
        var (exit, output, error) = await CliProcess.RunAsync(_folder, "metrics", "--db", database, "--quarter", "2026-Q3", "--format", "json");
        Assert.True(exit == 0, error);
        return output;
    }

    private sealed record TableContent(string Name, long Rows, string Checksum);

    private sealed record Contents(IReadOnlyList<TableContent> Tables, IReadOnlyList<string> Schema, IReadOnlyList<string> Macros);

    /// <summary>Every table with its row count and a checksum over every row, and the definitions of tables and macros.</summary>
    private static Contents Describe(string path)
    {
        using var connection = new PulseConnection($"Data Source={path}");
        connection.Open();
        var tables = connection.Query<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY table_name").ToList();
        var contents = tables.Select(table => connection.QuerySingle<TableContent>(
            "SELECT $table AS Name, count(*) AS Rows, coalesce(sum(hash(t)), 0)::VARCHAR AS Checksum FROM query_table($table) t", new { table })).ToList();
        var schema = connection.Query<string>("SELECT sql FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY table_name").ToList();
        var macros = connection.Query<string>(
            "SELECT function_name || '(' || array_to_string(parameters, ',') || ') = ' || macro_definition FROM duckdb_functions() " +
            "WHERE function_type IN ('macro', 'table_macro') AND NOT internal ORDER BY ALL").ToList();
        return new Contents(contents, schema, macros);
    }
}
