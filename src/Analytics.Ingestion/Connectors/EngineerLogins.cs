using System.Data;
using Analytics.Core.Storage;
using Dapper;

namespace Analytics.Ingestion.Connectors;

/// <summary>Who a source account is: engineers by their source-control login, compared case-insensitively.</summary>
public static class EngineerLogins
{
    /// <summary>Loads the logins once and returns the lookup (null for an unknown or missing login).</summary>
    public static Func<string?, string?> Load(IDbConnection connection)
    {
        var engineers = connection.Query<(string Login, string Id)>(SqlQueries.Get("ingestion/engineer_logins"))
            .GroupBy(e => e.Login, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        return login => login is null ? null : engineers.GetValueOrDefault(login);
    }
}
