"""pandas, not installed, is reported absent at once: DuckDB and pyarrow work as before."""

from __future__ import annotations

import importlib.util
import sys

import duckdb
import pyarrow as pa
import pytest

import warehouse  # noqa: F401 - importing the package marks pandas absent
from warehouse.pandas_absent import mark_pandas_absent


@pytest.mark.skipif(importlib.util.find_spec("pandas") is not None and "pandas" not in sys.modules,
                    reason="pandas is installed here: nothing is marked")  # fmt: skip
def test_pandas_fails_fast_and_duckdb_and_arrow_still_work() -> None:
    assert mark_pandas_absent()  # already marked by the package import: idempotent
    assert sum(1 for f in sys.meta_path if type(f).__name__ == "_Absent") == 1
    with pytest.raises(ModuleNotFoundError):
        import pandas  # noqa: F401
    with pytest.raises(ModuleNotFoundError):
        import pandas.core  # noqa: F401
    assert "pandas" not in sys.modules  # pyarrow reads sys.modules["pandas"] as a loaded pandas
    con = duckdb.connect()
    con.execute("CREATE TABLE t (a INTEGER, b VARCHAR, c DATE)")
    con.execute("INSERT INTO t VALUES (?, ?, ?)", [1, "提案", "2024-06-26"])
    staged = pa.table({"a": [2], "b": ["答复"], "c": ["2024-06-27"]})
    con.register("staged", staged)
    con.execute("INSERT INTO t SELECT a, b, c::DATE FROM staged")
    assert con.execute("SELECT a, b, c::VARCHAR FROM t ORDER BY a").fetchall() == [
        (1, "提案", "2024-06-26"), (2, "答复", "2024-06-27"),
    ]  # fmt: skip
    assert importlib.util.find_spec("pandas") is None  # a probe gets the standard answer
    assert importlib.util.find_spec("json") is not None  # other modules are untouched
