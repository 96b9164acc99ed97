"""The archive: DuckDB tables and views, WARC files, search, and the SQL that reads and writes them."""

from warehouse.pandas_absent import mark_pandas_absent

mark_pandas_absent()  # before any DuckDB call of the process (see its module)
