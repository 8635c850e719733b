"""The BlumeOps tailnet as code.

Everything an operator would otherwise click in the Tailscale admin
console lives here: which tags exist and who may assign them, what each
kind of machine may reach (grants), Tailscale SSH rules, policy tests,
DNS, device tags, and the auth key the fly.io edge proxy joins with.

Preview with `blumeops tailnet-preview`; apply with `blumeops tailnet-up`.
"""

import json

import pulumi
import pulumi_tailscale as tailscale

config = pulumi.Config()
tailnet_domain = config.require("tailnetDomain")
public_domain = config.require("publicDomain")
fly_key_expiry_days = config.get_int("flyKeyExpiryDays") or 90
fly_key_generation = config.get_int("flyKeyGeneration") or 1

# --- machines -------------------------------------------------------------

# Tags say what a machine *is*; grants below say what each kind may reach.
HOSTS = {
    "indri": {"tags": ["tag:server"], "key_expiry_disabled": True},
    "ringtail": {"tags": ["tag:server", "tag:gpu"], "key_expiry_disabled": True},
    "sifaka": {"tags": ["tag:nas"], "key_expiry_disabled": True},
    "gilbert": {"tags": ["tag:workstation"], "key_expiry_disabled": False},
}

TAGS = ["tag:server", "tag:nas", "tag:gpu", "tag:workstation", "tag:edge", "tag:ci"]

# --- policy -----------------------------------------------------------------

ADMINS = ["autogroup:admin"]

grants = [
    # The owner's own devices reach everything.
    {"src": ADMINS, "dst": ["*"], "ip": ["*"]},
    # Workstations operate the servers: SSH for Ansible, the k8s APIs,
    # and HTTPS to every service.
    {
        "src": ["tag:workstation"],
        "dst": ["tag:server", "tag:nas", "tag:gpu"],
        "ip": ["tcp:22", "tcp:443", "tcp:6443", "tcp:8443"],
    },
    # Servers back up to and mount from the NAS (borg over SSH, NFS), and
    # Prometheus on indri scrapes the NAS exporters.
    {
        "src": ["tag:server"],
        "dst": ["tag:nas"],
        "ip": ["tcp:22", "tcp:2049", "tcp:9100", "tcp:9633"],
    },
    # Caddy on indri forwards to ringtail's Traefik; Argo CD on indri
    # drives ringtail's k3s API; Prometheus scrapes ringtail.
    {"src": ["tag:server"], "dst": ["tag:gpu"], "ip": ["tcp:80", "tcp:6443", "tcp:9100"]},
    # ringtail pulls images from zot and the repo from Forgejo via Caddy.
    {"src": ["tag:gpu"], "dst": ["tag:server"], "ip": ["tcp:443"]},
    # The fly.io edge proxy may only reach Caddy on indri.
    {"src": ["tag:edge"], "dst": ["tag:server"], "ip": ["tcp:443"]},
    # CI runners (ephemeral) reach the forge and registry, nothing else.
    {"src": ["tag:ci"], "dst": ["tag:server"], "ip": ["tcp:443"]},
]

ssh = [
    # Tailscale SSH for the owner, with a fresh check for root.
    {
        "action": "accept",
        "src": ADMINS,
        "dst": ["tag:server", "tag:nas", "tag:gpu"],
        "users": ["autogroup:nonroot", "eblume"],
    },
    {
        "action": "check",
        "checkPeriod": "12h",
        "src": ADMINS,
        "dst": ["tag:server", "tag:nas", "tag:gpu"],
        "users": ["root"],
    },
]

# Tailscale refuses a policy whose tests fail, so a grant that is too
# broad or too narrow is caught at `pulumi up`, not in production.
tests = [
    {"src": "tag:edge", "accept": ["tag:server:443"], "deny": ["tag:nas:22", "tag:gpu:80"]},
    {"src": "tag:server", "accept": ["tag:nas:22", "tag:nas:2049"], "deny": ["tag:workstation:22"]},
    {"src": "tag:ci", "accept": ["tag:server:443"], "deny": ["tag:server:22", "tag:nas:22"]},
    {"src": "tag:gpu", "accept": ["tag:nas:22"], "deny": ["tag:workstation:22"]},
]

policy = {
    "tagOwners": {tag: ADMINS for tag in TAGS},
    "grants": grants,
    "ssh": ssh,
    "tests": tests,
    "nodeAttrs": [
        # indri may use Funnel for a one-off webhook while the fly.io edge
        # proxy is shut off.
        {"target": ["tag:server"], "attr": ["funnel"]},
    ],
}

acl = tailscale.Acl(
    "policy",
    acl=json.dumps(policy, indent=2),
    overwrite_existing_content=True,
)

# --- DNS ----------------------------------------------------------------------

dns = tailscale.DnsConfiguration(
    "dns",
    magic_dns=True,
    override_local_dns=True,
    nameservers=[
        tailscale.DnsConfigurationNameserverArgs(address="1.1.1.1"),
        tailscale.DnsConfigurationNameserverArgs(address="9.9.9.9"),
        tailscale.DnsConfigurationNameserverArgs(address="2606:4700:4700::1111"),
    ],
    # `ssh indri` and `curl https://forge` work without the full names.
    search_paths=[tailnet_domain, public_domain],
)

# --- devices ------------------------------------------------------------------

for host, spec in HOSTS.items():
    device = tailscale.get_device_output(name=f"{host}.{tailnet_domain}")
    tailscale.DeviceTags(
        f"{host}-tags",
        device_id=device.node_id,
        tags=spec["tags"],
        opts=pulumi.ResourceOptions(depends_on=[acl]),
    )
    tailscale.DeviceKey(
        f"{host}-key",
        device_id=device.node_id,
        key_expiry_disabled=spec["key_expiry_disabled"],
    )

# --- keys -----------------------------------------------------------------------

# The edge proxy on fly.io is an ephemeral node: every deploy joins fresh
# and disappears from the tailnet when the machine stops.
fly_key = tailscale.TailnetKey(
    f"fly-edge-gen{fly_key_generation}",
    description=f"fly.io edge proxy (gen {fly_key_generation})",
    reusable=True,
    ephemeral=True,
    preauthorized=True,
    tags=["tag:edge"],
    expiry=fly_key_expiry_days * 24 * 3600,
    opts=pulumi.ResourceOptions(depends_on=[acl]),
)

pulumi.export("tags", TAGS)
pulumi.export("search_paths", dns.search_paths)
pulumi.export("fly_authkey", pulumi.Output.secret(fly_key.key))
pulumi.export("fly_authkey_expires_at", fly_key.expires_at)
