"""warehouse.near_dupes: MinHash estimates track the exact shingle Jaccard; bands find pairs."""

from __future__ import annotations

import random

import numpy as np

from warehouse import near_dupes as nd

_HAN = [chr(c) for c in range(0x4E00, 0x4E00 + 2500)]


def _text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(_HAN) for _ in range(n))


def _similarity(sigs: np.ndarray) -> float:
    return float(nd.similarities(sigs, np.array([0]), np.array([1]))[0])


def test_identical_bodies_score_one_whatever_the_whitespace() -> None:
    body = _text(random.Random(1), 600)
    spaced = "\n\n".join(body[i : i + 50] for i in range(0, 600, 50)).replace("一", "一 ")
    sigs, ok = nd.signatures([body, spaced])
    assert ok.all()
    assert _similarity(sigs) == 1.0


def test_estimates_follow_the_exact_jaccard() -> None:
    rng = random.Random(2)
    errors = []
    for keep in (0.95, 0.9, 0.8, 0.6, 0.3):
        a = _text(rng, 1500)
        cut = int(len(a) * keep)
        b = a[:cut] + _text(rng, len(a) - cut)
        sigs, _ = nd.signatures([a, b])
        errors.append(abs(_similarity(sigs) - nd.jaccard(a, b)))
    assert max(errors) < 0.15  # 128 bins: standard error <= 0.045


def test_unrelated_bodies_score_near_zero_and_share_no_band() -> None:
    rng = random.Random(3)
    sigs, _ = nd.signatures([_text(rng, 800), _text(rng, 800)])
    assert _similarity(sigs) < 0.1
    bands = nd.band_buckets(sigs)
    assert not set(bands[0].tolist()) & set(bands[1].tolist())


def test_near_copies_share_a_band() -> None:
    rng = random.Random(4)
    a = _text(rng, 1200)
    b = a[:1150] + _text(rng, 50)  # J ~ 0.9
    bands = nd.band_buckets(nd.signatures([a, b])[0])
    assert set(bands[0].tolist()) & set(bands[1].tolist())


def test_short_or_empty_bodies_get_no_signature() -> None:
    _, ok = nd.signatures(["", None, "短短一行字", _text(random.Random(5), 200)])
    assert ok.tolist() == [False, False, False, True]


def test_signature_round_trips_through_a_blob() -> None:
    sigs, _ = nd.signatures([_text(random.Random(6), 300)])
    assert np.array_equal(nd.from_blob(nd.to_blob(sigs[0])), sigs[0])
