"""What every redline template needs: the comparison and the means to render it."""
from consult.policies.models import Policy, Revision
from consult.redline.labels import change_label, screen_reader_labels
from consult.redline.render import INLINE, NEW_SIDE, OLD_SIDE, redline_html
from consult.redline.services import compare_revisions


def render_tools() -> dict:
    return {"redline": redline_html, "change_label": change_label, "labels": screen_reader_labels(),
            "shown": {"inline": INLINE, "old": OLD_SIDE, "new": NEW_SIDE}}


def redline_context(policy: Policy, old: Revision, new: Revision, mode: str) -> dict:
    return {**render_tools(), "policy": policy, "old": old, "new": new, "mode": mode,
            "comparison": compare_revisions(old, new)}
