"""Manual ingest is a door to the network: only public http(s) addresses go through it.

Loopback, private, link-local and reserved addresses are refused unless the caller
allows them explicitly (tests and the local demo do), and the check runs on every
redirect hop against every address the name resolves to.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

import settings


class UnsafeURL(ValueError):
    """The URL points somewhere an archive fetcher must not go."""


ALLOWED_SCHEMES = ("http", "https")


def private_allowed(flag: bool = False) -> bool:
    return flag or settings.current().allow_private


def _is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    # is_global also excludes what is neither private nor public (100.64/10 carrier NAT,
    # 192.0.0/24, documentation ranges); the explicit list keeps the intent readable.
    return ip.is_global and not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


def is_public_address(address: str) -> bool:
    """Whether an IP address (as text) may be contacted without --allow-private."""
    try:
        return _is_public(ipaddress.ip_address(address.split("%")[0].strip("[]")))
    except ValueError:
        return False


def resolve(host: str) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise UnsafeURL(f"cannot resolve host {host!r}: {exc.strerror}") from exc
    return [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]


def check_url(url: str, *, allow_private: bool) -> None:
    """Raise UnsafeURL unless url is http(s) to a host we may contact."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise UnsafeURL(f"refused {url!r}: only http and https URLs can be ingested")
    if not parts.hostname:
        raise UnsafeURL(f"refused {url!r}: no host name")
    if allow_private:
        return
    for ip in resolve(parts.hostname):
        if not _is_public(ip):
            raise UnsafeURL(
                f"refused {url!r}: {parts.hostname} is a loopback/private/link-local address ({ip}); "
                "use --allow-private or GOVARCHIVE_ALLOW_PRIVATE=1 to allow it"
            )
