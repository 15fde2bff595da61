"""Sign-in, registration, interface language and the admin's user pages."""

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from consult.accounts.forms import GrantsForm, LoginForm, RegisterForm, show_account_error
from consult.accounts.messages import ROLE_LABELS
from consult.accounts.models import User
from consult.accounts.redirects import home_url, local_path, next_url
from consult.accounts.services import (
    AccountError,
    authenticate,
    create_user,
    edit_grants,
    search_users,
)
from consult.extensions import db
from consult.permissions import admin_required
from consult.ratelimits import login_limits

bp = Blueprint("accounts", __name__, template_folder="templates")


def form_page(template: str, form, **context):
    # A refused form is a 422, so the request's transaction is rolled back
    # whatever a service may have flushed before refusing.
    return render_template(template, form=form, **context), 422 if form.errors else 200


@bp.route("/register", methods=["GET", "POST"])
def register():
    if current_user.is_authenticated:
        return redirect(home_url())
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            user = create_user(form.username.data, form.password.data, form.display_name.data)
        except AccountError as error:
            show_account_error(form, error)
        else:
            login_user(user)
            flash(_("Welcome, %(name)s! Your account is ready.", name=user.display_name), "success")
            return redirect(home_url())
    return form_page("accounts/register.html", form)


@bp.route("/login", methods=["GET", "POST"])
@login_limits
def login():
    target = local_path(request.args.get("next"))
    if current_user.is_authenticated:
        return redirect(target or home_url())
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(form.username.data, form.password.data)
        if user is not None:
            login_user(user)
            return redirect(target or home_url())
        # One message for both cases, so the form does not reveal which usernames exist.
        form.form_errors.append(_("That username and password do not match an account."))
    return render_template("accounts/login.html", form=form, next=target)


@bp.post("/logout")
def logout():
    logout_user()
    flash(_("You have signed out."), "info")
    return redirect(home_url())


@bp.post("/language")
def set_language():
    locale = request.form.get("locale", "")
    if locale in current_app.config["LANGUAGES"]:
        session["locale"] = locale
    else:
        flash(_("That language is not available."), "error")
    return redirect(next_url(request.form.get("next")))


@bp.get("/admin/users")
@admin_required
def user_list():
    query = request.args.get("q", "").strip()
    page = request.args.get("page", 1, type=int)
    users = search_users(query, page, current_app.config["ITEMS_PER_PAGE"])
    return render_template(
        "accounts/user_list.html", users=users, query=query, role_labels=ROLE_LABELS
    )


@bp.route("/admin/users/<int:user_id>", methods=["GET", "POST"])
@admin_required
def user_edit(user_id: int):
    user = db.get_or_404(User, user_id)
    form = GrantsForm.for_user(user)
    if form.validate_on_submit():
        try:
            edit_grants(
                current_user._get_current_object(),
                user,
                form.selected_roles(),
                form.language_tags(),
            )
        except AccountError as error:
            show_account_error(form, error)
        else:
            flash(_("Saved the roles of %(name)s.", name=user.username), "success")
            return redirect(url_for(".user_list", q=user.username))
    return form_page("accounts/user_edit.html", form, user=user)
