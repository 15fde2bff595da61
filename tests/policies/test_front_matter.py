"""Front matter on import: refused out of bounds with a message, stored within a bound."""

import io
import json

import pytest
import sqlalchemy as sa
from markupsafe import escape

from consult.drafting.importing import STORED_FRONT_MATTER_BYTES
from consult.drafting.messages import MESSAGES
from consult.extensions import db
from consult.policies.models import Revision
from drafts import DocumentErrorCode
from drafts.front_matter import MAX_FRONT_MATTER_CHARS, MAX_FRONT_MATTER_DEPTH

BODY = "# Guidelines\n\n## Purpose\n\nBe kind.\n"


def upload(client, text: str):
    return client.post(
        "/policies/guidelines/import",
        content_type="multipart/form-data",
        data={"document": (io.BytesIO(text.encode()), "doc.md")},
    )


def laughs(levels: int) -> str:
    names = "abcdefghij"
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for below, name in zip(names, names[1:levels]):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{below}"] * 10) + "]")
    return "---\n" + "\n".join(lines) + "\n---\n" + BODY


REFUSED = {
    "alias bomb, 8 levels": (laughs(8), "uses an anchor or an alias (& or *) (line 2)"),
    "alias bomb, 7 levels": (laughs(7), "uses an anchor or an alias (& or *) (line 2)"),
    "too deep": (
        "---\nv: " + "[" * MAX_FRONT_MATTER_DEPTH + "]" * MAX_FRONT_MATTER_DEPTH + "\n---\n" + BODY,
        f"at most {MAX_FRONT_MATTER_DEPTH} levels",
    ),
    "too long": (
        "+++\n" + "#" * (MAX_FRONT_MATTER_CHARS + 1) + "\n+++\n" + BODY,
        f"use at most {MAX_FRONT_MATTER_CHARS:,} characters",
    ),
}


@pytest.mark.parametrize("text,message", REFUSED.values(), ids=REFUSED.keys())
def test_front_matter_out_of_bounds_is_refused(client, auth, staff, create_policy, text, message):
    create_policy()
    auth.login()
    response = upload(client, text)
    assert response.status_code == 422
    assert escape(message) in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Revision)) == 0


def test_stored_front_matter_keeps_top_level_scalars_within_a_bound(
    client, auth, staff, create_policy
):
    create_policy()
    auth.login()
    front_matter = (
        "title: Guidelines\nlanguage: en\nversion: 2.1\ndate: 2026-01-31\nratio: .nan\n"
        "tags: [a, b]\nauthor: {name: Ana}\nsummary: " + "word " * 1000 + "\nlast: kept\n"
    )
    assert upload(client, f"---\n{front_matter}---\n{BODY}").status_code == 302
    stored = db.session.scalars(sa.select(Revision)).one().front_matter
    assert stored == {
        "title": "Guidelines",
        "language": "en",
        "version": 2.1,
        "date": "2026-01-31",
        "last": "kept",
    }
    assert len(json.dumps(stored)) <= STORED_FRONT_MATTER_BYTES


def test_every_document_error_code_has_a_message():
    assert {code.value for code in DocumentErrorCode} <= MESSAGES.keys()
