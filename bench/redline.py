"""Benchmark the redline: compare two revisions of a large policy, against difflib.

Run with the project's interpreter from the repository root:

    .venv/bin/python bench/redline.py

A synthetic policy of 400 clauses × 250 words (100,000 words, Zipf-distributed
vocabulary, three wrapped paragraphs per clause) and a second revision in
which 10% of the clauses are edited (word insertions, deletions and
substitutions) and every paragraph of every clause is re-wrapped at another
width. Measured in this one run, each the best of 15 runs (as timeit advises: on a
shared machine the slower runs measure the neighbours, not the code), with
the median printed beside it:

- ours, uncached: ``consult.redline.services.compute_comparison`` on two
  revisions as the application loads them (clause rows with the hash stored
  at import), bypassing the comparison cache, and then reading everything a
  compare page or the JSON API reads of it: the summary and the word ops of
  every changed clause (unchanged clauses skip the diff by hash);
- ours, uncached, library: ``drafts.compare`` alone, on clause values that
  carry their stored hash (built fresh for each run, outside the timing), then
  the same reads — the comparison without the step that turns database rows
  into clause values, printed for reference;
- ours, uncached, cold: ``drafts.compare`` on fresh clause objects with no
  stored hash, so every clause is also normalised and hashed, plus the equal
  runs of every unchanged clause — the worst case, printed for reference;
- ours, cached: ``consult.redline.services.compare_revisions`` on two
  published revisions whose comparison is already in the application's cache
  — the path every page view after the first one takes;
- baseline: ``difflib.SequenceMatcher`` word-level opcodes for every clause
  pair, the obvious implementation.

Targets: uncached ≤ 50 ms, cached ≤ 2 ms, ≥ 20× faster than difflib; the
speed-up is printed for both paths, and the exit status is 0 only when every
target is met on both. The script also checks the result: exactly the edited
clauses are modified.

Last, where the uncached time goes, each part timed on its own in the same
run: turning the clause rows into clause values, pairing the 400 clauses when
none is edited (what every comparison pays before any diff), normalising the
edited clauses' texts, and the word diffs of the edited clauses — beside the
time a 20× speed-up would leave for all of it.
"""

from __future__ import annotations

import difflib
import gc
import random
import statistics
import sys
import textwrap
import time
from collections.abc import Callable
from itertools import accumulate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import drafts
from consult import create_app
from consult.policies.models import Clause, Revision, RevisionState
from consult.policies.services import as_domain
from consult.redline import services

CLAUSES = 400
WORDS_PER_CLAUSE = 250
EDITED_SHARE = 0.10
EDITS_PER_CLAUSE = 6
VOCABULARY_SIZE = 8000
RUNS = 15
SEED = 20261125
TARGETS = {"uncached_ms": 50.0, "cached_ms": 2.0, "speedup": 20.0}


def vocabulary(rng: random.Random) -> tuple[list[str], list[float]]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = [
        "".join(rng.choice(letters) for _ in range(rng.randint(2, 9)))
        for _ in range(VOCABULARY_SIZE)
    ]
    weights = list(accumulate(1 / (rank + 1) ** 1.05 for rank in range(VOCABULARY_SIZE)))
    return words, weights


def paragraphs(words: list[str], width: int) -> str:
    third = len(words) // 3
    parts = [words[:third], words[third : 2 * third], words[2 * third :]]
    return "\n\n".join(textwrap.fill(" ".join(part) + ".", width) for part in parts)


def edited(rng: random.Random, words: list[str], pool: list[str]) -> list[str]:
    words = list(words)
    for _ in range(EDITS_PER_CLAUSE):
        at, edit = rng.randrange(len(words)), rng.choice(("insert", "delete", "substitute"))
        if edit == "insert":
            words[at:at] = rng.sample(pool, rng.randint(1, 4))
        elif edit == "delete":
            del words[at : at + rng.randint(1, 4)]
        else:
            words[at] = rng.choice(pool)
    return words


def build() -> tuple[list[drafts.Clause], list[drafts.Clause], set[str]]:
    rng = random.Random(SEED)
    pool, weights = vocabulary(rng)
    old, new, edited_keys = [], [], set()
    for index in range(CLAUSES):
        key, heading = f"clause-{index}", f"Clause {index}"
        words = rng.choices(pool, cum_weights=weights, k=WORDS_PER_CLAUSE)
        changed = rng.random() < EDITED_SHARE
        new_words = edited(rng, words, pool) if changed else words
        if changed:
            edited_keys.add(key)
        old.append(drafts.Clause(2, heading, paragraphs(words, 72), key, str(index + 1)))
        new.append(drafts.Clause(2, heading, paragraphs(new_words, 58), key, str(index + 1)))
    return old, new, edited_keys


def fresh(clauses: list[drafts.Clause], stored_hash: bool = False) -> list[drafts.Clause]:
    """Copies with nothing memoised (a clause caches its hash and normalised text)."""
    return [
        drafts.Clause(c.level, c.heading, c.body, c.key, c.number, c.hash if stored_hash else None)
        for c in clauses
    ]


def timed_ms(
    run: Callable[..., object], prepare: Callable[[], tuple] = tuple
) -> tuple[float, float]:
    """Best and median wall time; the garbage collector is paused while timing, as timeit does."""
    samples = []
    for _ in range(RUNS):
        arguments = prepare()
        gc.collect()
        gc.disable()
        try:
            started = time.perf_counter()
            run(*arguments)
            samples.append((time.perf_counter() - started) * 1000)
        finally:
            gc.enable()
    return min(samples), statistics.median(samples)


def difflib_per_clause(old: list[drafts.Clause], new: list[drafts.Clause]) -> None:
    for before, after in zip(old, new):
        difflib.SequenceMatcher(None, before.body.split(), after.body.split()).get_opcodes()


def materialised(comparison: drafts.Comparison, unchanged_too: bool = False) -> None:
    """Read what a compare page reads, so nothing computed lazily escapes the timing."""
    comparison.summary  # noqa: B018 (computed on first access)
    for item in comparison.clauses if unchanged_too else comparison.changed:
        item.heading.ops, item.body.ops  # noqa: B018


def uncached_compare(old: Revision, new: Revision) -> None:
    materialised(services.compute_comparison(old, new))


def library_compare(old: list[drafts.Clause], new: list[drafts.Clause]) -> None:
    materialised(drafts.compare(old, new))


def cold_compare(old: list[drafts.Clause], new: list[drafts.Clause]) -> None:
    materialised(drafts.compare(old, new), unchanged_too=True)


def published(number: int, clauses: list[drafts.Clause]) -> Revision:
    """A transient published revision, as the cache sees it (its id and content hash are set)."""
    rows = [
        Clause(
            key=c.key,
            position=i,
            level=c.level,
            number=c.number,
            heading=c.heading,
            body=c.body,
            hash=c.hash,
        )
        for i, c in enumerate(clauses)
    ]
    return Revision(
        id=number,
        number=number,
        state=RevisionState.PUBLISHED,
        clauses=rows,
        content_hash=drafts.content_hash(None, clauses),
    )


def as_values(old: Revision, new: Revision) -> None:
    [as_domain(c) for c in old.clauses], [as_domain(c) for c in new.clauses]


def normalised_texts(clauses: list[drafts.Clause]) -> None:
    for clause in clauses:
        clause.normalised_heading, clause.normalised_body  # noqa: B018


def word_diffs(pairs: list[tuple[str, str, str, str]]) -> None:
    for old_heading, old_body, new_heading, new_body in pairs:
        drafts.diff_normalised(old_heading, new_heading).words_added  # noqa: B018
        body = drafts.diff_normalised(old_body, new_body)
        body.words_added, body.words_removed  # noqa: B018


def breakdown(
    old: list[drafts.Clause],
    new: list[drafts.Clause],
    edited_keys: set[str],
    old_revision: Revision,
    new_revision: Revision,
) -> list[tuple[str, tuple[float, float]]]:
    """Where the uncached time goes, each part timed on its own (they overlap a little)."""
    edited = [(a, b) for a, b in zip(old, new) if a.key in edited_keys]
    texts = [
        (a.normalised_heading, a.normalised_body, b.normalised_heading, b.normalised_body)
        for a, b in edited
    ]
    return [
        (
            "clause rows → clause values (800)",
            timed_ms(as_values, lambda: (old_revision, new_revision)),
        ),
        (
            "pairing 400 clauses, none edited",
            timed_ms(library_compare, lambda: (fresh(old, True), fresh(old, True))),
        ),
        (
            f"normalising the {2 * len(edited)} edited texts",
            timed_ms(normalised_texts, lambda: (fresh([c for pair in edited for c in pair]),)),
        ),
        (f"word diffs of the {len(edited)} edited clauses", timed_ms(word_diffs, lambda: (texts,))),
    ]


def main() -> int:
    old, new, edited_keys = build()
    comparison = drafts.compare(old, new)
    modified = {
        item.key for item in comparison.clauses if item.kind is not drafts.ClauseKind.UNCHANGED
    }
    assert modified == edited_keys, "the redline must flag exactly the edited clauses"
    old_revision, new_revision = published(1, old), published(2, new)
    uncached = timed_ms(uncached_compare, lambda: (old_revision, new_revision))
    library = timed_ms(
        library_compare, lambda: (fresh(old, stored_hash=True), fresh(new, stored_hash=True))
    )
    cold = timed_ms(cold_compare, lambda: (fresh(old), fresh(new)))
    # The cache belongs to an application (one database); this one never opens its database:
    # the revisions are transient, so the first call computes the comparison instead of
    # reading or storing it (consult.redline.stored), and the timed calls hit the cache.
    services.stored_or_computed = services.compute_comparison
    with create_app({"SECRET_KEY": "bench", "SQLALCHEMY_DATABASE_URI": "sqlite://"}).app_context():
        services.compare_revisions(old_revision, new_revision)
        cached = timed_ms(lambda: services.compare_revisions(old_revision, new_revision))
    baseline = timed_ms(difflib_per_clause, lambda: (old, new))
    speedup, cached_speedup = baseline[0] / uncached[0], baseline[0] / cached[0]
    library_speedup = baseline[0] / library[0]
    print(
        f"policy: {CLAUSES} clauses × {WORDS_PER_CLAUSE} words, {len(edited_keys)} edited, all re-wrapped"
    )
    print(f"summary: {comparison.summary}")
    print(f"{'best of ' + str(RUNS):>50} {'median':>10}")
    for label, (best, median) in (
        ("ours, uncached (compute_comparison)", uncached),
        ("ours, uncached, library (drafts.compare)", library),
        ("ours, uncached, cold (no stored hashes)", cold),
        ("ours, cached (compare_revisions)", cached),
        ("difflib word-level, every clause pair", baseline),
    ):
        print(f"{label + ':':<40} {best:9.3f} ms {median:9.3f} ms")
    print(f"ratio difflib / ours uncached:           {speedup:9.1f} ×")
    print(f"ratio difflib / ours uncached, library:  {library_speedup:9.1f} ×")
    print(f"ratio difflib / ours cached:             {cached_speedup:9.0f} ×")
    checks = {
        f"uncached ≤ {TARGETS['uncached_ms']:.0f} ms": uncached[0] <= TARGETS["uncached_ms"],
        f"cached ≤ {TARGETS['cached_ms']:.0f} ms": cached[0] <= TARGETS["cached_ms"],
        f"≥ {TARGETS['speedup']:.0f}× difflib, uncached": speedup >= TARGETS["speedup"],
        f"≥ {TARGETS['speedup']:.0f}× difflib, cached": cached_speedup >= TARGETS["speedup"],
    }
    for name, met in checks.items():
        print(f"target {name}: {'met' if met else 'NOT MET'}")
    print(
        f"where the uncached time goes (≥ {TARGETS['speedup']:.0f}× would leave "
        f"{baseline[0] / TARGETS['speedup']:.2f} ms in all):"
    )
    for label, (best, median) in breakdown(old, new, edited_keys, old_revision, new_revision):
        print(f"  {label + ':':<46} {best:7.3f} ms {median:9.3f} ms")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
