"""Index terms for Chinese text, which has no spaces: character bigrams packed into integers.

Han runs become overlapping bigrams (数据中心 → 数据 据中 中心) and Latin/digit words
are whole words; a single Han character is not indexed (queries of one character fall
back to an exact scan). Terms are integers, not strings, because the search scans
compare them by the million.

Terms are 31-bit: a bigram of two characters from U+3400..U+9FFF (CJK Extension A and
the Unified Ideographs, 27,648 code points, 15 bits each) is
((cp1 - 0x3400) << 15) | (cp2 - 0x3400) < 2^30 (`search_keys()` in SQL computes the
same); a word is 2^30 + a 30-bit hash. Pairs with rarer characters (compatibility,
Extension B+) are not indexed; a query word made only of those falls back to the exact scan.

A whole batch is tokenized at once with numpy: every body occurrence becomes one 64-bit
key (term, document), and a single sort of those keys yields the term frequencies already
in term order, the order the postings are stored in; the few title terms are folded in by
binary search. (Three sorts, two of them stable, made tokenizing 2/3 of the load time
before; measured.)
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np

HAN_BASE = 0x3400
WORD_BASE = 1 << 30
DOC_BITS = 22  # documents per tokenized batch < 4 million


def _is_han(cp: np.ndarray) -> np.ndarray:
    return (cp >= HAN_BASE) & (cp <= 0x9FFF)


def is_han_char(ch: str) -> bool:
    return HAN_BASE <= ord(ch) <= 0x9FFF


def word_key(word: str) -> int:
    digest = hashlib.blake2b(word.encode(), digest_size=4).digest()
    return WORD_BASE + (int.from_bytes(digest, "big") & (WORD_BASE - 1))


@dataclass(slots=True)
class BatchTerms:
    """For each (term, document) of a batch, sorted by term then document: how often the
    term occurs in the title and in the body."""

    term: np.ndarray  # int64
    doc: np.ndarray  # int64, index into the texts given
    tf_title: np.ndarray  # float32 counts: what the weighting multiplies them with
    tf_body: np.ndarray


# [0-9A-Za-z] by code point, for finding Latin words without a regex pass over the Han text
_ALNUM = np.zeros(128, dtype=bool)
for _c in "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ":
    _ALNUM[ord(_c)] = True


def _occurrences(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(term, doc) of every term occurrence in the texts, in no particular order."""
    if not texts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    joined = "\n".join(texts)  # the separator is neither Han nor Latin: no term spans two texts
    lengths = np.fromiter((len(t) + 1 for t in texts), dtype=np.int64, count=len(texts))
    doc_of = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    cp = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    han = _is_han(cp)
    at = np.flatnonzero(han[:-1] & han[1:])
    rel = cp.astype(np.int32) - HAN_BASE  # < 2^15 where it is Han: the packed pair fits 30 bits
    terms = ((rel[at] << 15) | rel[at + 1]).astype(np.int64)
    docs = doc_of[at]
    # Latin letters and digits: whole lowercase words of 2+ characters
    alnum = np.zeros(len(cp) + 2, dtype=bool)
    ascii_at = np.flatnonzero(cp < 128)
    alnum[ascii_at + 1] = _ALNUM[cp[ascii_at]]
    edges = np.flatnonzero(alnum[1:] != alnum[:-1])  # run starts and ends, alternating
    starts, stops = edges[0::2], edges[1::2]
    long_runs = stops - starts >= 2
    if long_runs.any():
        starts, stops = starts[long_runs], stops[long_runs]
        keys: dict[str, int] = {}
        words = (joined[a:b].lower() for a, b in zip(starts.tolist(), stops.tolist(), strict=True))
        w_terms = np.fromiter(
            (keys.get(w) or keys.setdefault(w, word_key(w)) for w in words), np.int64, len(starts)
        )
        terms, docs = np.concatenate((terms, w_terms)), np.concatenate((docs, doc_of[starts]))
    return terms, docs


def _counted(terms: np.ndarray, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct (term, doc) keys, sorted, and how often each occurs."""
    keys = (terms << DOC_BITS) | docs
    keys.sort()
    new = np.empty(len(keys), dtype=bool)
    new[:1] = True
    np.not_equal(keys[1:], keys[:-1], out=new[1:])
    at = np.flatnonzero(new)
    return keys[at], np.diff(at, append=len(keys)).astype(np.float32)


def batch_terms(titles: list[str], bodies: list[str]) -> BatchTerms:
    """Term frequencies of many documents (titles[i] and bodies[i] are document i)."""
    if len(titles) != len(bodies) or len(titles) >= 1 << DOC_BITS:
        raise ValueError("titles and bodies must pair up, fewer than 2^22 of them")
    keys, tf_body = _counted(*_occurrences(bodies))
    t_keys, t_counts = _counted(*_occurrences(titles))
    # titles are short: fold them into the body's (term, doc) list by binary search
    at = np.searchsorted(keys, t_keys)
    found = at < len(keys)
    found[found] = keys[at[found]] == t_keys[found]
    tf_title = np.zeros(len(keys), dtype=np.float32)
    tf_title[at[found]] = t_counts[found]
    missing = at[~found]
    if len(missing):
        keys = np.insert(keys, missing, t_keys[~found])
        tf_body = np.insert(tf_body, missing, 0)
        tf_title = np.insert(tf_title, missing, t_counts[~found])
    return BatchTerms(keys >> DOC_BITS, keys & ((1 << DOC_BITS) - 1), tf_title, tf_body)


def query_terms(word: str) -> list[int]:
    """The terms a query word must all match; empty when the index cannot help."""
    return sorted({int(t) for t in _occurrences([word.lower()])[0]})
