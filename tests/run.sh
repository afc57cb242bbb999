#!/usr/bin/env bash
# Runs every test. A fresh Debian machine needs only the .NET 10 SDK: what the tests use beyond it is installed
# here when missing (with apt-get as root, or through sudo), then the whole solution is tested.
set -uo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)               # browser tests, and the PDF report is printed by it
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)   # the charts' and the report's font
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)   # report tests render the PDF's pages to PNG to look at
compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null || missing+=(postgresql)   # the shared Hangfire queue tests start their own
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null || {
    echo "could not install ${missing[*]}: install them with apt-get and run again" >&2; exit 1; }
fi

# A test that hangs fails by name after five minutes instead of holding the run until CI gives up.
exec dotnet test Analytics.sln --blame-hang-timeout 5m --blame-hang-dump-type none "$@"
