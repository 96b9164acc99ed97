"""Attachments are untrusted input: they are read in a child process under limits.

The child (flows/attachment_worker.py) caps its own address space (RLIMIT_AS,
GOVARCHIVE_ATTACHMENT_MEMORY_MB, 1024 by default) before it imports a reader; this side
gives each file a wall-clock budget (GOVARCHIVE_ATTACHMENT_TIMEOUT, 60 s; OCR gets 5x)
and kills the child when it is spent. A file that exhausts memory, hangs a library or
crashes it costs one row with `text` NULL and the reason in `warnings`; the next file
gets a fresh child. One child serves many files: starting one (Python and the readers'
imports) takes ~0.3 s, reading a typical reply a few milliseconds.
"""

from __future__ import annotations

import contextlib
import json
import os
import selectors
import signal
import struct
import subprocess
import sys
import time

import settings
from parsers.attachment_text import AttachmentText
from parsers.attachment_text.sniff import media_type, sniff

_LEN = struct.Struct("!Q")
START_TIMEOUT = 120.0  # imports on a loaded machine


class Sandbox:
    """Use as `with Sandbox() as box: result = box.extract(data, name)`."""

    def __init__(self, *, memory_mb: float | None = None, timeout: float | None = None) -> None:
        own = settings.current()
        self.settings = own.replace(attachment_memory_mb=memory_mb or own.attachment_memory_mb)
        self.memory_mb = self.settings.attachment_memory_mb
        self.timeout = timeout or own.attachment_timeout
        self._proc: subprocess.Popen[bytes] | None = None
        self._buffer = b""
        self._eof = False  # the child closed its end (it died), as opposed to time running out
        self.started = 0  # children started (a test checks a crash costs one restart)

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the child ---------------------------------------------------------------
    def _start(self) -> subprocess.Popen[bytes]:
        # the child's edge reads its settings from its environment (`attachment_worker.main`)
        env = {**os.environ, **self.settings.environment(), "MALLOC_ARENA_MAX": "2"}
        debug = self.settings.debug
        proc = subprocess.Popen(
            [sys.executable, "-m", "flows.attachment_worker"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=None if debug else subprocess.DEVNULL, env=env, start_new_session=True,
        )  # fmt: skip
        self._proc, self._buffer = proc, b""
        self.started += 1
        ready = self._read_frame(time.monotonic() + START_TIMEOUT)
        if ready is None:
            self._kill()
            raise RuntimeError("the attachment reader process did not start")
        return proc

    def _kill(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)  # its converters (antiword, soffice) too
        for stream in (proc.stdin, proc.stdout):
            with contextlib.suppress(OSError):
                stream.close()  # type: ignore[union-attr]
        proc.wait()

    def close(self) -> None:
        proc = self._proc
        if proc is None:
            return
        try:
            proc.stdin.close()  # type: ignore[union-attr]  # its signal to finish
            proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            pass
        self._kill()

    def _read_frame(self, deadline: float) -> bytes | None:
        """One length-prefixed frame from the child, or None on EOF or when time is up."""
        assert self._proc is not None and self._proc.stdout is not None
        fd = self._proc.stdout.fileno()
        with selectors.DefaultSelector() as sel:
            sel.register(fd, selectors.EVENT_READ)
            while True:
                if len(self._buffer) >= _LEN.size:
                    (n,) = _LEN.unpack(self._buffer[: _LEN.size])
                    if len(self._buffer) >= _LEN.size + n:
                        frame = self._buffer[_LEN.size : _LEN.size + n]
                        self._buffer = self._buffer[_LEN.size + n :]
                        return frame
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not sel.select(remaining):
                    return None  # time is up, even if an answer arrived meanwhile
                chunk = os.read(fd, 1 << 20)
                if not chunk:
                    self._eof = True
                    return None
                self._buffer += chunk

    def _death(self) -> str:
        proc = self._proc
        code = proc.wait() if proc is not None else None
        if code is not None and code < 0:
            sig = signal.Signals(-code).name
            if -code == signal.SIGXCPU:
                return "cpu: the reader ran out of CPU time"
            hint = f", probably out of memory under the {self.memory_mb:g} MB limit" if -code in (
                signal.SIGABRT, signal.SIGSEGV, signal.SIGBUS) else ""  # fmt: skip
            return f"crashed: the reader process died ({sig}{hint})"
        return f"crashed: the reader process exited ({code})"

    # -- requests ----------------------------------------------------------------
    def _call(self, header: dict[str, object], data: bytes, timeout: float) -> dict[str, object] | str:
        if self._proc is None or self._proc.poll() is not None:
            self._kill()
            self._start()
        proc = self._proc
        assert proc is not None and proc.stdin is not None
        head = json.dumps(header).encode()
        deadline = time.monotonic() + timeout  # sending the bytes counts against the budget too
        try:
            proc.stdin.write(_LEN.pack(len(head)) + head + _LEN.pack(len(data)))
            proc.stdin.write(data)
            proc.stdin.flush()
        except (BrokenPipeError, OSError):
            reason = self._death()
            self._kill()
            return reason
        self._eof = False
        frame = self._read_frame(deadline)
        if frame is None:
            if not self._eof:
                self._kill()
                return f"timeout: reading took over {timeout:g}s, stopped"
            reason = self._death()
            self._kill()
            return reason
        answer = json.loads(frame)
        if answer.get("restart"):
            self._kill()
        if "error" in answer:
            error = str(answer["error"])
            if error == "memory":
                return f"memory: over the reader's {self.memory_mb:g} MB limit"
            return error
        return answer

    def _result(self, answer: dict[str, object] | str, data: bytes, engine: str) -> AttachmentText:
        if isinstance(answer, str):
            return AttachmentText.failed(media_type(sniff(data)), engine, answer)
        return AttachmentText(**answer)  # type: ignore[arg-type]

    def extract(self, data: bytes, name: str | None = None) -> AttachmentText:
        """The text of one attachment, read in the child under its limits."""
        answer = self._call({"op": "extract", "name": name}, data, self.timeout)
        return self._result(answer, data, "sandbox")

    def ocr(self, data: bytes) -> AttachmentText:
        """OCR of a scan (a PDF without text layer, or an image) with tesseract."""
        answer = self._call({"op": "ocr"}, data, self.timeout * 5)
        return self._result(answer, data, "tesseract")
