"""Benchmark drafts.align() on its worst case: nothing matches by key or heading.

Run with the project's interpreter from the repository root:

    .venv/bin/python bench/align.py

400 synthetic clauses of ~250 words (Zipf-distributed vocabulary, so common
words are shared by every clause as in real prose) are re-keyed against a
second list of 400 with every heading replaced, ~10% of words edited, in
shuffled order. align() is timed (best of 5) and compared with a naive
baseline, difflib.SequenceMatcher.ratio() on every pair, which is far too slow
to run in full: a sample of pairs is timed and the total extrapolated.
"""

from __future__ import annotations

import difflib
import random
import sys
import textwrap
import time
from itertools import accumulate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from drafts import Clause, align

CLAUSES = 400
WORDS_PER_CLAUSE = 250
EDIT_RATE = 0.10
VOCABULARY_SIZE = 8000
ZIPF_EXPONENT = 1.05
RUNS = 5
BASELINE_SAMPLE = 300
REQUIRED_RECALL = 0.95
SEED = 20240601


def pseudo_words(rng: random.Random, count: int) -> list[str]:
    syllables = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"]
    found: set[str] = set()
    while len(found) < count:
        found.add("".join(rng.choice(syllables) for _ in range(rng.randint(1, 4))))
    return sorted(found)


class Prose:
    """Draws words with Zipf frequencies, like natural text."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.vocabulary = pseudo_words(rng, VOCABULARY_SIZE)
        weights = [1 / rank**ZIPF_EXPONENT for rank in range(1, VOCABULARY_SIZE + 1)]
        self.cumulative = list(accumulate(weights))

    def words(self, count: int) -> list[str]:
        return self.rng.choices(self.vocabulary, cum_weights=self.cumulative, k=count)

    def heading(self) -> str:
        return " ".join(self.rng.sample(self.vocabulary[200:], self.rng.randint(2, 5))).capitalize()


def as_markdown(words: list[str], rng: random.Random) -> str:
    """Lay words out as wrapped paragraphs of 40-80 words."""
    paragraphs, start = [], 0
    while start < len(words):
        end = start + rng.randint(40, 80)
        paragraphs.append(textwrap.fill(" ".join(words[start:end]), width=rng.randint(60, 90)))
        start = end
    return "\n\n".join(paragraphs)


def edited(words: list[str], prose: Prose) -> list[str]:
    rng, result = prose.rng, []
    for word in words:
        roll = rng.random()
        if roll < EDIT_RATE / 3:
            continue
        if roll < 2 * EDIT_RATE / 3:
            result.extend([word, *prose.words(1)])
        elif roll < EDIT_RATE:
            result.extend(prose.words(1))
        else:
            result.append(word)
    return result


def build_case(rng: random.Random) -> tuple[list[Clause], list[Clause], list[str]]:
    """Return old clauses (keyed), new clauses (shuffled) and each new clause's true key."""
    prose = Prose(rng)
    texts = [prose.words(WORDS_PER_CLAUSE) for _ in range(CLAUSES)]
    old = list(align([], [Clause(2, prose.heading(), as_markdown(t, rng)) for t in texts]).clauses)
    new = [Clause(2, prose.heading(), as_markdown(edited(t, prose), rng)) for t in texts]
    order = list(range(CLAUSES))
    rng.shuffle(order)
    return old, [new[i] for i in order], [old[i].key or "" for i in order]


def best_times(old: list[Clause], new: list[Clause]) -> tuple[float, float]:
    """Best wall-clock and best CPU seconds over RUNS calls (CPU time ignores other load)."""
    wall, cpu = [], []
    for _ in range(RUNS):
        wall_start, cpu_start = time.perf_counter(), time.process_time()
        align(old, new)
        wall.append(time.perf_counter() - wall_start)
        cpu.append(time.process_time() - cpu_start)
    return min(wall), min(cpu)


def baseline_estimate(old: list[Clause], new: list[Clause], rng: random.Random) -> float:
    """Seconds SequenceMatcher.ratio() would take on all pairs, from a timed sample."""
    pairs = [(rng.choice(old), rng.choice(new)) for _ in range(BASELINE_SAMPLE)]
    started = time.perf_counter()
    for a, b in pairs:
        difflib.SequenceMatcher(None, a.body.split(), b.body.split()).ratio()
    per_pair = (time.perf_counter() - started) / BASELINE_SAMPLE
    return per_pair * len(old) * len(new)


def main() -> int:
    rng = random.Random(SEED)
    old, new, true_keys = build_case(rng)
    alignment = align(old, new)
    recovered = sum(c.key == key for c, key in zip(alignment.clauses, true_keys)) / CLAUSES
    elapsed, cpu = best_times(old, new)
    baseline = baseline_estimate(old, new, rng)
    print(
        f"clauses: {CLAUSES} old x {CLAUSES} new, ~{WORDS_PER_CLAUSE} words each, "
        f"all headings changed, ~{EDIT_RATE:.0%} of words edited, shuffled"
    )
    print(
        f"align():            {elapsed * 1000:8.1f} ms  wall clock, {cpu * 1000:.1f} ms CPU (best of {RUNS})"
    )
    print(
        f"naive baseline:     {baseline * 1000:8.0f} ms  (difflib.SequenceMatcher.ratio() on all "
        f"{CLAUSES * CLAUSES} pairs, extrapolated from {BASELINE_SAMPLE} timed pairs)"
    )
    print(f"speed-up:           {baseline / elapsed:8.0f} x")
    print(f"keys recovered:     {recovered:8.1%}  (required >= {REQUIRED_RECALL:.0%})")
    return 0 if recovered >= REQUIRED_RECALL else 1


if __name__ == "__main__":
    sys.exit(main())
