#!/usr/bin/env bash
# Runs every test project. As root on a fresh Debian machine it first installs what the tests need.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x /usr/sbin/sshd ] || need+=(openssh-server)
command -v ssh >/dev/null || need+=(openssh-client)
command -v rsync >/dev/null || need+=(rsync)
command -v tar >/dev/null || need+=(tar)
command -v curl >/dev/null || need+=(curl ca-certificates)
# python3: its email parser (the one cloud-init uses) checks the MIME user data acode builds.
command -v python3 >/dev/null || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "missing: ${need[*]} (run as root, or install them)" >&2; exit 1; fi
  echo "installing: ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# sshd refuses to start as root without its privilege-separation folder.
[ "$(id -u)" != 0 ] || mkdir -p /run/sshd

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Acode.slnx -c Release -nologo -v quiet

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
# A test (or fixture) that makes no progress for 10 minutes gets its test host dumped (small dump) and killed, which
# fails the run and names the test; the outer timeout bounds the step even if dotnet test itself stalls (--foreground
# keeps Ctrl-C reaching dotnet test when run by hand).
timeout --foreground --kill-after=2m 40m \
  dotnet test Acode.slnx -c Release --no-build --blame-hang-timeout 10m --blame-hang-dump-type mini "$@" 2>&1 \
  | tee "$log" || status=$?

# One plain closing line for the whole run, summed over the test projects. An aborted test run (a hung or crashed
# host) counts as one failure more than its report shows: the test it was running never reported.
awk -v status="$status" '
  /(Passed|Failed)! +- Failed:/ { gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
  /^Test Run Aborted\./ { aborted++ }
  /The test running when the crash occurred:/ { if ((getline name) > 0) running = running " " name }
  END {
    printf "%d passed, %d failed, %d skipped", p, f + aborted, s
    if (aborted) printf " (%d test run(s) aborted: a test hung or crashed its host%s)", aborted, running == "" ? "" : ";" running
    else if (status == 124 || status == 137) printf " (dotnet test stopped by the 40-minute timeout)"
    else if (status != 0 && f == 0) printf " (dotnet test exited with status %d)", status
    printf "\n"
  }' "$log"
exit "$status"
