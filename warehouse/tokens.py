"""Index terms for Chinese text, which has no spaces: character bigrams packed into integers.

Han runs become overlapping bigrams (数据中心 → 数据 据中 中心) and Latin/digit words
are whole words; a single Han character is not indexed (queries of one character fall
back to an exact scan). Terms are 64-bit integers,
not strings, because the search scans compare them by the million: a bigram is
packed as described below (`search_keys()` in SQL computes the same), a word a
stable hash above all bigrams. Whole batches are tokenized at
once with numpy, so indexing keeps up with loading.

Terms are 32-bit: a bigram of two characters from U+3400..U+9FFF (CJK Extension A and
the Unified Ideographs, 27,648 code points, 15 bits each) is
((cp1 - 0x3400) << 15) | (cp2 - 0x3400) < 2^30; a word is 2^30 + a 30-bit hash.
Pairs with rarer characters (compatibility, Extension B+) are not indexed; a query
word made only of those falls back to the exact scan.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np

HAN_BASE = 0x3400
WORD_BASE = 1 << 30
_WORD = re.compile(r"[a-z0-9]+")


def _is_han(cp: np.ndarray) -> np.ndarray:
    return (cp >= HAN_BASE) & (cp <= 0x9FFF)


def is_han_char(ch: str) -> bool:
    return bool(_is_han(np.array([ord(ch)], dtype=np.int64))[0])


def word_key(word: str) -> int:
    digest = hashlib.blake2b(word.encode(), digest_size=4).digest()
    return WORD_BASE + (int.from_bytes(digest, "big") & (WORD_BASE - 1))


@dataclass(slots=True)
class Postings:
    """Parallel arrays: for each (document, field, term), how often the term occurs."""

    doc: np.ndarray  # index into the texts given
    term: np.ndarray
    tf: np.ndarray


def han_postings(texts: list[str]) -> Postings:
    """Bigram terms of many texts in one vectorized pass."""
    if not texts:
        empty = np.zeros(0, dtype=np.int64)
        return Postings(empty, empty, empty)
    joined = "\n".join(texts)
    cp = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    lengths = np.fromiter((len(t) + 1 for t in texts), dtype=np.int64, count=len(texts))
    doc = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)[: len(cp)]
    han = _is_han(cp)
    pair = han[:-1] & han[1:]
    rel = cp - HAN_BASE
    terms = ((rel[:-1] << 15) | rel[1:])[pair]
    docs = doc[:-1][pair]
    combined = (docs << 31) | terms
    uniq, counts = np.unique(combined, return_counts=True)
    return Postings(uniq >> 31, uniq & ((1 << 31) - 1), counts)


def word_postings(texts: list[str]) -> Postings:
    """Latin letters and digits as whole lowercase words (2+ characters)."""
    docs: list[int] = []
    terms: list[int] = []
    tfs: list[int] = []
    for i, text in enumerate(texts):
        counts: dict[str, int] = {}
        for w in _WORD.findall(text.lower()):
            if len(w) >= 2:
                counts[w] = counts.get(w, 0) + 1
        for w, n in counts.items():
            docs.append(i)
            terms.append(word_key(w))
            tfs.append(n)
    return Postings(
        np.asarray(docs, dtype=np.int64),
        np.asarray(terms, dtype=np.int64),
        np.asarray(tfs, dtype=np.int64),
    )


def postings(texts: list[str]) -> Postings:
    a, b = han_postings(texts), word_postings(texts)
    return Postings(
        np.concatenate((a.doc, b.doc)),
        np.concatenate((a.term, b.term)),
        np.concatenate((a.tf, b.tf)),
    )


def query_terms(word: str) -> list[int]:
    """The terms a query word must all match; empty when the index cannot help."""
    word = word.lower()
    p = postings([word])
    return sorted({int(t) for t in p.term})
