"""Names vulture cannot see used (`make test` runs vulture with this file; issue 19).

Each is used from outside Python's call graph: a CLI command Typer registers by decorator,
a Prefect step named in prefect.yaml, a field read by name (SQL columns, templates), a
callback's required parameter. A new entry says which of these it is.
"""

# ruff: noqa
from flows import cli, deployments
from flows.archive_writer import ArchiveWriter
from flows.store.lease import Lease
from parsers import content, dates, document, meta
from parsers.sites import aggregator, anhui, trs
from warehouse import document_page, near_dupes
from warehouse.archive import Archive
from web import charts, text

# Typer commands and callbacks, registered by decorator
cli._main
cli.export
cli.web
cli.replay
# prefect.yaml's pull step
deployments.enter_home
# pydantic reads a model's configuration by name (ClosedSchema in deployments._closed_schema_class)
deployments.model_config
# read by tests and benchmarks (the lease's state; bulk loading; exact Jaccard to check MinHash)
Lease.held
ArchiveWriter.gaps
Archive.load_batches
near_dupes.jaccard
# the settings table README's test compares
import settings

settings.documented
# fields read by the templates (web/templates/*.html)
document_page.Version.first_seen
document_page.Version.last_seen
charts.Rect.tip
charts.Label.anchor
charts.Chart.legend
text.DiffLine.op
# Document fields are columns: the loader reads every field by name (warehouse/load.py)
document.Document.reporter
document.Document.body_html
document.Document.index_no
document.Document.info_category
document.Document.written_date
document.Document.publish_date
document.Document.doc_no
document.Document.validity
document.Document.effective_date
document.Document.expiry_date
document.Document.doc_name
document.Document.consult_phone
document.Document.encoding_confidence
# the public contract's column list and a meta field, read by the tests that pin them
document.CONTRACT_KEYS
meta.MetaTags.site_name
# a date helper the date tests pin
dates.has_time
# the one-pass reader (first_pass) does this in production; the tests still check it alone
content.strip_junk
# site adapters register themselves when their module is imported (parsers/sites/__init__.py)
aggregator.AGGREGATOR
anhui.ANHUI
trs.TRS
