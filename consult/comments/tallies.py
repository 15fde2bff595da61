"""The triage page's counts — every facet's and the number of matching comments — kept per
policy generation (consult/comments/generations.py): a warm page reads them from memory,
and any change to what they count makes the next page count afresh.

Kept per process, like the redline's comparisons; bounded, so a crawl over every filter
combination cannot grow it without limit.
"""

from dataclasses import dataclass, replace

from flask import Flask, current_app
from flask_babel import get_locale, get_timezone

from consult.accounts.models import User
from consult.comments.facets import Facet, facets
from consult.comments.generations import generation_of
from consult.comments.sieve import DEFAULT_SORT, TriageFilters, matching_count
from consult.policies.models import Policy
from consult.redline.cache import LRUCache

TALLIES = "consult.comments.tallies"


@dataclass(frozen=True)
class Tallies:
    facets: dict[str, Facet]
    matching: int


def init_app(app: Flask) -> None:
    app.extensions[TALLIES] = LRUCache(maxsize=512)


def tallies_of(policy: Policy, filters: TriageFilters, staff: list[User]) -> Tallies:
    """The counts for these filters; the order they are listed in changes none of them.
    Labels are in the reader's language and dates in their zone, so both are in the key."""
    key = (
        policy.id,
        generation_of(policy.id),
        replace(filters, sort=DEFAULT_SORT),
        tuple((user.id, user.display_name) for user in staff),
        str(get_locale()),
        str(get_timezone()),
    )
    return current_app.extensions[TALLIES].get_or_compute(
        key, lambda: Tallies(facets(policy, filters, staff), matching_count(policy, filters))
    )
