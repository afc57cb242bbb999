using Analytics.Core.Storage.Migrations;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace Analytics.Core.Tests.Storage;

public sealed class SurveyPrivacyMigrationTests
{
    private readonly MigrationRunner _runner = new(NullLogger<MigrationRunner>.Instance, TimeProvider.System);

    [Fact]
    public async Task Stored_anonymous_responses_and_used_links_keep_only_the_wave_opening()
    {
        using var connection = MemoryDatabase.Open();
        await _runner.ApplyAsync(connection, Migration.Embedded().Where(m => m.Version < 9).ToList(), CancellationToken.None);
        connection.Execute("""
            INSERT INTO survey_waves VALUES
                ('anon', 's', 'Anonymous', '2026-11-02 09:00:00+00', '2026-11-20 00:00:00+00', true, 5, NULL, 'open'),
                ('named', 's', 'Named', '2026-11-02 09:00:00+00', '2026-11-20 00:00:00+00', false, 5, NULL, 'open');
            INSERT INTO survey_invitations VALUES
                ('h1', 'anon', 'e1', 'payments', '2026-11-01 00:00:00+00', '2026-11-20 00:00:00+00', '2026-11-05 00:00:00+00'),
                ('h2', 'anon', 'e2', 'payments', '2026-11-01 00:00:00+00', '2026-11-20 00:00:00+00', NULL),
                ('h3', 'named', 'e3', 'payments', '2026-11-01 00:00:00+00', '2026-11-20 00:00:00+00', '2026-11-06 10:30:00+00');
            INSERT INTO survey_responses VALUES
                (uuid(), 'anon', 'payments', NULL, '2026-11-05 00:00:00+00', 'link', 'web'),
                (uuid(), 'anon', 'payments', NULL, '2026-11-04 00:00:00+00', 'import', 'import'),
                (uuid(), 'named', 'payments', 'e3', '2026-11-06 10:30:00+00', 'link', 'web');
            """);

        await _runner.ApplyAsync(connection, CancellationToken.None);

        Assert.Equal(
            ["anon|link|2026-11-02 09:00", "anon|import|2026-11-04 00:00", "named|link|2026-11-06 10:30"],
            connection.Query<string>("SELECT wave_id || '|' || channel || '|' || strftime(submitted_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') FROM survey_responses ORDER BY wave_id, channel DESC"));
        Assert.Equal(
            ["h1|2026-11-02 09:00", "h2|-", "h3|2026-11-06 10:30"],
            connection.Query<string>("SELECT token_hash || '|' || coalesce(strftime(used_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M'), '-') FROM survey_invitations ORDER BY token_hash"));
    }
}
