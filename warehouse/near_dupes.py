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

import re
from collections.abc import Sequence

import numpy as np

SHINGLE = 5  # characters; Chinese text: 5-grams are specific, templates still differ
BINS = 128  # signature length (uint32 each: 512 bytes a body)
BANDS = 16
ROWS = BINS // BANDS  # 8 rows a band: candidates from J ~ 0.7 up (P(J=0.8) = 0.95)
THRESHOLD = 0.8  # estimated Jaccard at which two bodies are called the same text
MIN_CHARS = 80  # shorter bodies (a notice's one line) say too little to be "the same text"

_SPACE = re.compile(r"[\s\u3000\u00a0]+")
_MULT = np.uint64(0x9E3779B97F4A7C15)  # polynomial base of the rolling shingle hash
_EMPTY = np.uint64(0xFFFFFFFFFFFFFFFF)
_BAND_MIX = (
    np.random.default_rng(20261201).integers(1, 2**63, size=ROWS, dtype=np.uint64) | np.uint64(1)
)


def _mix(h: np.ndarray) -> np.ndarray:
    """One xor-shift-multiply round (half of splitmix64's finalizer), in place: spreads the
    rolling hash's high bits into the low 32 that become the bin's value."""
    h ^= h >> np.uint64(31)
    h *= np.uint64(0xBF58476D1CE4E5B9)
    h ^= h >> np.uint64(29)
    return h


def normalise(text: str | None) -> str:
    """Whitespace carries no meaning in Chinese prose and differs between copies."""
    return _SPACE.sub("", text or "")


def shingle_hashes(text: str) -> np.ndarray:
    """64-bit hashes of every SHINGLE-character substring (duplicates kept: min ignores them)."""
    return _hash_codepoints(np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32))


def _hash_codepoints(cps32: np.ndarray) -> np.ndarray:
    cps = cps32.astype(np.uint64)
    n = len(cps) - SHINGLE + 1
    if n <= 0:
        return np.empty(0, dtype=np.uint64)
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(SHINGLE):
            h *= _MULT
            h += cps[j : j + n]
        return _mix(h)


def signatures(texts: Sequence[str | None]) -> tuple[np.ndarray, np.ndarray]:
    """(signatures uint32 [n, BINS], usable bool [n]) for a batch of bodies at once.

    A body shorter than MIN_CHARS (after removing whitespace) gets no usable signature.
    The whole batch is hashed as one array (shingles across two bodies are dropped);
    each body's bins are then its shingles sorted by (bin, value), first of each bin.
    """
    norm = [normalise(t) for t in texts]
    usable = np.array([len(t) >= MIN_CHARS for t in norm], dtype=bool)
    out = np.full((len(norm), BINS), 0xFFFFFFFF, dtype=np.uint32)
    rows = np.flatnonzero(usable)
    if not len(rows):
        return out, usable
    joined = "".join(norm[r] for r in rows)
    hashes = _hash_codepoints(np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32))
    # keys: bin in the high 32 bits, the value in the low 32: one sort orders both
    keys = ((hashes >> np.uint64(57)) << np.uint64(32)) | (hashes & np.uint64(0xFFFFFFFF))
    start = 0
    for r in rows:
        n = len(norm[r]) - SHINGLE + 1
        own = np.sort(keys[start : start + n])
        start += len(norm[r])
        b = (own >> np.uint64(32)).astype(np.int64)
        first = np.flatnonzero(np.r_[True, b[1:] != b[:-1]])
        out[r, b[first]] = (own[first] & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    _densify(out, rows)
    return out, usable


def _densify(sig: np.ndarray, rows: np.ndarray) -> None:
    """An empty bin borrows the next non-empty bin's value (to the right, circularly),
    shifted by the distance, so two bodies with the same bins empty still agree there."""
    for r in rows:
        row = sig[r]
        empty = row == 0xFFFFFFFF
        if not empty.any() or empty.all():
            continue
        filled = np.flatnonzero(~empty)
        idx = np.flatnonzero(empty)
        nxt = filled[np.searchsorted(filled, idx) % len(filled)]
        dist = (nxt - idx) % BINS
        row[idx] = (row[nxt].astype(np.uint64) + dist.astype(np.uint64) * np.uint64(0x9E3779B1)) & np.uint64(
            0xFFFFFFFF
        )


def band_buckets(sig: np.ndarray) -> np.ndarray:
    """int64 [n, BANDS]: a hash of each band's ROWS values, the band number mixed in,
    so equal buckets mean an identical band (up to a 2^-64 collision, checked later)."""
    bands = sig.reshape(len(sig), BANDS, ROWS).astype(np.uint64)
    with np.errstate(over="ignore"):
        h = (bands * _BAND_MIX).sum(axis=2, dtype=np.uint64)
        h = _mix(h + np.arange(BANDS, dtype=np.uint64) * _MULT)
    return h.view(np.int64)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two bodies: the share of bins that agree."""
    return float(np.count_nonzero(a == b)) / BINS


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
