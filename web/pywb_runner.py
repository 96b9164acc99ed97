"""Runs under pywb's own environment (`.venv-replay`), not govarchive's: pywb pins
libraries (redis 2.10) that Prefect's cannot share, so it lives in a venv of its own
and this script is all govarchive asks of it. It imports nothing of govarchive.

    python pywb_runner.py RUN_DIR CAPTURES.jsonl ARCHIVE_ROOT HOST PORT

Turns the capture list govarchive wrote (warehouse/replay_index.py) into a sorted
CDXJ index with pywb's own URL keys, writes the collection's config, serves it.
"""

from __future__ import annotations

import json
import os
import sys

from pywb.utils.canonicalize import canonicalize

COLLECTION = "archive"


def write_index(captures: str, out: str) -> int:
    lines = []
    with open(captures, encoding="utf-8") as fh:
        for raw in fh:
            entry = json.loads(raw)
            timestamp = entry.pop("timestamp")
            try:
                key = canonicalize(entry["url"])
            except Exception:  # a URL pywb cannot key would never be asked for
                continue
            lines.append(f"{key} {timestamp} {json.dumps(entry, ensure_ascii=False)}\n")
    lines.sort()
    with open(out, "w", encoding="utf-8") as fh:
        fh.writelines(lines)
    return len(lines)


def write_config(run_dir: str, archive_root: str) -> None:
    # JSON is YAML: no YAML writer needed, and no value can break the syntax
    config = {
        "collections": {
            COLLECTION: {
                "index_paths": os.path.join(run_dir, "index.cdxj"),
                "archive_paths": [archive_root.rstrip("/") + "/", run_dir.rstrip("/") + "/"],
            }
        },
        "framed_replay": False,
        "enable_memento": True,
    }
    with open(os.path.join(run_dir, "config.yaml"), "w", encoding="utf-8") as fh:
        json.dump(config, fh)


def main(argv: list[str]) -> int:
    run_dir, captures, archive_root, host, port = argv
    n = write_index(captures, os.path.join(run_dir, "index.cdxj"))
    write_config(run_dir, archive_root)
    print(f"pywb: {n} captures indexed", file=sys.stderr, flush=True)
    from pywb.apps.cli import wayback

    return wayback(["--bind", host, "--port", port, "--directory", run_dir]) or 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
