"""The installed environment is the one requirements.lock describes, package for package."""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

LOCK = Path(__file__).resolve().parents[2] / "requirements.lock"
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)")


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked() -> dict[str, str]:
    pins = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        m = _PIN.match(line)
        if m:
            pins[_norm(m.group(1))] = m.group(2)
    return pins


def test_every_locked_package_is_installed_at_its_locked_version() -> None:
    pins = locked()
    assert len(pins) > 50, "requirements.lock lists the whole tree"
    wrong = {}
    for name, version in pins.items():
        try:
            have = metadata.version(name)
        except metadata.PackageNotFoundError:
            have = "missing"
        if have != version:
            wrong[name] = f"locked {version}, installed {have}"
    assert not wrong, f"the environment differs from requirements.lock (run `make clean test`): {wrong}"


def test_the_lock_holds_the_versions_prefect_3_8_8_works_with() -> None:
    pins = locked()
    assert pins["prefect"] == "3.8.8"
    # SQLAlchemy 2.1 breaks Prefect's scheduler service; fastapi >= 0.151 its CLI's list commands
    assert pins["sqlalchemy"].startswith("2.0.")
    assert tuple(int(p) for p in pins["fastapi"].split(".")[:2]) <= (0, 150)


def test_every_direct_dependency_is_locked() -> None:
    import tomllib

    project = tomllib.loads((LOCK.parent / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["test"]
    pins = locked()
    for spec in wanted:
        name, _, version = spec.partition("==")
        name = _norm(re.split(r"[<>=!~\[ ]", name)[0])
        assert name in pins, f"{name} is in pyproject.toml but not in requirements.lock (run `make lock`)"
        if version:
            assert pins[name] == version.strip(), f"{name}: pyproject {version}, lock {pins[name]}"
