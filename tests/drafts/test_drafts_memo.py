"""drafts.memo.memoised: computed on first read, once, even on a frozen dataclass."""

from __future__ import annotations

from dataclasses import dataclass, field

from drafts.memo import memoised


@dataclass(frozen=True)
class Counted:
    value: int
    reads: list[int] = field(default_factory=list, compare=False)

    @memoised
    def doubled(self) -> int:
        """Twice the value."""
        self.reads.append(self.value)
        return self.value * 2


def test_computed_once_per_instance():
    first, second = Counted(2), Counted(3)
    assert (first.doubled, first.doubled, second.doubled) == (4, 4, 6)
    assert (first.reads, second.reads) == ([2], [3])


def test_read_on_the_class_gives_the_descriptor_with_its_doc():
    assert isinstance(Counted.doubled, memoised)
    assert Counted.doubled.__doc__ == "Twice the value."
