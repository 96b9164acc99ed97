"""Handing the archive on: the documents (or any read-only query) as Parquet, CSV or JSON lines.

The query runs on the sandboxed read-only connection of `govarchive query` (no file
access from SQL), and rows stream out as Arrow record batches written by pyarrow, so
a large export never holds the archive in memory. CSV cannot hold lists or structs, so
those columns (attachments, warnings) become JSON text there; Parquet keeps the types.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from warehouse.query import QueryError, check_read_only, duckdb_message, sandboxed

FORMATS = ("parquet", "csv", "jsonl")
DEFAULT_SQL = "SELECT * FROM documents ORDER BY url"
BATCH_ROWS = 10_000


def _json_default(value: object) -> object:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _flatten_for_csv(batch: pa.RecordBatch) -> pa.RecordBatch:
    columns, names = [], []
    for name, column in zip(batch.schema.names, batch.columns, strict=True):
        if pa.types.is_nested(column.type):
            column = pa.array(
                [None if v is None else json.dumps(v, ensure_ascii=False, default=_json_default)
                 for v in column.to_pylist()],
                pa.string(),
            )  # fmt: skip
        columns.append(column)
        names.append(name)
    return pa.RecordBatch.from_arrays(columns, names=names)


def export_archive(
    path: Path, out: Path, *, fmt: str = "parquet", sql: str | None = None, bom: bool = False
) -> int:
    """Write the result of `sql` (default: every current document) to `out`; return row count.

    `bom` starts a CSV file with the UTF-8 byte order mark: without it Excel reads the
    file as the local code page and the Chinese comes out as mojibake. In JSON lines a
    JSON column (`metadata`) is a JSON object, not a string holding one.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    rows = 0
    with sandboxed(Path(path)) as con:
        if sql is not None:
            check_read_only(con, sql)  # the same refusals as `govarchive query`
        try:
            cur = con.execute(sql or DEFAULT_SQL)
            json_columns = {d[0] for d in cur.description or () if str(d[1]) == "JSON"}
            reader = cur.to_arrow_reader(BATCH_ROWS)
        except duckdb.Error as exc:
            raise QueryError(duckdb_message(exc)) from exc
        tmp = out.with_name(out.name + ".part")
        try:
            if fmt == "parquet":
                with pq.ParquetWriter(tmp, reader.schema, compression="zstd") as w:
                    for batch in reader:
                        w.write_batch(batch)
                        rows += batch.num_rows
            elif fmt == "csv":
                writer = None
                with open(tmp, "wb") as fh:
                    if bom:
                        fh.write("\ufeff".encode())
                    for batch in reader:
                        flat = _flatten_for_csv(batch)
                        if writer is None:
                            writer = pacsv.CSVWriter(fh, flat.schema)
                        writer.write_batch(flat)
                        rows += batch.num_rows
                    if writer is None:  # no rows: still write the header
                        empty = _flatten_for_csv(pa.RecordBatch.from_pylist([], schema=reader.schema))
                        pacsv.CSVWriter(fh, empty.schema).close()
                    else:
                        writer.close()
            else:
                with open(tmp, "w", encoding="utf-8") as fh:
                    for batch in reader:
                        for record in batch.to_pylist():
                            for name in json_columns:
                                if isinstance(record.get(name), str):
                                    record[name] = json.loads(record[name])
                            fh.write(json.dumps(record, ensure_ascii=False, default=_json_default))
                            fh.write("\n")
                        rows += batch.num_rows
            tmp.replace(out)
        finally:
            tmp.unlink(missing_ok=True)
    return rows
