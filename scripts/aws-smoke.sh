#!/usr/bin/env bash
# An opt-in check of acode against a real AWS account (issue 13). Never run by CI: it spends real money (bounded).
#   AWS credentials as for the AWS CLI (env, profile, SSO); region from $1, AWS_REGION or us-east-1.
#   ACODE_SMOKE_MAX_COST   USD the run may spend at most (default 0.05); caps the spot price and the instance's life.
#   ACODE_SMOKE_TYPE       instance type (default t4g.micro, among the cheapest spot types; arm64 Amazon Linux 2023).
# Steps: target test --dry-run, one exec on spot with the budget cap, cleanup --yes, then everything tagged by this
# run that still exists is listed and the script fails if there is any. Needs: dotnet, aws (AWS CLI v2).
set -euo pipefail
cd "$(dirname "$0")/.."

region=${1:-${AWS_REGION:-us-east-1}}
max_cost=${ACODE_SMOKE_MAX_COST:-0.05}
type=${ACODE_SMOKE_TYPE:-t4g.micro}
run="smoke-$(date -u +%Y%m%dT%H%M%SZ)-$$"
command -v aws >/dev/null || { echo "aws-smoke: needs the AWS CLI (aws)" >&2; exit 2; }
aws sts get-caller-identity --output text --query Arn >/dev/null || { echo "aws-smoke: no usable AWS credentials" >&2; exit 2; }

# Budget: the instance lives at most 15 minutes (dead-man switch), so a spot price cap of 4 x max_cost per hour keeps
# the instance under max_cost; EBS (8 GiB gp3 for 15 min) and the public IPv4 address add well under a cent.
spot_cap=$(awk -v c="$max_cost" 'BEGIN { printf "%.4f", c * 4 }')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/.acode"
cat > "$work/.acode/config.yml" <<YAML
mode: burst
ec2Target:
  region: $region
  instanceType: $type
  spotEnabled: true
  spotMaxPrice: "$spot_cap"
  spotFallbackToOnDemand: false
  ebsSizeGb: 8
  maxLifetime: 15m
  tags:
    acode-smoke: $run
YAML
echo "aws-smoke: run $run in $region, $type spot capped at \$$spot_cap/h, at most \$$max_cost"

dotnet build src/Acode.Cli -c Release -nologo -v quiet
acode() { (cd "$work" && dotnet "$OLDPWD/src/Acode.Cli/bin/Release/net10.0/acode.dll" "$@"); }

status=0
acode target test ec2 --dry-run || { echo "aws-smoke: target test --dry-run failed" >&2; status=1; }
if [ $status -eq 0 ]; then
  acode exec --target ec2 -- 'uname -a && cat /etc/os-release | head -2' || { echo "aws-smoke: exec failed" >&2; status=1; }
fi
acode target ec2 cleanup --yes || status=1

filter="Name=tag:acode-smoke,Values=$run"
left=$(aws ec2 describe-instances --region "$region" --filters "$filter" Name=instance-state-name,Values=pending,running,stopping,stopped \
  --query 'Reservations[].Instances[].InstanceId' --output text)
groups=$(aws ec2 describe-security-groups --region "$region" --filters "$filter" --query 'SecurityGroups[].GroupId' --output text)
keys=$(aws ec2 describe-key-pairs --region "$region" --filters "$filter" --query 'KeyPairs[].KeyName' --output text)
volumes=$(aws ec2 describe-volumes --region "$region" --filters "$filter" --query 'Volumes[].VolumeId' --output text)
if [ -n "$left$groups$keys$volumes" ]; then
  echo "aws-smoke: left behind by $run: instances [$left] groups [$groups] key pairs [$keys] volumes [$volumes]" >&2
  exit 1
fi
[ $status -eq 0 ] && echo "aws-smoke: passed; nothing tagged acode-smoke=$run remains"
exit $status
