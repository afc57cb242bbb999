using Analytics.Core.Storage;
using Analytics.Core.Surveys;
using Analytics.Surveys.Submissions;
using Dapper;

namespace Analytics.Surveys;

/// <summary>Reads surveys, waves, links and teams for the form and the admin pages.</summary>
public sealed class SurveyStore(PulseDatabase database)
{
    /// <summary>The survey, or null.</summary>
    public Task<Survey?> SurveyAsync(string surveyId, CancellationToken cancellationToken) =>
        QuerySingleAsync<Survey>("surveys/survey", new { survey_id = surveyId }, cancellationToken);

    /// <summary>The survey's questions in form order.</summary>
    public async Task<IReadOnlyList<SurveyQuestion>> QuestionsAsync(string surveyId, CancellationToken cancellationToken)
    {
        using var connection = await database.OpenAsync(cancellationToken);
        return SurveyDefinitions.Questions(connection, surveyId, cancellationToken);
    }

    /// <summary>The wave, or null.</summary>
    public async Task<SurveyWave?> WaveAsync(string waveId, CancellationToken cancellationToken)
    {
        using var connection = await database.OpenAsync(cancellationToken);
        return SurveyDefinitions.Wave(connection, waveId, cancellationToken);
    }

    /// <summary>The survey's waves, newest first.</summary>
    public async Task<IReadOnlyList<SurveyWave>> WavesAsync(string surveyId, CancellationToken cancellationToken)
    {
        using var connection = await database.OpenAsync(cancellationToken);
        return SurveyDefinitions.Waves(connection, surveyId, cancellationToken);
    }

    /// <summary>The link with this token hash, or null.</summary>
    public async Task<PendingInvitation?> InvitationAsync(string tokenHash, CancellationToken cancellationToken) =>
        (await QueryAsync<PendingInvitation>("surveys/invitations_by_hash", new { token_hashes = new ListParameter([tokenHash]) }, cancellationToken)).SingleOrDefault();

    /// <summary>Every team by name.</summary>
    public Task<IReadOnlyList<TeamName>> TeamsAsync(CancellationToken cancellationToken) =>
        QueryAsync<TeamName>("surveys/teams", null, cancellationToken);

    /// <summary>The team, or null.</summary>
    public Task<TeamName?> TeamAsync(string teamId, CancellationToken cancellationToken) =>
        QuerySingleAsync<TeamName>("surveys/team_by_id", new { team_id = teamId }, cancellationToken);

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string query, object? parameters, CancellationToken cancellationToken)
    {
        using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<T>(new CommandDefinition(SqlQueries.Get(query), parameters, cancellationToken: cancellationToken))).AsList();
    }

    private async Task<T?> QuerySingleAsync<T>(string query, object parameters, CancellationToken cancellationToken) =>
        (await QueryAsync<T>(query, parameters, cancellationToken)).SingleOrDefault();
}
