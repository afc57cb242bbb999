#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 (Debian's package, installed when missing) for the comparison benchmark and
# prints its connection string. Stop it with: runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D /tmp/pulse-pg stop
set -euo pipefail
bin=/usr/lib/postgresql/15/bin
if [ ! -x "$bin/initdb" ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
fi
dir=${PULSE_PG_DIR:-/tmp/pulse-pg}
if [ ! -f "$dir/PG_VERSION" ]; then
  mkdir -p "$dir" && chown postgres "$dir"
  runuser -u postgres -- "$bin/initdb" -D "$dir" -A trust >/dev/null
fi
# Tuned as one would for analytics on this 24 GiB machine: large buffers and sort memory, parallel workers.
runuser -u postgres -- "$bin/pg_ctl" -D "$dir" -l "$dir/log" -w start \
  -o "-p 5499 -k $dir -c shared_buffers=4GB -c work_mem=512MB -c effective_cache_size=16GB -c max_parallel_workers_per_gather=2" >/dev/null \
  || grep -q "is running" <(runuser -u postgres -- "$bin/pg_ctl" -D "$dir" status)
echo "Host=$dir;Port=5499;Username=postgres;Database=postgres"
