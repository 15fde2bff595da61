"""Near-identical texts (a campaign's copies, a pasted comment): MinHash signatures and the
locality-sensitive bands that find them without comparing every pair.

A text is read as tokens — words, and single characters of the scripts written without
spaces (:mod:`drafts.scripts`), as the word diff reads them — lower-cased, marks left out.
Its shingles are the runs of :data:`SHINGLE` consecutive tokens: pairs of words, or pairs
of characters in Chinese, Japanese or Thai. Two texts are alike when the MinHash estimate
of their shingles' Jaccard similarity reaches :data:`THRESHOLD`.

A signature's :data:`BANDS` band hashes are what a store indexes: two texts alike enough
share at least one band hash with high probability (about 0.998 at 0.8), two unrelated
ones almost never do, so candidates are found by equality lookups and only they are
compared.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping

import numpy as np
from datasketch import MinHash

from drafts.scripts import CHARACTER, UNSPACED

# Estimated Jaccard similarity of two texts' shingles from which they count as copies.
THRESHOLD = 0.8
# Tokens per shingle: one changed word changes at most two shingles.
SHINGLE = 2
# Texts with fewer shingles than this (a few words: "I agree") are alike by chance, not copied.
MIN_SHINGLES = 4
PERMUTATIONS = 128
# Bands × rows ≤ PERMUTATIONS, chosen for recall: texts alike at 0.8 share a band with
# probability 1 - (1 - 0.8**6)**20 ≈ 0.998 (0.85: 0.9999), at 0.3 with 0.015. A candidate
# that is not alike costs one comparison; a copy never found would stay ungrouped.
BANDS, ROWS = 20, 6
# The hashing scheme is fixed: a stored signature is compared with ones computed later.
SCHEME = "affine32"
SEED = 1
_DTYPE = np.dtype("<u4")
_TOKEN = re.compile(f"{CHARACTER}|[^\\W{UNSPACED}]+")
_EMPTY = MinHash(num_perm=PERMUTATIONS, seed=SEED, scheme=SCHEME)


def tokens(text: str) -> list[str]:
    """Words and unspaced-script characters, compatibility-folded and lower-cased."""
    return _TOKEN.findall(unicodedata.normalize("NFKC", text).casefold())


def shingles(text: str) -> set[str]:
    """Every run of SHINGLE consecutive tokens (the text's only token, if it has one)."""
    found = tokens(text)
    if len(found) < SHINGLE:
        return set(found)
    return {" ".join(found[i : i + SHINGLE]) for i in range(len(found) - SHINGLE + 1)}


def signature(text: str) -> bytes | None:
    """The MinHash of the text's shingles, PERMUTATIONS little-endian 32-bit values;
    None for a text too short to tell a copy from a coincidence."""
    found = shingles(text)
    if len(found) < MIN_SHINGLES:
        return None
    sketch = _EMPTY.copy()
    sketch.update_batch([shingle.encode() for shingle in sorted(found)])
    return np.asarray(sketch.hashvalues, dtype=_DTYPE).tobytes()


def values(signature_bytes: bytes) -> np.ndarray:
    return np.frombuffer(signature_bytes, dtype=_DTYPE)


def bands(signature_bytes: bytes) -> list[int]:
    """One signed 64-bit hash per band (fits a BIGINT), band i at index i."""
    raw = values(signature_bytes)
    return [_band_hash(raw[i * ROWS : (i + 1) * ROWS].tobytes()) for i in range(BANDS)]


def _band_hash(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little", signed=True)


def likeness(first: bytes, second: bytes) -> float:
    """The estimated Jaccard similarity of two texts' shingles, from their signatures."""
    return float(np.count_nonzero(values(first) == values(second))) / PERMUTATIONS


def alike(first: bytes, second: bytes) -> bool:
    return likeness(first, second) >= THRESHOLD


def clusters(signatures: Mapping[int, bytes]) -> list[list[int]]:
    """The groups of alike texts (keys in order, groups by their first key), each of two or
    more: texts alike to one of a group's texts belong to it. Candidates come from shared
    bands; a bucket compares each text with the bucket's few distinct leaders, not with
    every other text, so a campaign of thousands of copies costs thousands of comparisons."""
    parent = {key: key for key in signatures}
    for bucket in _buckets(signatures).values():
        if len(bucket) > 1:
            _link_bucket(bucket, signatures, parent)
    groups: dict[int, list[int]] = defaultdict(list)
    for key in sorted(signatures):
        groups[_root(parent, key)].append(key)
    return sorted((group for group in groups.values() if len(group) > 1), key=lambda g: g[0])


def _buckets(signatures: Mapping[int, bytes]) -> dict[tuple[int, int], list[int]]:
    found: dict[tuple[int, int], list[int]] = defaultdict(list)
    for key in sorted(signatures):
        for band, band_hash in enumerate(bands(signatures[key])):
            found[(band, band_hash)].append(key)
    return found


# Distinct texts a bucket keeps to compare the others with: texts alike only in part (a
# template filled in differently) share bands without being copies, and comparing each
# with all of them would be quadratic. A copy missed here is found through another band.
LEADERS = 8


def _link_bucket(bucket: Iterable[int], signatures: Mapping[int, bytes], parent) -> None:
    leaders: list[int] = []
    for key in bucket:
        leader = next((lead for lead in leaders if alike(signatures[lead], signatures[key])), None)
        if leader is not None:
            _union(parent, leader, key)
        elif len(leaders) < LEADERS:
            leaders.append(key)


def _root(parent: dict[int, int], key: int) -> int:
    while parent[key] != key:
        parent[key] = parent[parent[key]]
        key = parent[key]
    return key


def _union(parent: dict[int, int], first: int, second: int) -> None:
    a, b = _root(parent, first), _root(parent, second)
    if a != b:
        parent[max(a, b)] = min(a, b)
