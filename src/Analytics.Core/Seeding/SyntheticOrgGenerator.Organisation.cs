using Analytics.Core.Organisation;

namespace Analytics.Core.Seeding;

/// <summary>Teams, services, capabilities and engineers.</summary>
public sealed partial class SyntheticOrgGenerator
{
    private static readonly string[] TeamPrefixes =
        ["Atlas", "Beacon", "Comet", "Delta", "Ember", "Falcon", "Granite", "Harbor", "Indigo", "Juniper", "Kestrel", "Lumen", "Meridian", "Nova", "Orbit", "Pioneer", "Quartz", "Raven", "Summit", "Tidal"];

    private static readonly string[] TeamDomains =
        ["Payments", "Checkout", "Search", "Identity", "Catalog", "Pricing", "Notifications", "Onboarding", "Billing", "Fulfilment", "Analytics", "Messaging", "Mobile", "Risk", "Ledger", "Partners"];

    private static readonly string[] ServiceWords = ["api", "worker", "gateway", "web", "scheduler", "events", "store", "sync"];

    private static readonly string[] Templates = ["java-spring-service", "node-express-service", "python-fastapi-service", "go-grpc-service"];

    private static readonly string[] TimeZones = ["Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "Asia/Kolkata"];

    private static readonly string[] FirstNames =
        ["Ada", "Ben", "Chloe", "Dev", "Elena", "Farah", "Gabe", "Hana", "Ivan", "Jia", "Kofi", "Lena", "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wei", "Yara", "Zane"];

    private static readonly string[] LastNames =
        ["Adams", "Bauer", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Haddad", "Ito", "Jones", "Khan", "Lopez", "Meyer", "Novak", "Okafor", "Patel", "Rossi", "Silva", "Tanaka", "Weber"];

    internal sealed class TeamPlan(Team team, DeliveryProfile profile)
    {
        public Team Team { get; } = team;

        public DeliveryProfile Profile { get; } = profile;

        public List<ServicePlan> Services { get; } = [];

        public List<EngineerPlan> Members { get; } = [];

        public Queue<EngineerPlan> AwaitingFirstDeploy { get; } = new();

        public int NextWorkItem { get; set; } = 1;

        public double AdoptionShare(DateOnly day) =>
            Services.Count == 0 ? 0 : Services.Count(s => s.Service.OnboardedOn is { } on && on <= day) / (double)Services.Count;
    }

    internal sealed class ServicePlan(Service service, double cadence)
    {
        public Service Service { get; } = service;

        public double Cadence { get; } = cadence;

        /// <summary>Production deployments numbered so far.</summary>
        public int Deployments { get; set; }

        /// <summary>The last commit that reached production successfully: what a rollback returns to.</summary>
        public string? LastGoodSha { get; set; }
    }

    internal sealed record EngineerPlan(Engineer Engineer, DateOnly EligibleFrom);

    private int _engineerCount;

    private void PlanOrganisation(Writers writers)
    {
        var remaining = _options.Engineers;
        var platformSize = Math.Max(3, (int)Math.Round(_options.Engineers * 0.04));
        var sizes = new List<int> { platformSize };
        remaining -= platformSize;
        while (remaining > 0)
        {
            var size = Math.Clamp((int)Math.Round(_random.LogNormal(7, 0.4)), 3, 20);
            size = remaining - size < 3 ? remaining : size;
            sizes.Add(size);
            remaining -= size;
        }

        for (var t = 0; t < sizes.Count; t++)
        {
            var isPlatform = t == 0;
            var name = isPlatform ? "Platform" : NameTeam(t - 1);
            var id = name.ToLowerInvariant().Replace(' ', '-');
            var profile = isPlatform ? DeliveryProfile.Tiers[1].Item : _random.Weighted(DeliveryProfile.Tiers);
            var team = new Team(id, name, null, isPlatform, _random.Pick(TimeZones), Source);
            var plan = new TeamPlan(team, profile);
            _teams.Add(plan);
            writers.Write(team);
            PlanServices(writers, plan);
            PlanEngineers(writers, plan, sizes[t]);
        }
    }

    private static string NameTeam(int index)
    {
        var domain = TeamDomains[index % TeamDomains.Length];
        var prefix = TeamPrefixes[(index / TeamDomains.Length) % TeamPrefixes.Length];
        var round = index / (TeamDomains.Length * TeamPrefixes.Length);
        return round == 0 ? $"{prefix} {domain}" : $"{prefix} {domain} {round + 1}";
    }

    private void PlanServices(Writers writers, TeamPlan plan)
    {
        var count = plan.Team.IsPlatformTeam ? 5 : Math.Clamp(1 + _random.Poisson(1.5), 1, 6);
        for (var s = 0; s < count; s++)
        {
            var id = $"{plan.Team.TeamId}-{ServiceWords[s % ServiceWords.Length]}{(s >= ServiceWords.Length ? (s / ServiceWords.Length) + 1 : "")}";
            var createdBeforeWindow = _random.Chance(0.8);
            var createdOn = createdBeforeWindow
                ? _start.AddDays(-_random.Next(30, 2000))
                : _start.AddDays(_random.Next(0, Math.Max(1, _options.Days - 30)));
            DateOnly? onboardedOn = null;
            string? template = null;
            if (plan.Team.IsPlatformTeam || !createdBeforeWindow)
            {
                // New services start on the platform from a golden-path template.
                onboardedOn = createdOn;
                template = plan.Team.IsPlatformTeam ? null : _random.Pick(Templates);
            }
            else if (_random.Chance(0.8))
            {
                // Older services migrate along an S-curve centred on the middle of the window.
                var u = Math.Clamp(_random.NextDouble(), 1e-6, 1 - 1e-6);
                var offset = (_options.Days * 0.45) + (_options.Days * 0.12 * Math.Log(u / (1 - u)));
                onboardedOn = _start.AddDays((int)Math.Clamp(offset, -180, _options.Days + 120));
                if (onboardedOn >= _options.Until)
                {
                    onboardedOn = null;
                }
            }

            var repository = $"acme/{id}";
            var service = new Service(id, id, plan.Team.TeamId, repository, "production", plan.Team.IsPlatformTeam, onboardedOn, template, createdOn, null, Source);
            plan.Services.Add(new ServicePlan(service, _random.LogNormal(1, 0.35)));
            writers.Write(service);
            if (onboardedOn is { } on)
            {
                WriteCapabilities(writers, id, on);
            }
        }
    }

    private void WriteCapabilities(Writers writers, string serviceId, DateOnly onboardedOn)
    {
        writers.Write(new ServiceCapability(serviceId, "ci", onboardedOn, Source));
        writers.Write(new ServiceCapability(serviceId, "deploys", onboardedOn, Source));
        foreach (var (capability, chance, lagDays) in new[] { ("observability", 0.8, 60), ("secrets", 0.6, 120), ("docs", 0.7, 30) })
        {
            var adopted = onboardedOn.AddDays((int)_random.LogNormal(lagDays, 0.6));
            if (_random.Chance(chance) && adopted < _options.Until)
            {
                writers.Write(new ServiceCapability(serviceId, capability, adopted, Source));
            }
        }
    }

    private void PlanEngineers(Writers writers, TeamPlan plan, int size)
    {
        for (var e = 0; e < size; e++)
        {
            var number = ++_engineerCount;
            var id = $"eng-{number:D5}";
            var first = FirstNames[_random.Next(FirstNames.Length)];
            var last = LastNames[_random.Next(LastNames.Length)];
            var hiredInWindow = _random.Chance(0.15);
            var start = hiredInWindow
                ? _start.AddDays(_random.Next(0, _options.Days))
                : _start.AddDays(-_random.Next(60, 2500));
            DateOnly? end = _random.Chance(0.05) ? start.AddDays(_random.Next(120, 900)) : null;
            if (end >= _options.Until || end <= _start)
            {
                end = null;
            }

            var login = $"{first}-{last}-{number}".ToLowerInvariant();
            var engineer = new Engineer(id, $"{first} {last}", $"{login}@acme.example", login, plan.Team.TeamId, start, end, Source);
            var eligible = hiredInWindow ? start.AddDays((int)Math.Ceiling(_random.LogNormal(plan.Profile.RampUpDays, 0.6))) : start;
            var member = new EngineerPlan(engineer, eligible);
            plan.Members.Add(member);
            writers.Write(engineer);
        }

        foreach (var member in plan.Members.Where(m => m.EligibleFrom >= _start).OrderBy(m => m.EligibleFrom))
        {
            plan.AwaitingFirstDeploy.Enqueue(member);
        }
    }
}
