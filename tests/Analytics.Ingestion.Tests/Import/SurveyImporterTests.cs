using Analytics.Core.Storage;
using Analytics.Core.Storage.Migrations;
using Analytics.Ingestion.DemoData;
using Analytics.Ingestion.Import;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace Analytics.Ingestion.Tests.Import;

public sealed class SurveyImporterTests : IAsyncLifetime, IDisposable
{
    private readonly PulseConnection _connection = new("Data Source=:memory:");
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-survey-import-").FullName;

    public async Task InitializeAsync()
    {
        _connection.Open();
        await new MigrationRunner(NullLogger<MigrationRunner>.Instance, TimeProvider.System).ApplyAsync(_connection, CancellationToken.None);
        await new DemoDataLoader(NullLogger<DemoDataLoader>.Instance, TimeProvider.System).LoadAsync(_connection, SamplePaths.Root, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Reimporting_an_export_changes_nothing()
    {
        var before = Responses();
        var result = await ImportAsync("devex-2026-q2", Path.Combine(SamplePaths.Root, "surveys", "devex-2026-q2.csv"));
        Assert.Empty(result.Rejected);
        Assert.Equal((0L, 0L), (result.Inserted, result.Updated));
        Assert.Equal(before, Responses());
    }

    [Fact]
    public async Task Bad_rows_become_dead_letters_and_good_ones_are_added()
    {
        var path = Path.Combine(_folder, "more.csv");
        File.WriteAllText(path, """
            Response ID,Submitted At,Team,nps,fl_local,fl_deploy,cl_docs,cl_debug,flow_focus,flow_goals,hours_lost
            more-1,2026-05-12 10:00:00,Payments,9,4,4,4,4,4,4,1–2 hours
            more-2,2026-05-12 10:00:00,Payments,12,4,4,4,4,4,4,1–2 hours
            """);
        var before = Responses();
        var result = await ImportAsync("devex-2026-q2", path);
        Assert.Equal(1, result.Inserted);
        Assert.Equal("line 3: '12' is not a whole number from 0 to 10 for question 'nps'.", Assert.Single(result.Rejected).ToString());
        Assert.Equal(before + 1, Responses());
        Assert.Equal(1L, _connection.QuerySingle<long>("SELECT count(*) FROM dead_letters WHERE entity = 'survey_responses'"));
    }

    [Fact]
    public async Task A_row_submitted_outside_the_waves_dates_becomes_a_dead_letter()
    {
        // The demo wave devex-2026-q2 takes answers from 2026-05-04 until the end of 2026-05-15.
        var path = Path.Combine(_folder, "late.csv");
        File.WriteAllText(path, """
            Response ID,Submitted At,Team,nps,fl_local,fl_deploy,cl_docs,cl_debug,flow_focus,flow_goals,hours_lost
            late-1,2026-05-12 10:00:00,Payments,9,4,4,4,4,4,4,1–2 hours
            late-2,2026-05-20 10:00:00,Payments,9,4,4,4,4,4,4,1–2 hours
            """);
        var result = await ImportAsync("devex-2026-q2", path);
        Assert.Equal(1, result.Inserted);
        Assert.Equal("line 3: submitted at '2026-05-20 10:00:00', outside the wave's dates, 2026-05-04 to 2026-05-15 (UTC).", Assert.Single(result.Rejected).ToString());
    }

    [Fact]
    public async Task Unknown_wave_is_named_with_the_options_that_create_it()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => ImportAsync("nope", "x.csv"));
        Assert.Equal("There is no survey wave 'nope'. To create it in the same run, add --template <name> or --survey <id>, with --opened and --closed.", error.Message);
    }

    public void Dispose()
    {
        _connection.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<ImportResult> ImportAsync(string waveId, string path) =>
        (await SurveyImporter.ImportAsync(_connection, waveId, path, TimeZoneInfo.Utc, null, TimeProvider.System, CancellationToken.None)).Stored;

    private long Responses() => _connection.QuerySingle<long>("SELECT count(*) FROM survey_responses");
}
