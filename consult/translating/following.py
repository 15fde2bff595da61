"""The reading language (`?lang=`) carried onto the kernel's pages that cannot ask for it
themselves: a clause's history, the compare page and the report (hooks, see consult/hooks.py).

Only an explicit `?lang=` is followed here: these pages are reached from links that carry
it, and the report's cached content is keyed by it (consult/comments/rendered.py)."""

from dataclasses import dataclass

from flask import abort, request, url_for

import drafts
from consult.errors import message_of
from consult.policies.models import Policy, Revision
from consult.policies.numbering import HeadingNumbers
from consult.redline.presenter import requested_mode, unchanged_open
from consult.redline.services import HistoryEntry
from consult.translating.errors import TranslationError
from consult.translating.reading import ShownClause, reading_of, shown
from consult.translating.services import clause_statuses, is_source_language, language_tag


def asked_translation(policy: Policy) -> str | None:
    """The language `?lang=` asks for when it is not the source's (None: read the source);
    an unknown tag is a readable 404, as on a thread."""
    raw = request.args.get("lang", "").strip()
    if not raw:
        return None
    try:
        language = language_tag(raw)
    except TranslationError as error:
        abort(404, message_of(error))
    return None if is_source_language(policy, language) else language


def compare_page_context(old: Revision, new: Revision) -> dict:
    """Where the redline in the reading language is: the compare page sends readers there."""
    language = asked_translation(new.policy)
    if language is None:
        return {}
    target = url_for(
        "translating.compare",
        slug=new.policy.slug,
        old=old.number,
        new=new.number,
        language=language,
        mode=requested_mode(),
        unchanged="open" if unchanged_open() else None,
        lang=language,
    )
    return {"elsewhere": target}


def history_page_context(
    policy: Policy, entries: list[HistoryEntry], headings: dict[int, HeadingNumbers]
) -> dict:
    """Each version's text in the reading language, by revision id (the source where none),
    and the redline of each translated version against the one before it."""
    language = asked_translation(policy)
    if language is None:
        return {}
    statuses = clause_statuses([entry.clause for entry in entries], language)
    texts = {
        entry.revision.id: shown(statuses[entry.clause.id], language, policy.source_language)
        for entry in entries
    }
    return {
        "history_language": language,
        "history_texts": texts,
        "history_redlines": translated_redlines(entries, texts, headings),
    }


@dataclass(frozen=True)
class TranslatedChange:
    heading: drafts.TextDiff
    body: drafts.TextDiff


def translated_redlines(
    entries: list[HistoryEntry], texts: dict[int, ShownClause], headings: dict[int, HeadingNumbers]
) -> dict[int, TranslatedChange]:
    """By revision id: a translated version's heading and body against the version before
    it, when that one is translated too (a redline across two languages says nothing)."""
    changes, by_revision = {}, {entry.revision.id: entry for entry in entries}
    for entry in entries:
        text = texts[entry.revision.id]
        earlier = entry.previous and by_revision.get(entry.previous.id)
        before = earlier and texts[earlier.revision.id]
        if before and before.translated and text.translated and before.lang == text.lang:
            changes[entry.revision.id] = TranslatedChange(
                drafts.diff_text(
                    shown_heading(earlier, before, headings), shown_heading(entry, text, headings)
                ),
                drafts.diff_text(before.body, text.body),
            )
    return changes


def shown_heading(
    entry: HistoryEntry, text: ShownClause, headings: dict[int, HeadingNumbers]
) -> str:
    """The translated heading as the page shows it: without the number it starts with
    wherever Consult's number is shown instead."""
    return headings[entry.revision.id].heading(entry.clause, text.heading or "")


def report_page_context(revision: Revision) -> dict:
    language = asked_translation(revision.policy)
    return {} if language is None else {"reading": reading_of(revision, language)}
