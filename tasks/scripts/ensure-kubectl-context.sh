#!/usr/bin/env bash
# Make sure the local kubeconfig has a context; fetch and merge it if not.
#
#   ensure-kubectl-context.sh minikube-indri | k3s-ringtail
#
# Credentials travel through pipes and 0600 files only, never argv.
set -euo pipefail
source "$BLUMEOPS_ROOT/tasks/scripts/lib.sh"

context=${1:?usage: ensure-kubectl-context.sh CONTEXT}
tailnet=tail8d86e.ts.net

# `grep -q` would stop reading at the first match and, under pipefail, turn the
# writer's SIGPIPE into a failure; `grep >/dev/null` reads everything.
has_context() { kubectl config get-contexts -o name | grep -xF "$1" >/dev/null; }

if has_context "$context"; then
  ok "kubectl context $context is configured"
  exit 0
fi

case "$context" in
  minikube-indri)
    # minikube names everything "minikube"; the API server is published on
    # indri's tailnet address by the minikube role's socat forward.
    host=indri.$tailnet
    remote_name=minikube
    server=https://$host:8443
    fetch() { ssh -o BatchMode=yes "$host" kubectl config view --raw --flatten --minify --context minikube; }
    ;;
  k3s-ringtail)
    host=ringtail.$tailnet
    remote_name=default
    server=https://$host:6443
    local_copy=$HOME/.kube/k3s-ringtail.yaml  # written by the k3s Ansible role
    fetch() {
      if [[ -s $local_copy ]]; then cat "$local_copy"
      else ssh -o BatchMode=yes "$host" sudo cat /etc/rancher/k3s/k3s.yaml
      fi
    }
    ;;
  *)
    die "no recipe for context $context"
    ;;
esac

umask 077
mkdir -p "$HOME/.kube"
workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT

note "fetching $context from $host"
fetch |
  sed -E \
    -e "s#^([[:space:]]*-?[[:space:]]*(name|cluster|user|current-context):[[:space:]]*)$remote_name\$#\\1$context#" \
    -e "s#^([[:space:]]*server:[[:space:]]*).*#\\1$server#" \
    >"$workdir/new.yaml"

KUBECONFIG=$workdir/new.yaml has_context "$context" \
  || die "the fetched kubeconfig has no context $context; check the recipe in $0"

target=${KUBECONFIG:-$HOME/.kube/config}
target=${target%%:*}
touch "$target"
cp "$target" "$workdir/backup.yaml"
KUBECONFIG=$target:$workdir/new.yaml kubectl config view --raw --flatten >"$workdir/merged.yaml"
mv "$workdir/merged.yaml" "$target"

kubectl --context "$context" version --request-timeout=10s >/dev/null \
  || { cp "$workdir/backup.yaml" "$target"; die "merged $context but its API server does not answer; kubeconfig restored"; }
ok "added kubectl context $context to $target"
