"""Places on a kernel page where the areas above the kernel add their parts.

The policy page belongs to `policies`, but drafting adds the staff actions,
translating the reading language and comments the consultation window and the
comment links; a comment gets its translation from translating and its
"Moderate" link from moderation; the publish form its "minor edit" choices; the draft editor and a clause's history show, after a clause's text,
where comments took its wording from ("clause.after_text", context: clause). Each area registers, in its own `register(app)`, a partial for a
named place and, when the partial needs data, a context provider for the page;
the page renders what is registered and never imports the areas (like Indico's
template hooks). Registration order is the order on the page.

The reading language follows the reader the same way: translating gives a clause's
history its texts in `?lang=` ("history"), the report its clause titles ("report"),
and the compare page the address of the translated redline it hands over to
("compare", key `elsewhere`).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask import Flask, current_app

PLACES = frozenset(
    {
        "revision.header",
        "revision.clause_top",
        "revision.clause_bottom",
        "clause.after_text",
        "comment.after_body",
        "comment.actions",
        "publish.form",
    }
)
PAGES = frozenset({"revision", "thread", "history", "compare", "report"})

ContextProvider = Callable[..., dict[str, Any]]


@dataclass
class Hooks:
    partials: dict[str, list[str]] = field(default_factory=dict)
    providers: dict[str, list[ContextProvider]] = field(default_factory=dict)


def hooks_of(app: Flask) -> Hooks:
    return app.extensions["consult.hooks"]


def add_partial(app: Flask, place: str, template: str) -> None:
    if place not in PLACES:
        raise ValueError(f"unknown hook place {place!r}")
    hooks_of(app).partials.setdefault(place, []).append(template)


def add_context(app: Flask, page: str, provider: ContextProvider) -> None:
    """`provider(**page_objects)` returns names to add to the page's template context."""
    if page not in PAGES:
        raise ValueError(f"unknown hook page {page!r}")
    hooks_of(app).providers.setdefault(page, []).append(provider)


def partials_at(place: str) -> list[str]:
    return hooks_of(current_app).partials.get(place, [])


def page_context(page: str, **page_objects: Any) -> dict[str, Any]:
    context: dict[str, Any] = {}
    for provider in hooks_of(current_app).providers.get(page, []):
        context.update(provider(**page_objects))
    return context


def init_app(app: Flask) -> None:
    app.extensions["consult.hooks"] = Hooks()
    app.jinja_env.globals["partials_at"] = partials_at
