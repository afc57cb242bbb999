using Analytics.Core.Storage;
using Analytics.Core.Storage.Backup;
using Analytics.Core.Storage.Migrations;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Core.Tests.Storage.Backup;

/// <summary><see cref="DatabaseBackup"/> on real database files and directories; the CLI round trip is in the host tests.</summary>
public sealed class DatabaseBackupTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 3, 14, 5, 9, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-backup-").FullName;
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly DatabaseBackup _backup;

    public DatabaseBackupTests() =>
        _backup = new DatabaseBackup(new MigrationRunner(NullLogger<MigrationRunner>.Instance, _clock), _clock, NullLogger<DatabaseBackup>.Instance);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Manifest_records_the_schema_version_migrations_row_counts_and_the_clock()
    {
        var source = await CreateDatabaseAsync("source.duckdb");
        var manifest = await _backup.CreateAsync(source, In("backup"), null, CancellationToken.None);

        Assert.Equal(Now, manifest.CreatedAt);
        Assert.Equal(Migration.Embedded().Max(m => m.Version), manifest.SchemaVersion);
        Assert.Equal(Migration.Embedded().Select(m => m.Name), manifest.Migrations.Select(m => m.Name));
        Assert.Contains(new BackupTable("teams", 2), manifest.Tables);
        Assert.Contains(manifest.Files, f => f.Name == "schema.sql");
        Assert.Equal(manifest.Tables.Count + 2, manifest.Files.Count);
        var read = await BackupManifest.ReadAsync(In("backup"), CancellationToken.None);
        Assert.Equal((Now, manifest.SchemaVersion, manifest.PulseVersion), (read.CreatedAt, read.SchemaVersion, read.PulseVersion));
        Assert.Equal(manifest.Tables, read.Tables);
        Assert.Equal(manifest.Files, read.Files);
    }

    [Theory]
    [InlineData("it's a backup")]
    [InlineData("quote'); DROP TABLE teams; --")]
    [InlineData(@"back\slash")]
    public async Task A_directory_with_quotes_or_backslashes_round_trips(string name)
    {
        var source = await CreateDatabaseAsync("source.duckdb");
        await _backup.CreateAsync(source, In(name), null, CancellationToken.None);
        var target = Database("restored.duckdb");
        await _backup.RestoreAsync(In(name), target, replace: false, null, CancellationToken.None);

        Assert.Equal(["ops", "web"], Teams(target));
        Assert.Equal(["ops", "web"], Teams(source));
    }

    [Fact]
    public async Task A_directory_with_a_control_character_is_refused()
    {
        var source = await CreateDatabaseAsync("source.duckdb");
        var error = await Assert.ThrowsAsync<BackupException>(() => _backup.CreateAsync(source, In("two\nlines"), null, CancellationToken.None));
        Assert.Contains("control character", error.Message, StringComparison.Ordinal);
        Assert.Single(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Fact]
    public async Task A_directory_that_is_not_empty_is_never_overwritten()
    {
        var source = await CreateDatabaseAsync("source.duckdb");
        await _backup.CreateAsync(source, In("backup"), null, CancellationToken.None);
        var before = await File.ReadAllTextAsync(Path.Combine(In("backup"), BackupManifest.FileName));
        _clock.Advance(TimeSpan.FromHours(1));

        var error = await Assert.ThrowsAsync<BackupException>(() => _backup.CreateAsync(source, In("backup"), null, CancellationToken.None));
        Assert.Equal($"{In("backup")} is not empty; back up into a new or empty directory (an existing backup is never overwritten).", error.Message);
        Assert.Equal(before, await File.ReadAllTextAsync(Path.Combine(In("backup"), BackupManifest.FileName)));
    }

    [Fact]
    public async Task A_missing_database_is_not_created_by_backing_it_up()
    {
        var error = await Assert.ThrowsAsync<BackupException>(() => _backup.CreateAsync(Database("none.duckdb"), In("backup"), null, CancellationToken.None));
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(In("none.duckdb")));
        Assert.False(Directory.Exists(In("backup")));
    }

    [Fact]
    public async Task A_database_that_is_not_Pulse_s_is_not_backed_up()
    {
        var other = Database("other.duckdb");
        using (var connection = other.Open())
        {
            await connection.ExecuteAsync("CREATE TABLE notes (text VARCHAR)");
        }

        var error = await Assert.ThrowsAsync<BackupException>(() => _backup.CreateAsync(other, In("backup"), null, CancellationToken.None));
        Assert.Equal($"{In("other.duckdb")} is not a Pulse database (it has no schema_migrations table); there is nothing to back up.", error.Message);
        Assert.Equal(["other.duckdb"], Directory.EnumerateFileSystemEntries(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task An_older_backup_is_restored_and_then_brought_up_to_this_schema()
    {
        var all = Migration.Embedded();
        var source = Database("old.duckdb");
        using (var connection = source.Open())
        {
            await new MigrationRunner(NullLogger<MigrationRunner>.Instance, _clock).ApplyAsync(connection, all.SkipLast(1).ToList(), CancellationToken.None);
        }

        var manifest = await _backup.CreateAsync(source, In("backup"), null, CancellationToken.None);
        Assert.Equal(all[^2].Version, manifest.SchemaVersion);

        var target = Database("restored.duckdb");
        var outcome = await _backup.RestoreAsync(In("backup"), target, replace: false, null, CancellationToken.None);
        Assert.Equal(1, outcome.MigrationsApplied);
        using var restored = target.Open();
        Assert.Equal(all.Select(m => m.Version), restored.Query<int>("SELECT version FROM schema_migrations ORDER BY version"));
    }

    [Fact]
    public async Task A_backup_from_a_newer_schema_is_refused_and_nothing_is_created()
    {
        var source = await CreateDatabaseAsync("source.duckdb");
        await _backup.CreateAsync(source, In("backup"), null, CancellationToken.None);
        var manifestPath = Path.Combine(In("backup"), BackupManifest.FileName);
        var manifest = await BackupManifest.ReadAsync(In("backup"), CancellationToken.None);
        await (manifest with { SchemaVersion = 9999 }).WriteAsync(In("backup"), CancellationToken.None);

        var error = await Assert.ThrowsAsync<BackupException>(() => _backup.RestoreAsync(In("backup"), Database("restored.duckdb"), false, null, CancellationToken.None));
        Assert.StartsWith("The backup is from a newer schema (version 9999", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(manifestPath));
        Assert.False(File.Exists(In("restored.duckdb")));
    }

    [Theory]
    [InlineData("delete")]
    [InlineData("damage")]
    public async Task A_missing_or_damaged_table_file_is_refused_and_the_target_is_untouched(string harm)
    {
        var source = await CreateDatabaseAsync("source.duckdb");
        await _backup.CreateAsync(source, In("backup"), null, CancellationToken.None);
        var teams = Path.Combine(In("backup"), "teams.parquet");
        if (harm == "delete")
        {
            File.Delete(teams);
        }
        else
        {
            var bytes = await File.ReadAllBytesAsync(teams);
            bytes[bytes.Length / 2] ^= 0xFF;
            await File.WriteAllBytesAsync(teams, bytes);
        }

        var target = await CreateDatabaseAsync("target.duckdb", "kept");
        var before = await File.ReadAllBytesAsync(In("target.duckdb"));
        var error = await Assert.ThrowsAsync<BackupException>(() => _backup.RestoreAsync(In("backup"), target, replace: true, null, CancellationToken.None));
        Assert.StartsWith("The backup file teams.parquet ", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(In("target.duckdb")));
        Assert.Equal(["backup", "source.duckdb", "target.duckdb"], Directory.EnumerateFileSystemEntries(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_existing_database_is_kept_unless_replace_and_then_moved_aside_under_the_clock_time()
    {
        var source = await CreateDatabaseAsync("source.duckdb");
        await _backup.CreateAsync(source, In("backup"), null, CancellationToken.None);
        var target = await CreateDatabaseAsync("target.duckdb", "kept");

        var refused = await Assert.ThrowsAsync<BackupException>(() => _backup.RestoreAsync(In("backup"), target, replace: false, null, CancellationToken.None));
        Assert.Contains("already exists", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["kept"], Teams(target));

        var outcome = await _backup.RestoreAsync(In("backup"), target, replace: true, null, CancellationToken.None);
        Assert.Equal(In("target.duckdb.before-restore-20261103T140509Z"), outcome.MovedAside);
        Assert.Equal(["ops", "web"], Teams(target));
        Assert.Equal(["kept"], Teams(Database("target.duckdb.before-restore-20261103T140509Z")));
    }

    [Fact]
    public async Task A_write_ahead_log_left_without_its_file_counts_as_an_existing_database()
    {
        // Moving a restored file in beside it would have DuckDB replay that log onto the restored data.
        var source = await CreateDatabaseAsync("source.duckdb");
        await _backup.CreateAsync(source, In("backup"), null, CancellationToken.None);
        await File.WriteAllTextAsync(In("target.duckdb.wal"), "the log of a crashed database");

        var error = await Assert.ThrowsAsync<BackupException>(() => _backup.RestoreAsync(In("backup"), Database("target.duckdb"), replace: false, null, CancellationToken.None));
        Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(In("target.duckdb")));
        Assert.Equal("the log of a crashed database", await File.ReadAllTextAsync(In("target.duckdb.wal")));
    }

    [Fact]
    public async Task A_directory_without_a_manifest_or_that_does_not_exist_is_not_a_backup()
    {
        Directory.CreateDirectory(In("empty"));
        var none = await Assert.ThrowsAsync<BackupException>(() => _backup.RestoreAsync(In("empty"), Database("r.duckdb"), false, null, CancellationToken.None));
        Assert.Equal($"{In("empty")} is not a Pulse backup: it has no pulse-backup.json. Point restore at a directory written by 'analytics backup'.", none.Message);

        var missing = await Assert.ThrowsAsync<BackupException>(() => _backup.RestoreAsync(In("nowhere"), Database("r.duckdb"), false, null, CancellationToken.None));
        Assert.Equal($"The backup directory {In("nowhere")} does not exist.", missing.Message);
        Assert.False(File.Exists(In("r.duckdb")));
    }

    private string In(string name) => Path.Combine(_folder, name);

    private PulseDatabase Database(string name) => new(Options.Create(new DatabaseOptions { Path = In(name) }));

    private async Task<PulseDatabase> CreateDatabaseAsync(string name, params string[] teams)
    {
        var database = Database(name);
        using var connection = database.Open();
        await new MigrationRunner(NullLogger<MigrationRunner>.Instance, _clock).ApplyAsync(connection, CancellationToken.None);
        foreach (var team in teams.Length == 0 ? ["ops", "web"] : teams)
        {
            await connection.ExecuteAsync("INSERT INTO teams (team_id, name, source) VALUES ($team, $team, 'test')", new { team });
        }

        return database;
    }

    private static List<string> Teams(PulseDatabase database)
    {
        using var connection = database.Open();
        return connection.Query<string>("SELECT team_id FROM teams ORDER BY team_id").ToList();
    }
}
