namespace Analytics.Host.Tests.Web.Jobs;

/// <summary>A test that needs PostgreSQL's binaries; skipped, saying why, on a machine without them.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        Skip = LocalPostgres.Missing;
    }
}
