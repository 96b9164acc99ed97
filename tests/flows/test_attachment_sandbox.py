"""Hostile attachments are read in a child process under memory and time limits
(flows/attachment_sandbox.py): what slips past the readers' own bounds costs one
result with a reason, and the next file is read as if nothing had happened."""

from __future__ import annotations

import os
import signal

import pytest

from flows.attachment_sandbox import Sandbox
from tests.attachments import make

needs_font = pytest.mark.skipif(make.cjk_font() is None, reason=f"no CJK font: {make.INSTALL_HINT}")


@pytest.fixture
def box():
    with Sandbox(memory_mb=1024, timeout=60) as sandbox:
        yield sandbox


def _good(box: Sandbox) -> None:
    result = box.extract(make.docx(["正常的答复"]), "ok.docx")
    assert result.text == "正常的答复", result


def test_pdf_decompression_bomb_hits_the_memory_limit_and_the_next_file_reads(box: Sandbox) -> None:
    # 1 MB on disk, a 1 GiB content stream: past the child's address space (512 MB here)
    box.memory_mb = 512
    result = box.extract(make.pdf_bomb(1 << 30), "bomb.pdf")
    assert result.text is None and len(result.warnings) == 1
    assert result.warnings[0].startswith(("memory:", "crashed:")), result.warnings
    _good(box)


def test_a_reader_that_takes_too_long_is_stopped(box: Sandbox) -> None:
    box.timeout = 0.001  # any real read takes longer than a millisecond round trip
    result = box.extract(make.xlsx({"表": [[f"单元{i}", i] for i in range(2000)]}), "slow.xlsx")
    assert result.text is None and result.warnings == ["timeout: reading took over 0.001s, stopped"]
    box.timeout = 60
    _good(box)
    assert box.started == 2


def test_a_child_killed_from_outside_is_replaced(box: Sandbox) -> None:
    _good(box)
    assert box._proc is not None
    os.kill(box._proc.pid, signal.SIGKILL)
    box._proc.wait()
    _good(box)
    assert box.started == 2


@needs_font
def test_each_hostile_file_ends_with_a_reason_in_one_child(box: Sandbox) -> None:
    cases = {
        "million.pdf": (make.million_page_pdf(), "too many pages: the PDF claims 1000000 pages"),
        "secret.pdf": (make.pdf([["机密"]], encrypt="pw"), "encrypted: the PDF needs a password"),
        "bomb.docx": (make.zip_bomb(), "decompression bomb: docx unpacks to"),
        "nested.zip": (make.nested_zip(5, make.docx(["x"])), "level2.zip: level3.zip: zip within zip"),
        "fake.pdf": (b"<html><body>error</body></html>", "not a document: the file holds an HTML page"),
    }
    for name, (data, reason) in cases.items():
        result = box.extract(data, name)
        assert result.text is None, name
        assert result.warnings[0].startswith(reason), (name, result.warnings)
    _good(box)
    assert box.started == 1  # bounded by the readers: the child never had to die
