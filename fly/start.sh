#!/bin/sh
# Join the tailnet, then run Caddy in the foreground.
set -eu

mkdir -p /var/run/tailscale
# In-memory state: with an ephemeral key the node is removed from the
# tailnet shortly after this machine stops.
tailscaled --state=mem: --socket=/var/run/tailscale/tailscaled.sock &

# The auth key arrives as a fly secret. Hand it to tailscale through a
# private file rather than argv, where any process could read it.
umask 077
printf '%s' "${TS_AUTHKEY:?TS_AUTHKEY is not set; run blumeops fly-setup}" > /run/ts-authkey
unset TS_AUTHKEY
tailscale up \
	--auth-key=file:/run/ts-authkey \
	--hostname="fly-edge-${FLY_REGION:-unknown}" \
	--advertise-tags=tag:edge \
	--accept-dns=false
rm -f /run/ts-authkey

exec caddy run --adapter caddyfile --config /etc/caddy/Caddyfile
