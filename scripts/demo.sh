#!/usr/bin/env bash
# The main job on the embedded EC2 emulator: provision an instance, upload a small workspace, run a command with its
# output streamed, download a result, terminate, and print how long it took and what it would have cost.
# Nothing leaves this machine and nothing is spent. Run as root: the emulator's instances then serve SSH on port 22
# as on EC2 (without root acode still works, with sshd on a high port logging in the current user).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dotnet build "$root/src/Acode.Cli" -c Release -v quiet -nologo >/dev/null
workspace="$(mktemp -d)"
trap 'rm -rf "$workspace"' EXIT
printf 'hello from %s\n' "$(hostname)" > "$workspace/greeting.txt"
cd "$workspace"
dotnet "$root/src/Acode.Cli/bin/Release/net10.0/acode.dll" exec --emulator --download result.txt:./result.txt -- \
  'uname -a; cat greeting.txt; echo "built on $(hostname) at $(date -u +%H:%M:%S)" > result.txt'
echo "downloaded: $(cat result.txt)"
