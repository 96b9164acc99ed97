"""The archive in a browser: `govarchive web`, server-rendered, read-only.

Reads go through warehouse/ (no SQL here); this package holds the routes, templates,
charts and the safety rules that keep an archived page's scripts out of the app.
"""
