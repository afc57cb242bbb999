using Analytics.Core.Storage;
using Analytics.Core.Storage.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace Analytics.Core.Tests;

/// <summary>A private in-memory database, optionally with the schema applied.</summary>
public static class MemoryDatabase
{
    public static PulseConnection Open()
    {
        var connection = new PulseConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }

    public static async Task<PulseConnection> OpenMigratedAsync()
    {
        var connection = Open();
        await new MigrationRunner(NullLogger<MigrationRunner>.Instance, TimeProvider.System).ApplyAsync(connection, CancellationToken.None);
        return connection;
    }
}
