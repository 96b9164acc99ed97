"""The one compiled part: `parsers._treewalk` (tag searches over lexbor's tree, see
`parsers/tree_walks.py`). Optional: without a C compiler the install still succeeds and
the parser runs the same searches through selectolax's `css()`, slower."""

from setuptools import Extension, setup

setup(ext_modules=[Extension("parsers._treewalk", ["parsers/_treewalk.c"], optional=True)])
