"""The child process that reads attachments: `python -m flows.attachment_worker`.

It caps its own address space (RLIMIT_AS) and CPU time before importing a reader, then
answers requests from its parent (flows/attachment_sandbox.py) until stdin closes.
Requests are a JSON header and the file's bytes; answers are JSON only, never pickle:
this process handles untrusted files, so nothing it sends back is executable.

Here, too, live the two external programs: the DOC/WPS converter (antiword, then
LibreOffice) and the OCR recognizer (tesseract), given to the pure readers in
parsers/attachment_text as functions.
"""

from __future__ import annotations

import json
import resource
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import IO

import settings

_LEN = struct.Struct("!Q")


def read_frame(stream: IO[bytes]) -> bytes | None:
    head = stream.read(_LEN.size)
    if len(head) < _LEN.size:
        return None
    (n,) = _LEN.unpack(head)
    data = stream.read(n)
    if len(data) < n:
        return None
    return data


def write_frame(stream: IO[bytes], data: bytes) -> None:
    stream.write(_LEN.pack(len(data)))
    stream.write(data)
    stream.flush()


def _run(args: list[str], timeout: float, cwd: str | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(args, capture_output=True, timeout=timeout, cwd=cwd, stdin=subprocess.DEVNULL)


def convert_legacy(data: bytes, kind: str) -> str:
    """DOC/WPS to text: antiword (small, fast, Word 97-2003), else LibreOffice headless."""
    own = settings.current()
    converters, timeout = own.doc_converters, own.convert_timeout
    from parsers.attachment_text import ExtractionError

    problems = []
    with tempfile.TemporaryDirectory(prefix="govarchive-doc-") as tmp:
        src = Path(tmp) / f"file.{kind}"
        src.write_bytes(data)
        if "antiword" in converters and shutil.which("antiword"):
            try:
                done = _run(["antiword", "-w", "0", "-m", "UTF-8.txt", str(src)], timeout)
                text = done.stdout.decode("utf-8", "replace")
                if done.returncode == 0 and text.strip():
                    convert_legacy.name = "antiword"  # type: ignore[attr-defined]
                    return text
                problems.append(f"antiword: {done.stderr.decode('utf-8', 'replace').strip()[:200] or 'no text'}")
            except subprocess.TimeoutExpired:
                problems.append(f"antiword: no answer within {timeout:g}s")
        office = shutil.which("soffice") or shutil.which("libreoffice")
        if "libreoffice" in converters and office:
            try:
                done = _run(
                    [office, f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                     "--convert-to", "txt:Text (encoded):UTF8", "--outdir", tmp, str(src)],
                    timeout * 2, cwd=tmp,
                )  # fmt: skip
                out = Path(tmp) / "file.txt"
                if out.exists():
                    convert_legacy.name = "libreoffice"  # type: ignore[attr-defined]
                    return out.read_text("utf-8", "replace").lstrip("\ufeff")
                problems.append(f"libreoffice: {done.stderr.decode('utf-8', 'replace').strip()[:200] or 'no output'}")
            except subprocess.TimeoutExpired:
                problems.append(f"libreoffice: no answer within {timeout * 2:g}s")
        convert_legacy.name = "+".join(converters)  # type: ignore[attr-defined]
        if not problems:
            raise ExtractionError(
                f"{kind}: no converter installed (apt-get install antiword, or libreoffice-writer-nogui)"
            )
        raise ExtractionError(f"{kind}: cannot be converted ({'; '.join(problems)})")


convert_legacy.name = "antiword"  # type: ignore[attr-defined]


def tesseract(image: bytes) -> str:
    own = settings.current()
    languages, timeout = own.ocr_languages, own.convert_timeout
    from parsers.attachment_text import ExtractionError

    try:
        done = subprocess.run(
            ["tesseract", "stdin", "stdout", "-l", languages, "--psm", "3"],
            input=image, capture_output=True, timeout=timeout * 3,
        )  # fmt: skip
    except FileNotFoundError as exc:
        raise ExtractionError("ocr: tesseract is not installed") from exc
    except subprocess.TimeoutExpired as exc:
        raise ExtractionError(f"ocr: tesseract took over {timeout * 3:g}s on a page") from exc
    if done.returncode != 0:
        raise ExtractionError(f"ocr: tesseract failed ({done.stderr.decode('utf-8', 'replace').strip()[:200]})")
    return done.stdout.decode("utf-8", "replace")


def handle(header: dict[str, object], data: bytes) -> dict[str, object]:
    from parsers.attachment_text import extract, ocr

    if header.get("op") == "ocr":
        result = ocr(data, tesseract, "tesseract")
    else:
        name = header.get("name")
        result = extract(data, name if isinstance(name, str) else None, converter=convert_legacy)
    return result.to_dict()


def limit_self(memory_bytes: int, cpu_seconds: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if cpu_seconds > 0:
        _soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, hard))


def main() -> None:
    # this process's edge: the sandbox states the run's settings in its environment
    own = settings.Settings.from_env()
    settings.pin(own)
    limit_self(int(own.attachment_memory_mb * 2**20), own.attachment_cpu_seconds)
    import parsers.attachment_text.dispatch  # noqa: F401 - the readers, imported once, under the limit

    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    write_frame(stdout, b'{"ready": true}')
    while True:
        head = read_frame(stdin)
        data = read_frame(stdin) if head is not None else None
        if head is None or data is None:
            return
        try:
            answer = handle(json.loads(head), data)
        except MemoryError:
            answer = {"error": "memory", "restart": True}
        except Exception as exc:  # a bug, not the file's fault: reported, the loop goes on
            answer = {"error": f"crash: {type(exc).__name__}: {exc}"}
        write_frame(stdout, json.dumps(answer, ensure_ascii=False).encode("utf-8"))
        if answer.get("restart"):
            return


if __name__ == "__main__":
    main()
