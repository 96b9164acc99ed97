"""Near-duplicate bodies: MinHash signatures over character shingles, banded for LSH.

A re-post without 原文链接, or the portal's copy of a bureau's reply, says the same
thing in the same words; what differs is chrome the parser already removed, a changed
line, a cut sidebar. Comparing every pair of bodies grows with the square of the
archive, so each body gets a fixed-size signature whose agreement estimates the
Jaccard similarity of the two bodies' 5-character shingle sets, and the signature is
cut into bands: two bodies become candidates only when some band is identical, which
a hash join finds (`warehouse/paper_trail.py`).

The signature is one-permutation MinHash (Li, Owen & Zhang 2012) with rotation
densification (Shrivastava & Li 2014): every shingle is hashed once, its top bits pick
one of `BINS` bins, and each bin keeps its smallest value. That is one pass of numpy
over all the shingles of a whole batch, instead of `BINS` hash permutations per shingle
as in classic MinHash (datasketch's `MinHash`, which `bench/links_bench.py` measures
beside it: same estimates, far slower here because every shingle is hashed in Python).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

SHINGLE = 5  # characters; Chinese text: 5-grams are specific, templates still differ
BINS = 128  # signature length (uint32 each: 512 bytes a body)
BANDS = 16
ROWS = BINS // BANDS  # 8 rows a band: candidates from J ~ 0.7 up (P(J=0.8) = 0.95)
THRESHOLD = 0.8  # estimated Jaccard at which two bodies are called the same text
MIN_CHARS = 80  # shorter bodies (a notice's one line) say too little to be "the same text"

_MULT = np.uint32(0x9E3779B1)  # polynomial base of the rolling shingle hash (golden ratio, odd)
_BAND_MIX = (
    np.random.default_rng(20261201).integers(1, 2**63, size=ROWS, dtype=np.uint64) | np.uint64(1)
)
_BIN_SHIFT = np.uint32(32 - 7)
_EMPTY = np.uint32(0xFFFFFFFF)  # a bin no shingle fell into  # top 7 bits of a shingle's hash: one of 128 bins


def _mix(h: np.ndarray) -> np.ndarray:
    """murmur3's 32-bit finalizer, in place: every bit of the rolling hash reaches the top
    bits that pick the bin."""
    h ^= h >> np.uint32(16)
    h *= np.uint32(0x85EBCA6B)
    h ^= h >> np.uint32(13)
    h *= np.uint32(0xC2B2AE35)
    h ^= h >> np.uint32(16)
    return h


def normalise(text: str | None) -> str:
    """Whitespace carries no meaning in Chinese prose and differs between copies."""
    return "".join((text or "").split())  # str.split knows \u3000 and \xa0; 10x a regex


def shingle_hashes(text: str) -> np.ndarray:
    """32-bit hashes of every SHINGLE-character substring (duplicates kept: min ignores them).

    32 bits are plenty: a body has a few thousand shingles, so two of them collide with
    odds of ~1e-3, which moves an estimate by far less than its sampling error."""
    return _hash_codepoints(np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32))


def _hash_codepoints(cps: np.ndarray) -> np.ndarray:
    n = len(cps) - SHINGLE + 1
    if n <= 0:
        return np.empty(0, dtype=np.uint32)
    h = cps[:n].copy()
    with np.errstate(over="ignore"):
        for j in range(1, SHINGLE):
            h *= _MULT
            h += cps[j : j + n]
        return _mix(h)


def signatures(texts: Sequence[str | None]) -> tuple[np.ndarray, np.ndarray]:
    """(signatures uint32 [n, BINS], usable bool [n]) for a batch of bodies at once.

    A body shorter than MIN_CHARS (after removing whitespace) gets no usable signature.
    The whole batch is hashed as one array (shingles across two bodies are dropped), and
    each (body, bin) keeps its smallest hash in one `np.minimum.at` over the batch: no
    Python loop per body, which also leaves the GIL to the references computed beside it
    (paper_trail.update).
    """
    norm = [normalise(t) for t in texts]
    lengths = np.fromiter((len(t) for t in norm), dtype=np.int64, count=len(norm))
    usable = lengths >= MIN_CHARS
    out = np.full((len(norm), BINS), _EMPTY, dtype=np.uint32)
    rows = np.flatnonzero(usable)
    if not len(rows):
        return out, usable
    joined = "".join(norm[r] for r in rows)
    hashes = _hash_codepoints(np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32))
    lens = lengths[rows]
    n = lens - SHINGLE + 1  # each body's own shingles
    ends = np.cumsum(n)
    # position in `hashes` of each body's shingles: its start in `joined`, then 0..n-1
    pos = np.repeat(np.cumsum(lens) - lens - (ends - n), n) + np.arange(int(ends[-1]))
    own = hashes[pos]
    cell = np.repeat(rows * BINS, n) + (own >> _BIN_SHIFT).astype(np.int64)
    flat = out.reshape(-1)
    np.minimum.at(flat, cell, own)
    _densify(out, rows)
    return out, usable


def _densify(sig: np.ndarray, rows: np.ndarray) -> None:
    """An empty bin borrows the next non-empty bin's value (to the right, circularly),
    shifted by the distance, so two bodies with the same bins empty still agree there.

    For all the rows at once: over the row written twice (bins 0..2*BINS-1), a reversed
    running minimum of the filled bins' positions gives each bin its next filled one."""
    part = sig[rows]
    empty = part == _EMPTY
    some = empty.any(axis=1) & ~empty.all(axis=1)
    if not some.any():
        return
    part, empty, rows = part[some], empty[some], rows[some]
    at = np.arange(2 * BINS)
    filled_at = np.where(np.concatenate([~empty, ~empty], axis=1), at, 4 * BINS)
    nxt = np.minimum.accumulate(filled_at[:, ::-1], axis=1)[:, ::-1][:, :BINS]
    dist = (nxt - at[:BINS]).astype(np.uint32)  # 0 for a filled bin
    with np.errstate(over="ignore"):
        sig[rows] = np.take_along_axis(part, nxt % BINS, axis=1) + dist * _MULT


def band_buckets(sig: np.ndarray) -> np.ndarray:
    """int64 [n, BANDS]: a hash of each band's ROWS values, the band number mixed in,
    so equal buckets mean an identical band (up to a 2^-64 collision, checked later)."""
    bands = sig.reshape(len(sig), BANDS, ROWS).astype(np.uint64)
    with np.errstate(over="ignore"):
        h = (bands * _BAND_MIX).sum(axis=2, dtype=np.uint64)
        h += np.arange(BANDS, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
        h ^= h >> np.uint64(31)
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(29)
    return h.view(np.int64)


def similarities(sigs: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Estimated Jaccard similarity of the bodies of rows a[i] and b[i] of `sigs` [pages,
    BINS] (the share of bins that agree), for every i in one call: a batch's candidates are
    thousands of pairs on templated replies, and one numpy call a pair was a tenth of a
    64-host crawl's writer thread (measured)."""
    return np.count_nonzero(sigs[a] == sigs[b], axis=1) / BINS


def to_blob(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4")


def jaccard(a: str | None, b: str | None) -> float:
    """Exact Jaccard of two bodies' shingle sets (tests and the benchmark's reference)."""
    sa, sb = set(shingle_hashes(normalise(a)).tolist()), set(shingle_hashes(normalise(b)).tolist())
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)
