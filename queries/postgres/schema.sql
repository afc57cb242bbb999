-- PostgreSQL 15 copy of the tables the DORA metrics read, with the indexes a row-store deployment would add,
-- for the benchmark against DuckDB (tests/Analytics.Benchmarks/PostgresComparisonBenchmarks.cs).
DROP TABLE IF EXISTS services, deployments, changes, incidents;
CREATE TABLE services (service_id text PRIMARY KEY, team_id text NOT NULL, created_on date, retired_on date);
CREATE TABLE deployments (
    deployment_id text PRIMARY KEY, service_id text NOT NULL, environment text NOT NULL, sha text,
    started_at timestamptz NOT NULL, finished_at timestamptz, status text NOT NULL,
    is_rollback boolean NOT NULL, is_hotfix boolean NOT NULL, via_platform boolean NOT NULL, deployed_by text);
CREATE TABLE changes (
    change_id text PRIMARY KEY, kind text NOT NULL, parent_change_id text, service_id text NOT NULL,
    first_commit_at timestamptz, labels text[], deployment_id text, deployed_at timestamptz);
CREATE TABLE incidents (
    incident_id text PRIMARY KEY, service_id text, severity text NOT NULL, opened_at timestamptz NOT NULL,
    resolved_at timestamptz, caused_by_deployment_id text);
