"""A property computed once per instance, without the lock ``functools.cached_property`` takes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")


class memoised(Generic[T]):  # noqa: N801 (used as a decorator, like property)
    """Like :func:`functools.cached_property`, minus its lock.

    On Python 3.11 ``cached_property`` takes a lock on every first read; with
    thousands of clauses compared at once that lock costs more than the values
    it guards (3.12 removed it). The value is stored in the instance's
    ``__dict__``, which also works on frozen dataclasses, and shadows this
    descriptor from then on, so later reads are plain attribute reads. Two
    threads reading at once may both compute the value; the values memoised in
    ``drafts`` are pure, so that costs time, never correctness.
    """

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> memoised[T]: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...

    def __get__(self, instance: object | None, owner: type | None = None) -> T | memoised[T]:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value
