"""`/me/comments`: the signed-in person's comments and what became of them."""

from flask import current_app, render_template, request
from flask_login import current_user, login_required

from consult.comments.mine import own_comments, with_places
from consult.comments.views import bp


@bp.get("/me/comments")
@login_required
def mine():
    page = own_comments(
        current_user, request.args.get("page", 1, type=int), current_app.config["ITEMS_PER_PAGE"]
    )
    return render_template("comments/mine.html", page=page, items=with_places(list(page.items)))
