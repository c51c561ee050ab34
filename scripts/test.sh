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
status=0
# The hang timeout turns a stuck test into a failure with a dump instead of eating CI's time.
dotnet test Acode.slnx -c Release --no-build --blame-hang-timeout 10m "$@" 2>&1 | tee "$log" || status=$?

# One plain closing line for the whole run, summed over the test projects.
awk '/(Passed|Failed)! +- Failed:/ { gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit $status
