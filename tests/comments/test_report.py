"""The public report of a revision ("what we heard, what we did") and the statistics page:
only what the public may see is counted or shown, responses are safe Markdown with the
responder's role, the next revision's redline is shown per clause, and drafts stay hidden."""

import re
from datetime import timedelta

import pytest
import sqlalchemy as sa

from consult.comments.models import Comment, Disposition
from consult.comments.report import heard
from consult.comments.services import delete_comment
from consult.comments.statistics import by_day, dispositions_by_week
from consult.comments.triage import Changes, Decision, annotate, apply
from consult.extensions import db
from consult.moderation.services import hide
from consult.types import utcnow
from tests.comment_factories import clause_of
from tests.comments.test_continuity import CHANGED

NOTE = "Internal only NOTE-5d2e"
RESPONSE = "**Thank you** — see <script>alert('RESP')</script> [docs](javascript:alert(1)) RESP-77"


def select(*comments) -> sa.Select:
    return sa.select(Comment.id).where(Comment.id.in_([c.id for c in comments]))


@pytest.fixture
def assignee(create_user):
    from consult.accounts.models import Role

    return create_user("asha", roles=(Role.STAFF,), display_name="Asha ASSIGNEE-91b")


@pytest.fixture
def discussed(commentable, volunteer, moderator, staff, assignee, create_comment, admin):
    """On `purpose`: two English comments and a French one, a German reply, a hidden English
    and a deleted French comment; one accepted with a response, note and assignee, one
    declined by an admin; on `reporting`: one Spanish comment."""
    purpose = clause_of(commentable, "purpose")
    first = create_comment(
        volunteer, purpose, "Say who decides.", suggested_wording="We want **kind** people."
    )
    second = create_comment(volunteer, purpose, "Too vague.")
    french = create_comment(volunteer, purpose, "Trop vague.", language="fr")
    create_comment(staff, purpose, "Eine Antwort.", language="de", parent=first)
    hidden = create_comment(volunteer, purpose, "Rude words HIDDEN-3a.")
    deleted = create_comment(volunteer, purpose, "Oops DELETED-4b.", language="fr")
    create_comment(volunteer, clause_of(commentable, "reporting"), "¿Quién?", language="es")
    policy = commentable.policy
    apply(
        staff,
        policy,
        select(first),
        Changes(Decision(Disposition.ACCEPTED), True, assignee, RESPONSE),
    )
    annotate(staff, first, NOTE)
    apply(
        admin,
        policy,
        select(second, french),
        Changes(Decision(Disposition.DECLINED), response="No, sorry."),
    )
    apply(
        staff,
        policy,
        select(hidden),
        Changes(Decision(Disposition.ACCEPTED), response="HIDDEN-RESPONSE"),
    )
    hide(moderator, hidden, "Rude")
    delete_comment(volunteer, deleted)
    db.session.commit()
    return commentable


def report_path(revision) -> str:
    return f"/policies/{revision.policy.slug}/revisions/{revision.number}/report"


def test_counts_only_what_the_public_sees(discussed):
    found = heard(discussed)
    purpose = found["purpose"].tally
    assert purpose.total == 4  # hidden and deleted left out, the reply counted
    assert dict(purpose.languages) == {"en": 2, "fr": 1, "de": 1}
    assert dict(purpose.dispositions) == {
        Disposition.ACCEPTED: 1,
        Disposition.DECLINED: 2,
        Disposition.OPEN: 1,
    }
    assert dict(found["reporting"].tally.languages) == {"es": 1}
    responses = found["purpose"].responses
    assert [(r.text, r.answered) for r in responses] == [("No, sorry.", 2), (RESPONSE, 1)]
    assert [s.suggested_wording for s in found["purpose"].suggestions] == [
        "We want **kind** people."
    ]


def test_report_page_shows_responses_safely_and_nothing_internal(client, discussed):
    page = client.get(report_path(discussed))
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "RESP-77" in html and "<strong>Thank you</strong>" in html
    assert "<script>alert" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;alert(" in html
    for secret in ("NOTE-5d2e", "ASSIGNEE-91b", "HIDDEN-3a", "DELETED-4b", "HIDDEN-RESPONSE"):
        assert secret not in html
    # Who answered, with the role they answered in.
    assert re.search(r"Sam Staff</bdi></span>\s*<span class=\"badge role-badge role-staff\">", html)
    assert re.search(r"Ada Admin</bdi></span>\s*<span class=\"badge role-badge role-admin\">", html)
    assert "In answer to 2 comments" in html
    # Headings numbered as the reading page shows them, in document order.
    titles = re.findall(r'<h2 id="report-([a-z-]+)-title">', html)
    assert titles == [c.key for c in discussed.clauses]
    assert "No later revision has been published yet." in html


def test_staff_see_the_same_report(client, auth, discussed):
    anonymous = client.get(report_path(discussed)).get_data(as_text=True)
    auth.login("staff")
    html = client.get(report_path(discussed)).get_data(as_text=True)
    for secret in ("NOTE-5d2e", "ASSIGNEE-91b", "HIDDEN-3a", "HIDDEN-RESPONSE"):
        assert secret not in html
    assert anonymous.count("report-response") == html.count("report-response")


def test_report_shows_the_redline_into_the_next_revision(client, discussed, create_revision):
    create_revision(discussed.policy, CHANGED, summary="Calmer")
    html = client.get(report_path(discussed)).get_data(as_text=True)
    assert "/policies/guidelines/compare/1/2" in html
    section = html.split('id="report-purpose"')[1].split('class="report-clause"')[0]
    assert "<ins" in section and "calm" in section and "In revision 2" in section
    assert "Unchanged." in html.split('id="report-reporting"')[1]
    # The newest revision's report has no next revision.
    assert "No later revision" in client.get("/policies/guidelines/revisions/2/report").text


def test_revision_page_links_to_report_and_statistics(client, discussed):
    html = client.get("/policies/guidelines").get_data(as_text=True)
    assert "/policies/guidelines/revisions/1/report" in html
    assert "/policies/guidelines/statistics" in html


@pytest.mark.parametrize("who", [None, "volunteer", "staff"])
def test_unknown_revision_draft_and_drafts_only_policy_are_missing(
    client, auth, discussed, draft, create_policy, create_revision, who
):
    create_revision(create_policy("secret", "Secret"), publish=False)
    if who:
        auth.login(who)
    assert client.get("/policies/guidelines/revisions/9/report").status_code == 404
    assert client.get(f"/policies/guidelines/revisions/{draft.number}/report").status_code == 404
    assert client.get("/policies/secret/revisions/1/report").status_code == 404
    assert client.get("/policies/secret/statistics").status_code == 404
    assert client.get("/policies/nothing/statistics").status_code == 404


def test_statistics_count_visible_comments_per_day_and_week(discussed):
    assert sum(by_day(discussed.policy).values()) == 5
    weeks = dispositions_by_week(discussed.policy)
    assert sum(c[Disposition.ACCEPTED] for c in weeks.values()) == 1
    assert sum(c[Disposition.DECLINED] for c in weeks.values()) == 2


def test_statistics_page_has_accessible_charts_and_tables(client, discussed):
    html = client.get("/policies/guidelines/statistics").get_data(as_text=True)
    charts = re.findall(r"<svg [^>]*>", html)
    assert len(charts) == 3
    for chart in charts:
        assert 'role="img"' in chart
        labelled = re.search(r'aria-labelledby="([^"]+)"', chart).group(1)
        described = re.search(r'aria-describedby="([^"]+)"', chart).group(1).split()
        assert f'<title id="{labelled}">' in html
        assert f'<desc id="{described[0]}">' in html
        assert f'<table id="{described[1]}">' in html
    assert "<script" not in html
    # Clause × language, the most used language first (then by tag): English, German,
    # Spanish, French; Purpose has 2 English, 1 German and 1 French comment.
    header = re.search(r'<table id="table-clauses">.*?</thead>', html, re.S).group(0)
    assert re.findall(r'<span lang="([a-z]+)"', header) == ["en", "de", "es", "fr"]
    row = re.search(r"Purpose</bdi>.*?</tr>", html, re.S).group(0)
    assert re.findall(r"<td>(\d+)</td>", row) == ["2", "1", "0", "1", "4"]
    for secret in ("NOTE-5d2e", "ASSIGNEE-91b", "HIDDEN-3a", "DELETED-4b"):
        assert secret not in html


def region_names(html: str) -> list[str]:
    """What each named section and scrolling table box of a page is called (axe-core's
    landmark-unique rule wants no two regions of the same name)."""
    labels = re.findall(
        r'<(?:section|div role="region")[^>]*? aria-labelledby="([^"]+)"',
        html.replace('class="table-scroll" role="region" tabindex="0"', 'role="region"'),
    )
    texts = (re.search(rf'id="{label}"[^>]*>(.*?)</', html, re.S).group(1) for label in labels)
    return [re.sub(r"<[^>]+>", "", text).strip() for text in texts]


def test_statistics_page_names_each_region_once(client, discussed):
    html = client.get("/policies/guidelines/statistics").get_data(as_text=True)
    names = region_names(html)
    assert "Comments per clause and language" in names
    assert len(names) == len(set(names)), names


def test_statistics_numbers_follow_the_reader_language(client, commentable, volunteer):
    rows = [
        dict(
            policy_id=commentable.policy_id,
            revision_id=commentable.id,
            clause_id=clause_of(commentable, "purpose").id,
            clause_key="purpose",
            author_id=volunteer.id,
            language="en",
            body=f"Comment {i}",
            created_at=utcnow() - timedelta(days=2),
        )
        for i in range(1234)
    ]
    db.session.execute(sa.insert(Comment), rows)
    db.session.commit()
    client.post("/language", data={"locale": "fr"})
    html = client.get("/policies/guidelines/statistics", headers={"Accept-Language": "fr"}).text
    assert "1\u202f234" in html or "1\xa0234" in html


def test_responses_latest_first_and_capped(client, discussed, monkeypatch):
    monkeypatch.setattr("consult.comments.report.RESPONSES_SHOWN", 1)
    found = heard(discussed)["purpose"]
    assert [(r.text, r.answered) for r in found.responses] == [("No, sorry.", 2)]
    assert found.more_responses == 1
    html = client.get(report_path(discussed)).get_data(as_text=True)
    assert "1 more response in the comments" in html and "RESP-77" not in html


HOSTILE = "We want <script>alert('ADOPT')</script> **kind** people ADOPT-9f."


def adopt_wording(staff, comment) -> None:
    from consult.comments.adoption import Request, adopt

    clause = clause_of(comment.revision, comment.clause_key)
    adopt(staff, comment, Request(Disposition.ACCEPTED, None, clause.hash, False))
    db.session.commit()


def adopted_section(html: str) -> str:
    section = html.split('id="report-purpose"')[1].split('class="report-clause"')[0]
    return section.split("Suggested wordings we adopted")[1].split("</ul>")[0]


@pytest.fixture
def adopted(discussed, create_user, create_comment, staff):
    """On `purpose` of `discussed`: a moderator's French comment whose hostile wording staff
    adopted into draft 2."""
    from consult.accounts.models import Role

    writer = create_user("mona", roles=(Role.MODERATOR,), display_name="Mona <b>Mod</b>")
    comment = create_comment(
        writer, clause_of(discussed, "purpose"), "Plus gentil.", "fr", suggested_wording=HOSTILE
    )
    adopt_wording(staff, comment)
    return comment


def test_an_adopted_wording_shows_where_it_went_draft_then_revision(client, auth, adopted, staff):
    from consult.drafting.services import publish
    from consult.policies.services import current_draft

    html = client.get(report_path(adopted.revision)).text
    section = adopted_section(html)
    assert f'href="/comments/{adopted.id}"' in section
    assert f"Wording from comment #{adopted.id}" in section
    assert re.search(
        r"Mona &lt;b&gt;Mod&lt;/b&gt;</bdi></span>\s*<span class=\"badge role-badge role-moderator\">",
        section,
    )
    assert '<span class="comment-language" lang="fr">' in section
    assert "ADOPT-9f" in section and "<strong><ins>kind</ins></strong>" in section
    assert "<span>Adopted in draft 2</span>" in section and "Adopted in revision" not in html
    # Staff get the draft's link, as under the comment.
    auth.login("staff")
    staff_html = client.get(report_path(adopted.revision)).text
    assert "/policies/guidelines/revisions/2/edit#clause-purpose" in adopted_section(staff_html)
    auth.logout()
    # Not listed again among the accepted suggestions; the other accepted one still is.
    assert html.count("ADOPT-9f") == 1
    assert "Suggested wordings we accepted" in html
    publish(staff, current_draft(adopted.revision.policy), "Adopted a suggestion")
    db.session.commit()
    html = client.get(report_path(adopted.revision)).text
    section = adopted_section(html)
    assert "/policies/guidelines/revisions/2#clause-purpose" in section
    assert "Adopted in revision 2" in section and "Adopted in draft" not in html


def test_an_adopted_wording_is_escaped(client, adopted):
    html = client.get(report_path(adopted.revision)).text
    assert "<script>alert('ADOPT')" not in html and "<b>Mod</b>" not in html
    assert "&lt;script&gt;alert(" in adopted_section(html)


def test_adopted_wordings_leave_the_accepted_list(adopted, discussed):
    found = heard(discussed)["purpose"]
    assert [(w.comment_id, w.language, w.author) for w in found.adopted] == [
        (adopted.id, "fr", "Mona <b>Mod</b>")
    ]
    assert [a.number for a in found.adopted[0].adopted_in] == [2]
    assert [r.value for r in found.adopted[0].badges] == ["moderator"]
    assert [s.suggested_wording for s in found.suggestions] == ["We want **kind** people."]
