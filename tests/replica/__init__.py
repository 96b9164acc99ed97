"""A loopback replica of the real sites (see README.md): generator, server, faults, control.

Names are resolved lazily so `python -m tests.replica.server` does not import the
server module twice.
"""

from __future__ import annotations

from typing import Any

_EXPORTS = {
    "ReplicaServer": "server", "Replica": "site", "ArticleTruth": "site", "DEFAULT_ARTICLES": "site",
    "HOSTS": "site", "SITE_KEYS": "site", "LocalControl": "control", "HttpControl": "control",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(name)
    from importlib import import_module

    return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
