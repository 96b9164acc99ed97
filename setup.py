"""The compiled parts: `parsers._treewalk` (tag searches over lexbor's tree, see
`parsers/tree_walks.py`) and `parsers._utf8` (the UTF-8 check of `parsers/decode.py`).
Optional: without a C compiler the install still succeeds and the parser runs the same
searches through selectolax's `css()` and checks UTF-8 by decoding, slower."""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension("parsers._treewalk", ["parsers/_treewalk.c"], optional=True),
        Extension("parsers._utf8", ["parsers/_utf8.c"], optional=True),
    ]
)
