#!/usr/bin/env bash
# Ask Argo CD to sync one Application now and wait for the result. Works
# with kubectl alone: the sync is requested by setting `.operation` on the
# Application, exactly as the argocd CLI does.
#
#   argocd-sync.sh APP
set -euo pipefail
source "$BLUMEOPS_ROOT/tasks/scripts/lib.sh"

app=${1:?usage: argocd-sync.sh APP}
ctx=minikube-indri
k() { kubectl --context "$ctx" -n argocd "$@"; }

k get applications.argoproj.io "$app" -o name >/dev/null

phase=$(k get applications.argoproj.io "$app" -o jsonpath='{.status.operationState.phase}')
[[ $phase == Running ]] && die "$app already has a sync running; wait for it or check the Argo CD UI"

k annotate applications.argoproj.io "$app" argocd.argoproj.io/refresh=normal --overwrite >/dev/null
k patch applications.argoproj.io "$app" --type merge -p '{
  "operation": {
    "initiatedBy": {"username": "blumeops"},
    "sync": {"prune": false, "syncStrategy": {"hook": {}}}
  }
}' >/dev/null
note "sync of $app requested"

# Up to 10 minutes; the task's own timeout is the backstop.
for _ in $(seq 1 120); do
  sleep 5
  phase=$(k get applications.argoproj.io "$app" -o jsonpath='{.status.operationState.phase}')
  case $phase in
    Succeeded)
      k get applications.argoproj.io "$app" \
        -o jsonpath='{.status.sync.status}{" at "}{.status.sync.revision}{", health "}{.status.health.status}{"\n"}'
      ok "$app synced"
      exit 0
      ;;
    Failed | Error)
      k get applications.argoproj.io "$app" -o jsonpath='{.status.operationState.message}{"\n"}' >&2
      fail "$app sync $phase"
      exit 1
      ;;
  esac
done
fail "$app sync still ${phase:-pending} after 10 minutes"
exit 1
