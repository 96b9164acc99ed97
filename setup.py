"""The compiled parts: `parsers._treewalk` (tag searches over lexbor's tree, see
`parsers/tree_walks.py`) and `parsers._textscan` (the UTF-8 check of `parsers/decode.py`,
the page-word scan of `parsers/text.py`).
Optional: without a C compiler the install still succeeds and the parser runs the same
searches through selectolax's `css()`, checks UTF-8 by decoding and finds words by a
regex, slower."""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension("parsers._treewalk", ["parsers/_treewalk.c"], optional=True),
        Extension("parsers._textscan", ["parsers/_textscan.c"], optional=True),
    ]
)
