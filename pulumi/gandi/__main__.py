"""The eblu.me zone on Gandi LiveDNS.

Two kinds of names live here:

* public names (the apex, www, forge) point at the fly.io edge proxy,
  which forwards over the tailnet to Caddy on indri;
* private names (grafana, feed, photos, ...) point straight at indri's
  tailnet address. Anyone can resolve them, only tailnet members can
  connect, and Caddy still gets real certificates via DNS-01.

Preview with `blumeops dns-preview`; apply with `blumeops dns-up`.
"""

import os

import pulumi
import pulumiverse_gandi as gandi

config = pulumi.Config()
zone = config.require("zone")
ttl = config.get_int("ttl") or 300
indri_ip = config.require("indriTailnetIp")
fly_app = config.require("flyApp")
fly_ipv4 = config.require("flyIpv4")
fly_ipv6 = config.require("flyIpv6")

if not os.environ.get("GANDI_PERSONAL_ACCESS_TOKEN") and not pulumi.Config("gandi").get(
    "personalAccessToken"
):
    raise RuntimeError(
        "GANDI_PERSONAL_ACCESS_TOKEN is not set; run through `blumeops dns-preview`, "
        "which reads it from 1Password"
    )

FLY_TARGET = f"{fly_app}.fly.dev."

# Names served publicly through the edge proxy.
PUBLIC_CNAMES = ["www", "forge"]

# Names that only answer on the tailnet (Caddy on indri routes them).
PRIVATE_NAMES = [
    "argocd",
    "feed",
    "grafana",
    "music",
    "photos",
    "prometheus",
    "registry",
    "ai",
    "comfy",
]


def record(resource: str, name: str, rtype: str, values: list[str], record_ttl: int = ttl):
    return gandi.livedns.Record(
        resource,
        zone=zone,
        name=name,
        type=rtype,
        ttl=record_ttl,
        values=values,
    )


def txt(value: str) -> str:
    """LiveDNS wants TXT values with their quotes."""
    return f'"{value}"'


# --- apex and public names ---------------------------------------------------

record("apex-a", "@", "A", [fly_ipv4])
record("apex-aaaa", "@", "AAAA", [fly_ipv6])
for name in PUBLIC_CNAMES:
    record(f"{name}-cname", name, "CNAME", [FLY_TARGET])

# Only Let's Encrypt may issue for the zone (fly.io and Caddy both use it).
record("apex-caa", "@", "CAA", ['0 issue "letsencrypt.org"', '0 iodef "mailto:ops@eblu.me"'])

# --- tailnet-only names ---------------------------------------------------------

for name in PRIVATE_NAMES:
    record(f"{name}-a", name, "A", [indri_ip])

# --- mail (Gandi mailboxes) -------------------------------------------------------

record("apex-mx", "@", "MX", ["10 spool.mail.gandi.net.", "50 fb.mail.gandi.net."], 10800)
record("apex-spf", "@", "TXT", [txt("v=spf1 include:_mailcust.gandi.net ~all")], 10800)
record(
    "dmarc",
    "_dmarc",
    "TXT",
    [txt("v=DMARC1; p=quarantine; rua=mailto:dmarc@eblu.me; adkim=s; aspf=s")],
    10800,
)
for selector in ("gm1", "gm2", "gm3"):
    record(f"dkim-{selector}", f"{selector}._domainkey", "CNAME", [f"{selector}.gandimail.net."], 10800)
record("imap", "imap", "CNAME", ["access.mail.gandi.net."], 10800)
record("smtp", "smtp", "CNAME", ["relay.mail.gandi.net."], 10800)

pulumi.export("zone", zone)
pulumi.export("public_names", [zone] + [f"{n}.{zone}" for n in PUBLIC_CNAMES])
pulumi.export("private_names", [f"{n}.{zone}" for n in PRIVATE_NAMES])
