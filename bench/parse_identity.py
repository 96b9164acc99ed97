"""Parse-identity guard: every page the parser is judged on, parsed, every Document field kept.

Why: speed work on `parsers/` must not change a single output. This script parses a
fixed set of pages and writes every field of each `Document` (`to_dict(json_safe=True)`,
or the ParseError's kind and message) to one JSON file; run it on the untouched code,
then after each change, and compare. Any difference is a bug in the change, never a
new baseline.

The pages:
- `real:`    every HTML file of the real-page corpus mirrors (`bench/real_corpus.py`;
             the labelled pages with their labelled URL, the others with a made-up one);
- `golden:`  every `.html` under `tests/` (replica golden pages with the URL and
             content type of their `.json`, parser fixtures with a fixed URL);
- `test:`    every `parse()` call the parser tests make (`tests/parsers`, run once in
             this process with `parse` wrapped; the inputs are cached in `--cache`);
- `replica:` articles (plain, changed and blanked versions) and listing pages of every
             replica site, rendered in-process (no server).

    .venv/bin/python bench/parse_identity.py record /tmp/ident_before.json
    .venv/bin/python bench/parse_identity.py record /tmp/ident_after.json --compare /tmp/ident_before.json

`--compare` prints each differing page and field and exits 1 on any difference.
"""

from __future__ import annotations

import argparse
import json
import pickle
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.real_corpus import LABELS, MIRROR, REPOS, available  # noqa: E402

Input = tuple[str, bytes, str, str | None]  # key, content, url, content type

REPLICA_ARTICLES = 40  # per site, spread over the site's articles


def real_inputs() -> list[Input]:
    if available() is not None:
        print(available(), file=sys.stderr)
        return []
    labels = {e["page"]: e for e in json.loads(LABELS.read_text(encoding="utf-8"))["pages"]}
    out: list[Input] = []
    for repo, directory in REPOS.items():
        git = str(MIRROR / directory)
        names = subprocess.run(["git", "-C", git, "ls-tree", "-r", "--name-only", "HEAD"],
                               capture_output=True, check=True, text=True).stdout.split("\n")  # fmt: skip
        for name in sorted(n for n in names if n.lower().endswith((".html", ".htm"))):
            key = f"{repo}:{name}"
            body = subprocess.run(["git", "-C", git, "show", f"HEAD:{name}"], capture_output=True, check=True).stdout
            entry = labels.get(key)
            if entry is not None:
                url = entry.get("url") or f"https://{entry['site']}/{name.rsplit('/', 1)[-1]}"
            else:
                url = f"https://{repo}.example.cn/{name}"
            out.append((f"real:{key}", body, url, None))
    return out


def golden_inputs() -> list[Input]:
    out: list[Input] = []
    for path in sorted((ROOT / "tests").rglob("*.htm*")):
        meta_path = path.with_suffix(".json")
        url, ctype = f"https://fixture.example.cn/{path.name}", None
        if meta_path.exists():
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            if isinstance(meta, dict):
                url, ctype = meta.get("url") or url, meta.get("content_type")
        out.append((f"golden:{path.relative_to(ROOT)}", path.read_bytes(), url, ctype))
    return out


def replica_inputs() -> list[Input]:
    sys.path.insert(0, str(ROOT))
    from tests.replica.articles import identity
    from tests.replica.site import Replica

    replica = Replica()
    out: list[Input] = []
    for key, spec in replica.specs.items():
        count = replica.count(key)
        picks = sorted({round(i * (count - 1) / (REPLICA_ARTICLES - 1)) for i in range(REPLICA_ARTICLES)})
        paths = [identity(spec, i).path for i in picks]
        replica.change(key, picks[1])
        replica.blank(key, picks[2])
        replica.change(key, picks[3])
        replica.blank(key, picks[3])
        for path in [*paths, *replica.listing_paths(key)[:5]]:
            target, _, query = path.partition("?")
            page = replica.page(spec.host, target, query)
            if page is None or page.status != 200:
                continue
            ctype = getattr(page, "content_type", None)
            out.append((f"replica:{key}:{path}", page.body, f"http://{spec.host}{path}", ctype))
    return out


def test_inputs(cache: Path) -> list[Input]:
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    import pytest

    import parsers
    import parsers.pipeline

    seen: list[Input] = []
    original = parsers.pipeline.parse

    def recording(content: bytes, url: str, content_type: str | None = None):  # noqa: ANN202
        seen.append((f"test:{len(seen)}", bytes(content), url, content_type))
        return original(content, url, content_type)

    parsers.parse = parsers.pipeline.parse = recording
    try:
        pytest.main(["-q", "-x", "-p", "no:cacheprovider", str(ROOT / "tests" / "parsers")])
    finally:
        parsers.parse = parsers.pipeline.parse = original
    unique: dict[tuple[bytes, str, str | None], Input] = {}
    for key, content, url, ctype in seen:
        unique.setdefault((content, url, ctype), (key, content, url, ctype))
    inputs = list(unique.values())
    cache.write_bytes(pickle.dumps(inputs))
    return inputs


def record(inputs: list[Input]) -> dict[str, object]:
    from parsers import parse
    from parsers.errors import ParseError

    results: dict[str, object] = {}
    for key, content, url, ctype in inputs:
        try:
            results[key] = parse(content, url, ctype).to_dict(json_safe=True)
        except ParseError as exc:
            results[key] = {"error": str(exc), "kind": getattr(exc, "kind", None)}
    return results


def compare(old: dict[str, object], new: dict[str, object]) -> int:
    differences = 0
    for key in sorted(set(old) | set(new)):
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        differences += 1
        if not isinstance(a, dict) or not isinstance(b, dict):
            print(f"{key}: only in {'new' if a is None else 'old'}")
            continue
        for field in sorted(set(a) | set(b)):
            if a.get(field) != b.get(field):
                print(f"{key}: {field}: {str(a.get(field))[:200]!r} -> {str(b.get(field))[:200]!r}")
    return differences


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("command", choices=["record"])
    ap.add_argument("out", type=Path)
    ap.add_argument("--compare", type=Path, help="an earlier record: report every difference")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/govarchive_parse_identity_tests.pickle"),
                    help="where the test suite's parse() inputs are kept between runs")  # fmt: skip
    args = ap.parse_args()
    inputs = [*real_inputs(), *golden_inputs(), *replica_inputs(), *test_inputs(args.cache)]
    results = record(inputs)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=0, sort_keys=True), encoding="utf-8")
    counts: dict[str, int] = {}
    for key in results:
        counts[key.split(":", 1)[0]] = counts.get(key.split(":", 1)[0], 0) + 1
    print(f"{len(results)} pages parsed ({', '.join(f'{k} {n}' for k, n in counts.items())}) -> {args.out}")
    if args.compare is not None:
        diffs = compare(json.loads(args.compare.read_text(encoding="utf-8")), results)
        print(f"{diffs} pages differ from {args.compare}" if diffs else f"identical to {args.compare}")
        return 1 if diffs else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
