using System.Globalization;
using Analytics.Core.Organisation;
using YamlDotNet.RepresentationModel;

namespace Analytics.Ingestion.Sources.Catalog;

/// <summary>
/// Reads Backstage <c>catalog-info.yaml</c> files: <c>Group</c> entities become teams, <c>Component</c>s of type
/// service become services, <c>User</c>s become engineers. Pulse reads these annotations:
/// <c>github.com/project-slug</c>, <c>pagerduty.com/service-id</c>, <c>jira/project-key</c>,
/// <c>backstage.io/source-template</c> (the golden path), <c>pulse.dev/onboarded-on</c>,
/// <c>pulse.dev/created-on</c>, <c>pulse.dev/capabilities</c> (<c>ci=2026-01-15,deploys=…</c>),
/// <c>pulse.dev/platform-team</c>, <c>github.com/user-login</c> and <c>pulse.dev/start-date</c>.
/// </summary>
public static class BackstageCatalogReader
{
    private const string Source = "backstage";

    /// <summary>Reads every YAML document of the given text.</summary>
    public static CatalogSnapshot Read(TextReader yaml)
    {
        var stream = new YamlStream();
        stream.Load(yaml);
        var teams = new List<Team>();
        var services = new List<Service>();
        var capabilities = new List<ServiceCapability>();
        var engineers = new List<Engineer>();
        var byRepository = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var byPagerDuty = new Dictionary<string, string>(StringComparer.Ordinal);
        var teamByJira = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlMappingNode entity)
            {
                continue;
            }

            var kind = Scalar(entity, "kind");
            var name = Scalar(entity, "metadata", "name") ?? throw new FormatException($"A {kind} entity has no metadata.name.");
            var annotations = Annotations(entity);
            switch (kind)
            {
                case "Group":
                    teams.Add(new Team(name, Scalar(entity, "spec", "profile", "displayName") ?? Scalar(entity, "metadata", "title") ?? name,
                        Scalar(entity, "spec", "parent") is { } parent ? EntityName(parent) : null,
                        annotations.GetValueOrDefault("pulse.dev/platform-team") == "true", "UTC", Source));
                    break;
                case "Component" when Scalar(entity, "spec", "type") is "service" or "website":
                    var owner = EntityName(Scalar(entity, "spec", "owner") ?? throw new FormatException($"Component {name} has no spec.owner."));
                    var onboarded = Date(annotations, "pulse.dev/onboarded-on", name);
                    var repository = annotations.GetValueOrDefault("github.com/project-slug");
                    var template = annotations.GetValueOrDefault("backstage.io/source-template") is { } t ? EntityName(t) : null;
                    var isPlatform = Sequence(entity, "metadata", "tags").Contains("platform");
                    services.Add(new Service(name, name, owner, repository, Scalar(entity, "spec", "lifecycle") ?? "production", isPlatform,
                        onboarded, template, Date(annotations, "pulse.dev/created-on", name), null, Source));
                    capabilities.AddRange(Capabilities(name, annotations));
                    if (repository is not null)
                    {
                        byRepository[repository] = name;
                    }

                    if (annotations.GetValueOrDefault("pagerduty.com/service-id") is { } pagerDuty)
                    {
                        byPagerDuty[pagerDuty] = name;
                    }

                    if (annotations.GetValueOrDefault("jira/project-key") is { } project)
                    {
                        teamByJira[project] = owner;
                    }

                    break;
                case "User":
                    var team = Sequence(entity, "spec", "memberOf").Select(EntityName).FirstOrDefault()
                        ?? throw new FormatException($"User {name} belongs to no group (spec.memberOf).");
                    var start = Date(annotations, "pulse.dev/start-date", name)
                        ?? throw new FormatException($"User {name} has no pulse.dev/start-date annotation.");
                    engineers.Add(new Engineer(name, Scalar(entity, "spec", "profile", "displayName") ?? name, Scalar(entity, "spec", "profile", "email"),
                        annotations.GetValueOrDefault("github.com/user-login") ?? name, team, start, null, Source));
                    break;
            }
        }

        return new CatalogSnapshot(teams, services, capabilities, engineers, byRepository, byPagerDuty, teamByJira);
    }

    /// <summary><c>group:default/payments</c> → <c>payments</c>.</summary>
    private static string EntityName(string reference) => reference[(reference.LastIndexOfAny([':', '/']) + 1)..];

    private static IEnumerable<ServiceCapability> Capabilities(string service, IReadOnlyDictionary<string, string> annotations)
    {
        if (annotations.GetValueOrDefault("pulse.dev/capabilities") is not { } list)
        {
            yield break;
        }

        foreach (var pair in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length != 2 || !DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on))
            {
                throw new FormatException($"Component {service}: pulse.dev/capabilities entry '{pair}' is not capability=YYYY-MM-DD.");
            }

            yield return new ServiceCapability(service, parts[0], on, Source);
        }
    }

    private static DateOnly? Date(IReadOnlyDictionary<string, string> annotations, string key, string entity)
    {
        if (annotations.GetValueOrDefault(key) is not { } text)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"{entity}: annotation {key} must be a date (YYYY-MM-DD), not '{text}'.");
    }

    private static Dictionary<string, string> Annotations(YamlMappingNode entity) =>
        Node(entity, "metadata", "annotations") is YamlMappingNode map
            ? map.Children.Where(c => c.Value is YamlScalarNode).ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value ?? string.Empty)
            : [];

    private static string? Scalar(YamlMappingNode node, params string[] path) => (Node(node, path) as YamlScalarNode)?.Value;

    private static List<string> Sequence(YamlMappingNode node, params string[] path) =>
        Node(node, path) is YamlSequenceNode sequence ? sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty).ToList() : [];

    private static YamlNode? Node(YamlMappingNode node, params string[] path)
    {
        YamlNode? current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out current))
            {
                return null;
            }
        }

        return current;
    }
}
