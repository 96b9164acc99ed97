"""parsers.dates: every form these sites print, nothing invented."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from parsers.dates import BARE_DATE, DATE_RE, find_datetime, has_time, parse_date, parse_datetime
from parsers.text import finditer_not_after


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-06-20", dt.datetime(2023, 6, 20)),
        ("2023-06-20 08:25", dt.datetime(2023, 6, 20, 8, 25)),
        ("2023-06-20 08:25:22", dt.datetime(2023, 6, 20, 8, 25, 22)),
        ("2023年06月20日", dt.datetime(2023, 6, 20)),
        ("2023年6月20日 8时25分", dt.datetime(2023, 6, 20, 8, 25)),
        ("2023/6/20", dt.datetime(2023, 6, 20)),
        ("2023.06.20", dt.datetime(2023, 6, 20)),
        ("２０２３－０６－２０　０８：２５", dt.datetime(2023, 6, 20, 8, 25)),
        ("20230620", dt.datetime(2023, 6, 20)),
        ("发表时间:2023-06-20 08:25 编辑:宿州信息公开009", dt.datetime(2023, 6, 20, 8, 25)),
    ],
)
def test_forms(text: str, expected: dt.datetime) -> None:
    assert parse_datetime(text) == expected


@pytest.mark.parametrize("text", ["", None, "暂无", "-", "2023-13-40", "24-12-23", "第0321号"])
def test_non_dates_are_none(text: str | None) -> None:
    assert parse_datetime(text) is None


def test_date_and_time_helpers() -> None:
    assert parse_date("2023年06月20日") == dt.date(2023, 6, 20)
    assert has_time("2023-06-20 08:25") and not has_time("2023-06-20")
    assert find_datetime("浏览量: 12 2021-03-01 10:56:22 来源:华兴时报") == dt.datetime(2021, 3, 1, 10, 56, 22)


def test_bare_date_with_the_lookbehind_checked_by_hand_finds_what_date_re_finds() -> None:
    # Dates, their pieces and digits of other scripts next to each other: a candidate right
    # after a digit is refused and the search goes on from the next character.
    pieces = ["2023", "2023-06-20", "19", "20", "年", "月", "日", "6", "12", "-", ".", "/", " ", "x",
              "08:30", "时", "分", "\u3000", "１", "٣"]  # fmt: skip
    rng = random.Random(7)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        found = [m.span() for m in finditer_not_after(BARE_DATE, text, str.isdecimal)]
        assert found == [m.span() for m in DATE_RE.finditer(text)], text


def test_info_label_with_the_lookbehind_checked_by_hand_finds_what_the_pattern_finds() -> None:
    from parsers.page import _BARE_LABEL, _INFO_LABEL, _is_cjk

    pieces = ["发布时间：", "来源:", "信息来源：", "时间", "：", ":", "的", "编辑：", "责任编辑:", "a", " ", "2023"]
    rng = random.Random(8)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        found = [m.span() for m in finditer_not_after(_BARE_LABEL, text, _is_cjk)]
        assert found == [m.span() for m in _INFO_LABEL.finditer(text)], text
