using System.CommandLine;
using System.Globalization;
using Analytics.Host.ApiKeys;

namespace Analytics.Host.Cli;

/// <summary><c>analytics api-keys create|list|revoke</c>: the keys machine clients use for the read-only API.</summary>
internal static class ApiKeyCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "Which client will use the key, for example \"Grafana\".", Required = true };
        var create = new Command("create", "Create a read-only key for /api/v1; it is shown once.") { name };
        create.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Create(parse);
            await CliHost.MigrateAsync(host, cancellationToken);
            var key = await host.Services.GetRequiredService<ApiKeyStore>().CreateAsync(parse.GetValue(name)!, Actor, cancellationToken);
            Console.WriteLine($"Created API key {key.KeyId} for '{key.Name}'. Copy it now; it cannot be shown again:");
            Console.WriteLine(key.Secret);
            return 0;
        });

        var list = new Command("list", "List the API keys, revoked ones included.");
        list.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Create(parse);
            await CliHost.MigrateAsync(host, cancellationToken);
            var keys = await host.Services.GetRequiredService<ApiKeyStore>().ListAsync(cancellationToken);
            if (keys.Count == 0)
            {
                Console.WriteLine("No API keys yet; 'analytics api-keys create --name <client>' makes one.");
                return 0;
            }

            var table = new TextTable().AddColumns("Id", "Name", "Created (UTC)", "By", "Revoked (UTC)");
            foreach (var key in keys)
            {
                table.AddRow(key.KeyId, key.Name, Utc(key.CreatedAt), key.CreatedBy, key.RevokedAt is { } at ? Utc(at) : "");
            }

            table.WriteToConsole();
            return 0;
        });

        var id = new Argument<string>("id") { Description = "The key's id, as 'list' shows it." };
        var revoke = new Command("revoke", "Revoke a key: calls with it are refused from now on.") { id };
        revoke.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Create(parse);
            await CliHost.MigrateAsync(host, cancellationToken);
            var keyId = parse.GetValue(id)!;
            await host.Services.GetRequiredService<ApiKeyStore>().RevokeAsync(keyId, Actor, cancellationToken);
            Console.WriteLine($"Revoked API key {keyId}.");
            return 0;
        });

        return new Command("api-keys", "Manage the keys machine clients use for the read-only API.") { create, list, revoke };
    }

    /// <summary>Who acts from the command line, for the key's record.</summary>
    private static string Actor => "cli:" + Environment.UserName;

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
