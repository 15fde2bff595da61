"""The audit log page, for staff."""

from flask import Blueprint, current_app, render_template, request

from consult.audit.services import known_actions, recent_events
from consult.permissions import staff_required

bp = Blueprint("audit", __name__, template_folder="templates")


@bp.get("/audit")
@staff_required
def log():
    action = request.args.get("action") or None
    page = request.args.get("page", 1, type=int)
    events = recent_events(page, current_app.config["ITEMS_PER_PAGE"], action)
    return render_template("audit/log.html", events=events, action=action, actions=known_actions())
