"""Running the web app: uvicorn on loopback unless told otherwise."""

from __future__ import annotations

import ipaddress
import sys
from pathlib import Path

from web.app import DEFAULT_REPLAY, create_app


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(db: Path, *, host: str = "127.0.0.1", port: int = 8321, replay_url: str = DEFAULT_REPLAY) -> None:
    """Serve the archive until interrupted. A host other than loopback is the user's choice
    (a lab's shared machine) and gets a warning: the pages show everything archived."""
    import uvicorn

    if not is_loopback(host):
        print(
            f"warning: serving on {host}, reachable from other machines; the archive is shown "
            "read-only to anyone who can connect",
            file=sys.stderr,
        )
    print(f"govarchive web: http://{host}:{port}/ (archive {db}; Ctrl-C stops)", file=sys.stderr)
    uvicorn.run(
        create_app(db, replay_url=replay_url),
        host=host,
        port=port,
        log_level="warning",
        server_header=False,
        proxy_headers=False,
    )
