using System.CommandLine;
using System.Globalization;
using Analytics.Surveys.Audit;

namespace Analytics.Host.Cli;

/// <summary><c>analytics audit [--limit N]</c>: the most recent admin actions, one line each, newest first.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var limit = new Option<int>("--limit") { Description = "How many entries to show.", DefaultValueFactory = _ => 50 };
        var command = new Command("audit", "Show the admin audit log: when, who, what and on which object, newest first.") { limit };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(limit);
            if (count < 1)
            {
                throw new ArgumentException($"--limit must be at least 1, not {count}.");
            }

            using var host = CliHost.Create(parse);
            await CliHost.MigrateAsync(host, cancellationToken);
            var entries = await host.Services.GetRequiredService<AdminAuditLog>().EntriesAsync(count, 0, cancellationToken);
            if (entries.Count == 0)
            {
                Console.WriteLine("No admin actions recorded yet.");
                return 0;
            }

            foreach (var entry in entries)
            {
                Console.WriteLine(Line(entry));
            }

            return 0;
        });
        return command;
    }

    /// <summary>One entry as a line: time, who, action, object, and the detail after a colon.</summary>
    public static string Line(AuditEntry entry) =>
        string.Join(' ',
            entry.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            Printable(entry.Actor), entry.Action, $"{entry.ObjectKind} {Printable(entry.ObjectId)}")
        + (entry.Detail is null ? "" : $": {Printable(entry.Detail)}");

    // A name from a sign-in provider could hold a line break or a terminal escape; one entry stays one line.
    private static string Printable(string text) => string.Concat(text.Select(c => char.IsControl(c) ? '?' : c));
}
