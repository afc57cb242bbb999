#!/usr/bin/env python3
"""Writes data-samples/copilot/: the demo organisation's GitHub Copilot figures in the API's own shapes.

Adoption is staggered by team: Payments takes Copilot up in 2026-Q1 and Search in 2026-Q2, while Platform and Mobile
hold seats that few use, so the before/after comparison has adopting and not-yet-adopted teams. Written:
- metrics-YYYY-MM.json: pages of GET /orgs/{org}/copilot/metrics (one day per element);
- seats-YYYY-MM.json: GET /orgs/{org}/copilot/billing/seats as a sync at the end of that month would see it;
- commit-trailers.json: per repository, the merged pull requests whose commits carry a Copilot co-author trailer
  (the trailer lines the demo's commit messages would end with), keyed by pull request number.
Deterministic (fixed seed): run it again and the files come out the same.
"""
import datetime as dt
import json
import os
import random
import re

random.seed(20261015)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "copilot")
START = dt.date(2025, 10, 1)
END = dt.date(2026, 10, 1)
# team -> (seat assigned, adoption day or None, share of seats active each month once adopted, before)
PLAN = {
    "payments": (dt.date(2025, 11, 20), dt.date(2026, 1, 12), 0.85, 0.15),
    "search": (dt.date(2026, 2, 20), dt.date(2026, 4, 8), 0.75, 0.1),
    "platform": (dt.date(2025, 12, 1), None, 0.0, 0.3),
    "mobile": (dt.date(2026, 3, 1), None, 0.0, 0.2),
}
EDITORS = [("vscode", 0.6), ("jetbrains", 0.3), ("neovim", 0.1)]
LANGUAGES = {"payments": ["kotlin", "sql"], "search": ["python", "go"], "platform": ["go", "yaml"], "mobile": ["swift", "typescript"]}
TRAILER = "Co-authored-by: GitHub Copilot <175728472+Copilot@users.noreply.github.com>"


def catalog():
    text = open(os.path.join(ROOT, "catalog", "catalog-info.yaml")).read()
    users, services = {}, {}
    for doc in text.split("\n---"):
        if "kind: User" in doc:
            login = re.search(r"github.com/user-login: (\S+)", doc).group(1)
            users[login] = re.search(r"memberOf:\s*\n\s*- (\S+)", doc).group(1)
        if "kind: Component" in doc:
            name = re.search(r"\n  name: (\S+)", doc).group(1)
            owner = re.search(r'owner: "?(?:group:)?(?:default/)?([\w-]+)', doc).group(1)
            services[name] = owner
    return users, services


def active_share(team, day):
    assigned, adopted, after, before = PLAN[team]
    if day < assigned:
        return None
    return after if adopted and day >= adopted else before


def days():
    day = START
    while day < END:
        yield day
        day += dt.timedelta(days=1)


def main():
    users, services = catalog()
    # Whether someone uses the assistant at all is a trait of the person, not a daily coin: users then use it most days.
    leaning = {login: random.random() for login in sorted(users)}
    os.makedirs(OUT, exist_ok=True)
    by_month = {}
    last_active = {}
    for day in days():
        workday = day.weekday() < 5
        active_logins = []
        for login, team in sorted(users.items()):
            share = active_share(team, day)
            if share is not None and workday and leaning[login] < share and random.random() < 0.6:
                active_logins.append((login, team))
                last_active[login] = dt.datetime.combine(day, dt.time(9 + random.randrange(8), random.randrange(60)), dt.timezone.utc)
        editors = []
        for editor, weight in EDITORS:
            people = [p for p in active_logins if random.random() < weight]
            languages = {}
            for _, team in people:
                for language in LANGUAGES[team]:
                    suggested = random.randint(20, 60)
                    entry = languages.setdefault(language, [0, 0, 0, 0, 0])
                    entry[0] += 1
                    entry[1] += suggested
                    entry[2] += int(suggested * random.uniform(0.2, 0.4))
                    entry[3] += suggested * 2
                    entry[4] += int(suggested * random.uniform(0.3, 0.6))
            if people:
                editors.append({"name": editor, "total_engaged_users": len(people), "models": [{
                    "name": "default", "is_custom_model": False, "custom_model_training_date": None, "total_engaged_users": len(people),
                    "languages": [{"name": name, "total_engaged_users": v[0], "total_code_suggestions": v[1], "total_code_acceptances": v[2],
                                   "total_code_lines_suggested": v[3], "total_code_lines_accepted": v[4]} for name, v in sorted(languages.items())]}]})
        engaged = len(active_logins)
        chatters = sum(1 for _ in active_logins if random.random() < 0.4)
        record = {
            "date": day.isoformat(), "total_active_users": engaged + (1 if engaged else 0), "total_engaged_users": engaged,
            "copilot_ide_code_completions": {"total_engaged_users": engaged, "languages": [], "editors": editors},
            "copilot_ide_chat": {"total_engaged_users": chatters, "editors": [{"name": "vscode", "total_engaged_users": chatters, "models": [
                {"name": "default", "is_custom_model": False, "custom_model_training_date": None, "total_engaged_users": chatters, "total_chats": chatters * 3,
                 "total_chat_insertion_events": chatters, "total_chat_copy_events": chatters}]}]},
            "copilot_dotcom_chat": {"total_engaged_users": 0, "models": []},
            "copilot_dotcom_pull_requests": {"total_engaged_users": engaged // 4, "repositories": []},
        }
        by_month.setdefault(day.strftime("%Y-%m"), []).append(record)
        if (day + dt.timedelta(days=1)).day == 1:
            seats = [{"created_at": f"{PLAN[team][0].isoformat()}T10:00:00Z", "updated_at": f"{PLAN[team][0].isoformat()}T10:00:00Z",
                      "pending_cancellation_date": None, "plan_type": "business",
                      "last_activity_at": last_active[login].strftime("%Y-%m-%dT%H:%M:%SZ") if login in last_active else None,
                      "last_activity_editor": "vscode/1.96.0/copilot/1.250.0" if login in last_active else None,
                      "assignee": {"login": login, "type": "User"}}
                     for login, team in sorted(users.items()) if PLAN[team][0] <= day]
            with open(os.path.join(OUT, f"seats-{day:%Y-%m}.json"), "w") as f:
                json.dump({"total_seats": len(seats), "seats": seats}, f, separators=(",", ":"))
            # A seat's last activity is seen once per sync; the next month starts afresh.
            last_active.clear()
    for month, records in by_month.items():
        with open(os.path.join(OUT, f"metrics-{month}.json"), "w") as f:
            json.dump(records, f, separators=(",", ":"))

    trailers = {}
    for service in sorted(os.listdir(os.path.join(ROOT, "github"))):
        team = services.get(service)
        adopted = PLAN.get(team, (None, None, 0, 0))[1]
        pulls = json.load(open(os.path.join(ROOT, "github", service, "pulls.json")))
        picked = []
        for pull in pulls:
            merged = pull.get("merged_at")
            if not merged:
                continue
            day = dt.date.fromisoformat(merged[:10])
            share = 0.55 if adopted and day >= adopted else 0.04
            if random.random() < share:
                picked.append(pull["number"])
        trailers[service] = {str(n): [TRAILER] for n in sorted(picked)}
    with open(os.path.join(OUT, "commit-trailers.json"), "w") as f:
        json.dump(trailers, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
