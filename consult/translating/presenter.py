"""What the translation templates and the JSON need, computed once per request."""

from dataclasses import dataclass

import drafts
from consult.accounts.models import User
from consult.policies.models import Clause, Revision
from consult.policies.numbering import HeadingNumbers
from consult.policies.services import as_domain
from consult.translating.services import (
    ClauseStatus,
    can_translate,
    find_translation,
    is_source_language,
    languages_of,
    next_needing_work,
    progress_of,
    revision_statuses,
    status_of,
)

__all__ = ["dashboard_rows", "editor_context", "progress_json", "progress_of", "translation_json"]


@dataclass(frozen=True)
class DashboardRow:
    language: str
    progress: drafts.Progress
    can_write: bool


def dashboard_languages(revision: Revision, user: User | None) -> list[str]:
    """Languages already begun, and those the reader may translate into."""
    mine = set(user.languages) if user is not None and user.is_authenticated else set()
    wanted = set(languages_of(revision)) | mine
    return sorted(tag for tag in wanted if not is_source_language(revision.policy, tag))


def dashboard_rows(revision: Revision, user: User | None) -> list[DashboardRow]:
    return [
        DashboardRow(tag, progress_of(revision_statuses(revision, tag)), can_translate(user, tag))
        for tag in dashboard_languages(revision, user)
    ]


def source_redline(status: ClauseStatus) -> drafts.ClauseComparison | None:
    """For an outdated translation: the source from the text that was translated to today's."""
    if status.state is not drafts.TranslationState.OUTDATED:
        return None
    return drafts.compare([status.translation.source], [as_domain(status.clause)]).clauses[0]


def neighbours(revision: Revision, clause: Clause) -> tuple[Clause | None, Clause | None]:
    index = revision.clauses.index(clause)
    before = revision.clauses[index - 1] if index > 0 else None
    after = revision.clauses[index + 1] if index + 1 < len(revision.clauses) else None
    return before, after


def can_review(status: ClauseStatus, user: User) -> bool:
    translation = status.translation
    return (
        translation is not None
        and status.state is drafts.TranslationState.UNREVIEWED
        and can_translate(user, translation.language)
        and translation.translator_id != user.id
    )


def editor_context(revision: Revision, language: str, clause: Clause, user: User) -> dict:
    status = status_of(clause, find_translation(clause, language))
    statuses = revision_statuses(revision, language)
    previous, following = neighbours(revision, clause)
    return {
        "policy": revision.policy,
        "revision": revision,
        "language": language,
        "clause": clause,
        "headings": HeadingNumbers.of(revision),
        "status": status,
        "change": source_redline(status),
        "can_review": can_review(status, user),
        "previous": previous,
        "following": following,
        "next_key": next_needing_work(statuses, clause.key),
        "position": revision.clauses.index(clause) + 1,
        "progress": progress_of(statuses),
    }


def summary_json(progress: drafts.Progress) -> dict:
    return {
        "current": progress.current,
        "outdated": progress.outdated,
        "missing": progress.missing,
        "reviewed": progress.reviewed,
    }


def clause_json(status: ClauseStatus) -> dict:
    translation = status.translation
    return {
        "key": status.clause.key,
        "number": status.clause.number,
        "state": str(status.state),
        "heading": translation.heading if translation else None,
        "body": translation.body if translation else None,
        "source_hash": translation.source_hash if translation else None,
    }


def translation_json(revision: Revision, language: str) -> dict:
    statuses = revision_statuses(revision, language)
    return {
        "language": language,
        "summary": summary_json(progress_of(statuses)),
        "clauses": [clause_json(status) for status in statuses],
    }


def progress_json(revision: Revision, user: User | None) -> dict:
    return {
        "policy": revision.policy.slug,
        "revision": revision.number,
        "languages": [
            {
                "language": row.language,
                "total": row.progress.total,
                **summary_json(row.progress),
                "percent_ready": row.progress.percent_ready,
            }
            for row in dashboard_rows(revision, user)
        ],
    }
