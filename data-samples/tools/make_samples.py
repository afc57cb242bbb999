#!/usr/bin/env python3
"""Writes the demo organisation in data-samples/ in the shapes the real sources emit.

Deterministic (fixed seed): run it again and the files come out the same. The files, not this script, are what
Pulse loads; the script is kept so that the demo data can be regenerated or extended.
"""
import csv
import datetime as dt
import hashlib
import json
import math
import os
import random

random.seed(20261001)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
START = dt.datetime(2025, 10, 1, tzinfo=dt.timezone.utc)
END = dt.datetime(2026, 10, 1, tzinfo=dt.timezone.utc)

TEAMS = [
    # id, name, tier, engineers, pagerduty team
    ("platform", "Platform", "high", 7),
    ("payments", "Payments", "elite", 12),
    ("search", "Search", "medium", 10),
    ("mobile", "Mobile Apps", "low", 11),
]
SERVICES = [
    # id, team, pagerduty id, jira key, onboarded, template, created, capabilities
    ("platform-portal", "platform", "PPLT001", "PLAT", "2025-06-01", None, "2025-06-01", True),
    ("ci-templates", "platform", "PPLT002", "PLAT", "2025-05-01", None, "2025-05-01", True),
    ("payments-api", "payments", "PPAY001", "PAY", "2025-11-10", None, "2023-02-01", False),
    ("payments-ledger", "payments", "PPAY002", "PAY", "2026-02-02", "go-grpc-service", "2026-02-02", False),
    ("search-api", "search", "PSRC001", "SRCH", "2026-03-16", None, "2022-09-12", False),
    ("search-indexer", "search", "PSRC002", "SRCH", None, None, "2022-10-03", False),
    ("mobile-bff", "mobile", "PMOB001", "MOB", "2026-06-22", None, "2023-05-08", False),
    ("notifications", "mobile", "PMOB002", "MOB", None, None, "2021-11-15", False),
]
TIER = {  # prod deploys per workday, PRs per deploy, hours coding/pickup/review/wait, change failure rate, recovery hours
    "elite": (1.4, 1.3, 5, 1, 2, 0.5, 0.05, 0.7),
    "high": (0.7, 2.0, 10, 3, 5, 3, 0.10, 3),
    "medium": (0.35, 3.5, 20, 8, 14, 26, 0.16, 18),
    "low": (0.12, 6, 40, 20, 36, 100, 0.28, 70),
}
FIRST = ["Ada", "Ben", "Chloe", "Dev", "Elena", "Farah", "Gabe", "Hana", "Ivan", "Jia", "Kofi", "Lena", "Mateo", "Nia",
         "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wei", "Yara", "Zane"]
LAST = ["Adams", "Bauer", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Haddad", "Ito", "Jones", "Khan", "Lopez",
        "Meyer", "Novak", "Okafor", "Patel", "Rossi", "Silva", "Tanaka", "Weber"]


def iso(t):
    return t.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def jira_time(t):
    return t.astimezone(dt.timezone(dt.timedelta(hours=1))).strftime("%Y-%m-%dT%H:%M:%S.000%z")


def lognormal(median, sigma):
    return median * math.exp(random.gauss(0, sigma))


def sha():
    return hashlib.sha1(str(random.random()).encode()).hexdigest()


def write_json(path, value):
    full = os.path.join(ROOT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as f:
        json.dump(value, f, separators=(",", ":"), ensure_ascii=False)
        f.write("\n")


# --- people -------------------------------------------------------------------------------------------------
people = []
used = set()
for team_id, _, tier, size in TEAMS:
    for i in range(size):
        while True:
            first, last = random.choice(FIRST), random.choice(LAST)
            if (first, last) not in used:
                used.add((first, last))
                break
        login = f"{first}-{last}".lower()
        new_hire = i >= size - 2  # two hires per team during the year
        start = (START + dt.timedelta(days=random.randint(10, 300))) if new_hire else (
            START - dt.timedelta(days=random.randint(90, 1800)))
        people.append({"login": login, "name": f"{first} {last}", "team": team_id, "start": start.date(), "new": new_hire})

# --- catalog ------------------------------------------------------------------------------------------------
docs = []
for team_id, name, _, _ in TEAMS:
    docs.append({"apiVersion": "backstage.io/v1alpha1", "kind": "Group",
                 "metadata": {"name": team_id, "title": name,
                              "annotations": {"pulse.dev/platform-team": "true"} if team_id == "platform" else {}},
                 "spec": {"type": "team", "profile": {"displayName": name}, "children": []}})
for sid, team, pd, jira, onboarded, template, created, platform_owned in SERVICES:
    ann = {"github.com/project-slug": f"acme/{sid}", "pagerduty.com/service-id": pd, "jira/project-key": jira,
           "pulse.dev/created-on": created}
    if onboarded:
        ann["pulse.dev/onboarded-on"] = onboarded
        caps = [f"ci={onboarded}", f"deploys={onboarded}"]
        on = dt.date.fromisoformat(onboarded)
        if sid not in ("mobile-bff",):
            caps.append(f"observability={(on + dt.timedelta(days=45)).isoformat()}")
        if sid in ("payments-api", "payments-ledger", "platform-portal"):
            caps.append(f"secrets={(on + dt.timedelta(days=90)).isoformat()}")
        ann["pulse.dev/capabilities"] = ",".join(caps)
    if template:
        ann["backstage.io/source-template"] = f"template:default/{template}"
    docs.append({"apiVersion": "backstage.io/v1alpha1", "kind": "Component",
                 "metadata": {"name": sid, "annotations": ann,
                              "tags": ["platform"] if platform_owned else []},
                 "spec": {"type": "service", "lifecycle": "production", "owner": f"group:default/{team}"}})
for p in people:
    docs.append({"apiVersion": "backstage.io/v1alpha1", "kind": "User",
                 "metadata": {"name": p["login"], "annotations": {"github.com/user-login": p["login"],
                                                                  "pulse.dev/start-date": p["start"].isoformat()}},
                 "spec": {"profile": {"displayName": p["name"], "email": f"{p['login']}@acme.example"},
                          "memberOf": [p["team"]]}})


def yaml_scalar(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    s = str(v)
    if s == "" or any(c in s for c in ":#{}[],&*?|<>=!%@`'\"") or s[0] in "-0123456789" or s in ("true", "false"):
        return json.dumps(s, ensure_ascii=False)
    return s


def yaml_dump(value, indent=0):
    pad = " " * indent
    lines = []
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, (dict, list)) and v:
                lines.append(f"{pad}{k}:")
                lines.extend(yaml_dump(v, indent + 2))
            elif isinstance(v, dict):
                lines.append(f"{pad}{k}: {{}}")
            elif isinstance(v, list):
                lines.append(f"{pad}{k}: []")
            else:
                lines.append(f"{pad}{k}: {yaml_scalar(v)}")
    else:
        for item in value:
            if isinstance(item, dict):
                sub = yaml_dump(item, indent + 2)
                lines.append(f"{pad}- {sub[0].strip()}")
                lines.extend(sub[1:])
            else:
                lines.append(f"{pad}- {yaml_scalar(item)}")
    return lines


os.makedirs(os.path.join(ROOT, "catalog"), exist_ok=True)
with open(os.path.join(ROOT, "catalog", "catalog-info.yaml"), "w", encoding="utf-8") as f:
    f.write("# Backstage catalog of the demo organisation: groups (teams), components (services) and users.\n")
    f.write("\n---\n".join("\n".join(yaml_dump(d)) for d in docs) + "\n")

# --- GitHub deployments and pull requests, PagerDuty incidents ----------------------------------------------
team_tier = {t[0]: t[2] for t in TEAMS}
incidents = []
deploy_id = 410_000_000
status_id = 2_900_000_000
pr_number = {}
for sid, team, pd, jira, onboarded, template, created, _ in SERVICES:
    tier = TIER[team_tier[team]]
    members = [p for p in people if p["team"] == team]
    repo = f"acme/{sid}"
    deployments, statuses, pulls, commits, reviews = [], {}, [], {}, {}
    pr_number[sid] = 1
    day = max(START, dt.datetime.fromisoformat(created + "T00:00:00+00:00"))
    last_good = None
    while day < END:
        workday = day.weekday() < 5
        rate = tier[0] * (1 if workday else 0.05)
        n = sum(1 for _ in range(8) if random.random() < rate / 8)
        for _ in range(n):
            at = day + dt.timedelta(hours=9 + random.random() * 8)
            active = [p for p in members if p["start"] <= at.date() - dt.timedelta(days=5)]
            deployer = random.choice(active)
            head = sha()
            for env, when in (("staging", at - dt.timedelta(minutes=random.randint(20, 80))), ("production", at)):
                deploy_id += 1
                failed = env == "production" and random.random() < 0.04
                deployments.append({
                    "url": f"https://api.github.com/repos/{repo}/deployments/{deploy_id}",
                    "id": deploy_id, "node_id": f"DE_{deploy_id}", "sha": head, "ref": "main", "task": "deploy",
                    "payload": {}, "original_environment": env, "environment": env,
                    "description": f"Deploy {head[:7]} to {env}",
                    "creator": {"login": deployer["login"], "id": 1000 + people.index(deployer), "type": "User"},
                    "created_at": iso(when), "updated_at": iso(when + dt.timedelta(minutes=9)),
                    "transient_environment": False, "production_environment": env == "production"})
                statuses[str(deploy_id)] = [
                    {"id": (status_id := status_id + 1), "state": "failure" if failed else "success",
                     "environment": env, "created_at": iso(when + dt.timedelta(minutes=9)),
                     "updated_at": iso(when + dt.timedelta(minutes=9)), "description": "Deployment finished",
                     "creator": {"login": deployer["login"]}},
                    {"id": (status_id := status_id + 1), "state": "in_progress", "environment": env,
                     "created_at": iso(when + dt.timedelta(minutes=1)), "updated_at": iso(when + dt.timedelta(minutes=1)),
                     "description": "Deploying", "creator": {"login": deployer["login"]}},
                ]
                if env == "production":
                    prod_failed = failed
                    prod_id = deploy_id
            if prod_failed:
                continue
            last_good = head
            batch = max(1, round(random.expovariate(1 / tier[1])))
            for b in range(batch):
                number = pr_number[sid]
                pr_number[sid] += 1
                # Platform repositories also take contributions from other teams (participatory adoption).
                outsiders = [p for p in people if p["team"] != team and p["start"] <= at.date() - dt.timedelta(days=5)]
                author = random.choice(outsiders if team == "platform" and random.random() < 0.25 else active)
                merged = at - dt.timedelta(hours=lognormal(tier[5], 0.8))
                reviewed = merged - dt.timedelta(hours=lognormal(tier[4], 0.7))
                opened = reviewed - dt.timedelta(hours=lognormal(tier[3], 0.7))
                first = opened - dt.timedelta(hours=lognormal(tier[2], 0.8))
                merge_sha = head if b == batch - 1 else sha()
                hotfix = False
                pulls.append({
                    "url": f"https://api.github.com/repos/{repo}/pulls/{number}", "id": 1_800_000_000 + number,
                    "number": number, "state": "closed", "title": random.choice(
                        ["Add retry to client", "Fix pagination bug", "Update dependencies", "Refactor handler",
                         "Improve logging", "Add feature flag", "Speed up query", "Document config"]),
                    "user": {"login": author["login"], "type": "User"}, "labels": [],
                    "created_at": iso(opened), "updated_at": iso(merged), "closed_at": iso(merged),
                    "merged_at": iso(merged), "merge_commit_sha": merge_sha, "draft": False,
                    "head": {"ref": f"feature/{number}", "sha": sha()}, "base": {"ref": "main", "sha": last_good},
                    "html_url": f"https://github.com/{repo}/pull/{number}"})
                c_count = 1 + min(6, int(random.expovariate(1 / 2.5)))
                c_times = sorted([first] + [first + (opened - first) * random.random() for _ in range(c_count - 1)])
                commits[str(number)] = [{"sha": sha(), "commit": {
                    "author": {"name": author["name"], "email": f"{author['login']}@acme.example", "date": iso(t)},
                    "committer": {"name": author["name"], "email": f"{author['login']}@acme.example", "date": iso(t)},
                    "message": "WIP" if i else pulls[-1]["title"]}, "author": {"login": author["login"]}}
                    for i, t in enumerate(c_times)]
                reviewer = random.choice([p for p in active if p is not author] or active)
                reviews[str(number)] = [{"id": 3_000_000_000 + number, "user": {"login": reviewer["login"]},
                                         "state": "APPROVED", "submitted_at": iso(reviewed)}]
            if random.random() < tier[6]:
                opened_at = at + dt.timedelta(minutes=lognormal(35, 0.7))
                resolved = opened_at + dt.timedelta(hours=lognormal(tier[7], 0.9))
                incidents.append((pd, sid, opened_at, resolved, head))
        day += dt.timedelta(days=1)
    # A few incidents that no deployment caused.
    for _ in range(3):
        opened_at = START + dt.timedelta(days=random.randint(0, 360), hours=random.random() * 24)
        incidents.append((pd, sid, opened_at, opened_at + dt.timedelta(hours=lognormal(6, 1)), None))
    deployments.sort(key=lambda d: d["created_at"], reverse=True)  # the API lists newest first
    pulls.sort(key=lambda p: p["number"], reverse=True)
    base = f"github/{sid}"
    write_json(f"{base}/deployments.json", deployments)
    write_json(f"{base}/deployment_statuses.json", statuses)
    write_json(f"{base}/pulls.json", pulls)
    write_json(f"{base}/pull_commits.json", commits)
    write_json(f"{base}/pull_reviews.json", reviews)

incidents.sort(key=lambda i: i[2])
pd_incidents = []
for n, (pd, sid, opened_at, resolved, cause) in enumerate(incidents, start=1):
    urgency = "high" if random.random() < 0.3 else "low"
    status = "resolved" if resolved < END else "acknowledged"
    pd_incidents.append({
        "id": f"Q{n:05d}ABCDEF", "type": "incident", "incident_number": 1000 + n,
        "title": random.choice(["Elevated 5xx rate", "Latency above SLO", "Queue backlog", "Error budget burn",
                                "Health check failing"]) + f" on {sid}",
        "summary": f"[#{1000 + n}] incident on {sid}", "status": status, "urgency": urgency,
        "created_at": iso(opened_at), "updated_at": iso(min(resolved, END)),
        "last_status_change_at": iso(min(resolved, END)),
        "resolved_at": iso(resolved) if status == "resolved" else None,
        "service": {"id": pd, "type": "service_reference", "summary": sid,
                    "self": f"https://api.pagerduty.com/services/{pd}"},
        "priority": {"id": "P53ZZH5", "type": "priority_reference",
                     "summary": random.choice(["P1", "P2", "P3", "P3", "P4"])},
        "body": {"type": "incident_body", "details": f"Suspected cause: deploy of {cause}" if cause else ""},
        "html_url": f"https://acme.pagerduty.com/incidents/Q{n:05d}ABCDEF"})
page = 100
for start in range(0, len(pd_incidents), page):
    write_json(f"pagerduty/incidents-offset-{start}.json", {
        "incidents": pd_incidents[start:start + page], "limit": page, "offset": start,
        "more": start + page < len(pd_incidents), "total": None})

# --- Jira ---------------------------------------------------------------------------------------------------
categories = [("Access request", 4, 25), ("Pipeline failure", 6, 20), ("Observability setup", 16, 12),
              ("New environment", 40, 10), ("Database provisioning", 60, 10), ("DNS and certificates", 24, 8)]
issues = []
keys = {"PLAT": 0, "PAY": 0, "SRCH": 0, "MOB": 0}
team_of_key = {"PLAT": "Platform", "PAY": "Payments", "SRCH": "Search", "MOB": "Mobile Apps"}
day = START
while day < END:
    if day.weekday() < 5:
        for key in keys:
            for kind, p in (("Bug", 0.25), ("Story", 0.35)):
                if random.random() < p:
                    keys[key] += 1
                    created = day + dt.timedelta(hours=8 + random.random() * 9)
                    resolved = created + dt.timedelta(hours=lognormal(30 if kind == "Bug" else 100, 0.8))
                    issues.append((key, keys[key], kind, created, resolved, None, None, None))
        for requester in ("Payments", "Search", "Mobile Apps"):
            if random.random() < 0.12:
                name, hours, _ = random.choices(categories, weights=[c[2] for c in categories])[0]
                keys["PLAT"] += 1
                created = day + dt.timedelta(hours=8 + random.random() * 9)
                response = created + dt.timedelta(hours=lognormal(2, 0.8))
                resolved = created + dt.timedelta(hours=lognormal(hours, 0.7))
                issues.append(("PLAT", keys["PLAT"], "Service Request", created, resolved, name, response, requester))
    day += dt.timedelta(days=1)
jira = []
for key, number, kind, created, resolved, category, response, requester in issues:
    done = resolved < END
    fields = {
        "summary": f"{category}: help needed" if category else ("Crash when saving" if kind == "Bug" else "New capability"),
        "issuetype": {"id": {"Bug": "10004", "Story": "10001", "Service Request": "10010"}[kind], "name": kind,
                      "subtask": False},
        "project": {"id": str(10000 + list(keys).index(key)), "key": key, "name": team_of_key[key]},
        "status": {"name": "Done" if done else "In Progress",
                   "statusCategory": {"key": "done" if done else "indeterminate"}},
        "labels": ["platform-support"] if category else [],
        "created": jira_time(created), "updated": jira_time(min(resolved, END)),
        "resolutiondate": jira_time(resolved) if done else None,
        "customfield_10001": {"id": "t-" + (requester or team_of_key[key]).lower().replace(" ", "-"),
                              "name": requester or team_of_key[key]},
    }
    if category:
        fields["customfield_10010"] = {"requestType": {"id": str(categories.index(next(c for c in categories if c[0] == category)) + 1),
                                                       "name": category}}
        fields["customfield_10020"] = {"id": "1", "name": "Time to first response", "completedCycles": [
            {"startTime": {"iso8601": jira_time(created)}, "stopTime": {"iso8601": jira_time(response)},
             "breached": False}]}
    jira.append({"expand": "", "id": str(20000 + len(jira)), "self": f"https://acme.atlassian.net/rest/api/3/issue/{20000 + len(jira)}",
                 "key": f"{key}-{number}", "fields": fields})
page = 200
pages = [jira[i:i + page] for i in range(0, len(jira), page)]
for i, chunk in enumerate(pages):
    body = {"issues": chunk, "isLast": i == len(pages) - 1}
    if i < len(pages) - 1:
        body["nextPageToken"] = f"page-{i + 1}"
    write_json(f"jira/search-page-{i}.json", body)

# --- Survey exports -----------------------------------------------------------------------------------------
QUESTIONS = [
    ("nps", "How likely are you to recommend our internal developer platform to a colleague?", "nps"),
    ("csat_ci", "How satisfied are you with continuous integration (builds and tests)?", "likert"),
    ("csat_deploys", "How satisfied are you with deployments?", "likert"),
    ("csat_observability", "How satisfied are you with observability (logs, metrics, traces)?", "likert"),
    ("csat_docs", "How satisfied are you with the platform's documentation?", "likert"),
    ("fl_local", "I get fast feedback when I validate a change locally.", "likert"),
    ("fl_deploy", "Deploying my change to production is quick.", "likert"),
    ("cl_docs", "The documentation I need is easy to find and understand.", "likert"),
    ("cl_debug", "Debugging problems in production is straightforward.", "likert"),
    ("flow_focus", "I can usually focus on my work without interruption.", "likert"),
    ("flow_goals", "The goals of my work are clear.", "likert"),
    ("hours_lost", "In a typical week, how many hours do you lose to friction in tools and processes?", "choice"),
    ("obstacle", "What is the biggest obstacle to shipping your work?", "text"),
    ("improve", "If the platform team could improve one thing, what should it be?", "text"),
]
HOURS = ["Less than 1 hour", "1–2 hours", "3–5 hours", "6–10 hours", "More than 10 hours"]
OBSTACLES = ["CI builds are slow, I wait 30 minutes for feedback on every push",
             "Flaky integration tests block my merges", "Getting a new database takes weeks of tickets",
             "The deploy pipeline documentation is out of date", "Too many meetings break my focus time",
             "Reviews sit for days before anyone picks them up"]
IMPROVE = ["Make CI faster with better caching", "Self-service environments without a ticket",
           "Fix the flaky tests in the shared pipeline", "Better documentation for the golden paths"]
MOOD = {"platform": 0.72, "payments": 0.7, "search": 0.55, "mobile": 0.42}
for wave, opens, shift in (("devex-2026-q2", dt.datetime(2026, 5, 4, tzinfo=dt.timezone.utc), 0.0),
                           ("devex-2026-q3", dt.datetime(2026, 8, 3, tzinfo=dt.timezone.utc), 0.05)):
    rows = []
    for p in people:
        if p["start"] > opens.date() or random.random() > 0.75:
            continue
        mood = min(1, max(0, MOOD[p["team"]] + shift + random.gauss(0, 0.15)))
        when = opens + dt.timedelta(days=random.randint(0, 11), hours=random.randint(8, 18), minutes=random.randint(0, 59))
        row = {"Response ID": hashlib.md5(f"{wave}{p['login']}".encode()).hexdigest()[:12],
               "Submitted At": when.strftime("%Y-%m-%d %H:%M:%S"),
               "Team": dict((t[0], t[1]) for t in TEAMS)[p["team"]]}
        for qid, text, kind in QUESTIONS:
            if kind == "nps":
                value = str(max(0, min(10, round(mood * 10.6 + random.gauss(0, 1.3)))))
            elif kind == "likert":
                value = "" if qid.startswith("csat") and random.random() < 0.1 else str(max(1, min(5, round(1 + mood * 4.2 + random.gauss(0, 0.7)))))
            elif kind == "choice":
                value = HOURS[max(0, min(4, round((1 - mood) * 4 + random.gauss(0, 0.8))))]
            else:
                value = random.choice(OBSTACLES if qid == "obstacle" else IMPROVE) if random.random() < 0.45 else ""
            row[text] = value
        rows.append(row)
    path = os.path.join(ROOT, "surveys", f"{wave}.csv")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        writer.writeheader()
        writer.writerows(rows)
print("wrote demo data to", ROOT)
