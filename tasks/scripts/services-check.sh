#!/usr/bin/env bash
# Health of the whole homelab, one line per check. Every check runs even
# when an earlier one failed; the script fails at the end if any did.
# Every kubectl call names its context: the current context is never used.
set -euo pipefail
source "$BLUMEOPS_ROOT/tasks/scripts/lib.sh"

failures=()

# check NAME COMMAND... : run COMMAND, report, remember a failure.
check() {
  local name=$1 output
  shift
  if output=$("$@" 2>&1); then
    ok "$name"
  else
    fail "$name"
    # awk, not head: head would stop reading and, under pipefail, end the script.
    if [[ -n $output ]]; then printf '%s\n' "$output" | awk 'NR <= 20 { print "    " $0 }'; fi
    failures+=("$name")
  fi
}

nodes_ready() {
  local ctx=$1 not_ready
  not_ready=$(kubectl --context "$ctx" get nodes --request-timeout=15s --no-headers |
    awk '$2 != "Ready" { print $1 " is " $2 }')
  [[ -z $not_ready ]] || { echo "$not_ready"; return 1; }
}

pods_settled() {
  local ctx=$1 bad
  bad=$(kubectl --context "$ctx" get pods -A --request-timeout=15s --no-headers \
    --field-selector=status.phase!=Running,status.phase!=Succeeded)
  [[ -z $bad ]] || { echo "$bad"; return 1; }
}

argocd_in_sync() {
  local bad
  bad=$(kubectl --context minikube-indri -n argocd get applications.argoproj.io \
    --request-timeout=15s \
    -o jsonpath='{range .items[*]}{.metadata.name}{"\t"}{.status.sync.status}{"\t"}{.status.health.status}{"\n"}{end}' |
    awk -F'\t' '$2 != "Synced" || $3 != "Healthy" { print $1 ": " $2 ", " $3 }')
  [[ -z $bad ]] || { echo "$bad"; return 1; }
}

gpu_allocatable() {
  local gpus
  gpus=$(kubectl --context k3s-ringtail get nodes --request-timeout=15s \
    -o jsonpath='{.items[*].status.allocatable.nvidia\.com/gpu}')
  [[ ${gpus:-0} -ge 1 ]] || { echo "no nvidia.com/gpu allocatable on k3s-ringtail"; return 1; }
}

http_ok() {
  curl -fsS -o /dev/null --max-time 10 --retry 1 "$1"
}

prometheus_targets_up() {
  local down
  down=$(curl -fsS --max-time 10 --get --data-urlencode 'query=up == 0' \
    https://prometheus.eblu.me/api/v1/query |
    grep -o '"job":"[^"]*","instance":"[^"]*"' || true)
  [[ -z $down ]] || { echo "$down"; return 1; }
}

echo "clusters"
check "minikube-indri nodes Ready" nodes_ready minikube-indri
check "minikube-indri pods Running" pods_settled minikube-indri
check "k3s-ringtail nodes Ready" nodes_ready k3s-ringtail
check "k3s-ringtail pods Running" pods_settled k3s-ringtail
check "k3s-ringtail GPU allocatable" gpu_allocatable
check "Argo CD applications Synced and Healthy" argocd_in_sync

echo "public (through the fly.io edge)"
check "eblu.me" http_ok https://eblu.me/
check "forge.eblu.me" http_ok https://forge.eblu.me/api/healthz

echo "tailnet"
check "registry.eblu.me" http_ok https://registry.eblu.me/v2/
check "grafana.eblu.me" http_ok https://grafana.eblu.me/api/health
check "prometheus.eblu.me" http_ok https://prometheus.eblu.me/-/ready
check "feed.eblu.me" http_ok https://feed.eblu.me/healthcheck
check "music.eblu.me" http_ok https://music.eblu.me/ping
check "photos.eblu.me" http_ok https://photos.eblu.me/api/server/ping
check "ai.eblu.me" http_ok https://ai.eblu.me/api/version
check "comfy.eblu.me" http_ok https://comfy.eblu.me/system_stats

echo "monitoring"
check "every Prometheus target up" prometheus_targets_up

echo
if ((${#failures[@]})); then
  fail "${#failures[@]} check(s) failed: $(IFS=,; echo "${failures[*]}" | sed 's/,/, /g')"
  exit 1
fi
ok "all checks passed"
