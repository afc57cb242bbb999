using Analytics.Core.Storage;
using Analytics.Core.Surveys;
using Analytics.Surveys.Submissions;
using Dapper;
using Microsoft.Extensions.Caching.Memory;

namespace Analytics.Surveys;

/// <summary>
/// Reads surveys, waves, links and teams for the form and the admin pages. Definitions (surveys, questions,
/// waves, teams) are served from memory for up to <see cref="DefinitionLifetime"/> and dropped on every admin
/// change, so a form request reads nothing from the database; the writer re-checks each wave's state in its own
/// transaction, so a wave closed a moment ago still refuses responses. Links are always read fresh.
/// </summary>
public sealed class SurveyStore(PulseDatabase database) : IDisposable
{
    /// <summary>How long a definition is kept in memory at most.</summary>
    public static readonly TimeSpan DefinitionLifetime = TimeSpan.FromSeconds(30);

    private readonly MemoryCache _definitions = new(new MemoryCacheOptions());

    /// <summary>The survey, or null.</summary>
    public Task<Survey?> SurveyAsync(string surveyId, CancellationToken cancellationToken) =>
        CachedAsync(("survey", surveyId), async () =>
        {
            using var connection = await database.OpenAsync(cancellationToken);
            return SurveyDefinitions.Survey(connection, surveyId, cancellationToken);
        });

    /// <summary>The survey's questions in form order.</summary>
    public Task<IReadOnlyList<SurveyQuestion>> QuestionsAsync(string surveyId, CancellationToken cancellationToken) =>
        CachedAsync(("questions", surveyId), async () =>
        {
            using var connection = await database.OpenAsync(cancellationToken);
            return SurveyDefinitions.Questions(connection, surveyId, cancellationToken);
        });

    /// <summary>The wave, or null.</summary>
    public Task<SurveyWave?> WaveAsync(string waveId, CancellationToken cancellationToken) =>
        CachedAsync(("wave", waveId), async () =>
        {
            using var connection = await database.OpenAsync(cancellationToken);
            return SurveyDefinitions.Wave(connection, waveId, cancellationToken);
        });

    /// <summary>Drops every definition held in memory; call after changing one.</summary>
    public void Forget() => _definitions.Clear();

    /// <inheritdoc />
    public void Dispose() => _definitions.Dispose();

    /// <summary>The survey's waves, newest first.</summary>
    public async Task<IReadOnlyList<SurveyWave>> WavesAsync(string surveyId, CancellationToken cancellationToken)
    {
        using var connection = await database.OpenAsync(cancellationToken);
        return SurveyDefinitions.Waves(connection, surveyId, cancellationToken);
    }

    /// <summary>The link with this token hash, or null.</summary>
    public async Task<PendingInvitation?> InvitationAsync(string tokenHash, CancellationToken cancellationToken) =>
        (await QueryAsync<PendingInvitation>("surveys/invitations_by_hash", new { token_hashes = new ListParameter([tokenHash]) }, cancellationToken)).SingleOrDefault();

    /// <summary>The wave of a link that newer links replaced, or null when no link with this token hash was replaced.</summary>
    public async Task<string?> ReplacedLinkWaveAsync(string tokenHash, CancellationToken cancellationToken) =>
        (await QueryAsync<string>("surveys/replaced_link_wave", new { token_hash = tokenHash }, cancellationToken)).SingleOrDefault();

    /// <summary>Every team by name.</summary>
    public Task<IReadOnlyList<TeamName>> TeamsAsync(CancellationToken cancellationToken) =>
        CachedAsync("teams", () => QueryAsync<TeamName>("surveys/teams", null, cancellationToken));

    /// <summary>The team, or null.</summary>
    public async Task<TeamName?> TeamAsync(string teamId, CancellationToken cancellationToken) =>
        (await TeamsAsync(cancellationToken)).FirstOrDefault(t => t.TeamId == teamId);

    private async Task<T> CachedAsync<T>(object key, Func<Task<T>> load)
    {
        if (_definitions.TryGetValue(key, out T? cached))
        {
            return cached!;
        }

        var value = await load();
        _definitions.Set(key, value, DefinitionLifetime);
        return value;
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string query, object? parameters, CancellationToken cancellationToken)
    {
        using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<T>(new CommandDefinition(SqlQueries.Get(query), parameters, cancellationToken: cancellationToken))).AsList();
    }
}
