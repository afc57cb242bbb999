using Analytics.Core.Storage.Backup;
using Analytics.Core.Storage.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Analytics.Core.Storage;

/// <summary>Registers the embedded database.</summary>
public static class StorageHostingExtensions
{
    /// <summary>
    /// Adds <see cref="DatabaseOptions"/> (section <c>Pulse:Database</c>), <see cref="PulseDatabase"/>, migrations and
    /// the system clock as <see cref="TimeProvider"/> unless one is registered already.
    /// </summary>
    public static IHostApplicationBuilder AddPulseStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        builder.Services.AddSingleton<PulseDatabase>();
        builder.Services.AddSingleton<MigrationRunner>();
        builder.Services.AddSingleton<DatabaseBackup>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }
}
