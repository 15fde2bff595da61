"""Sign-in, registration, one's own account, interface language and the admin's user pages."""

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required, logout_user

from consult.accounts.forms import (
    ChangePasswordForm,
    DisplayNameForm,
    GrantsForm,
    LoginForm,
    RegisterForm,
    UserDisplayNameForm,
    show_account_error,
)
from consult.accounts.labels import ROLE_LABELS
from consult.accounts.limits import login_limits, password_change_limits, registering_limits
from consult.accounts.models import User
from consult.accounts.preferences import (
    PreferencesForm,
    preferences_form,
    save_language,
    save_preferences,
)
from consult.accounts.redirects import home_url, local_path, next_url
from consult.accounts.services import (
    AccountError,
    authenticate,
    change_display_name,
    change_password,
    create_user,
    edit_grants,
    end_sessions,
    search_users,
    sign_out_everywhere,
)
from consult.accounts.sessions import start_session
from consult.extensions import db
from consult.i18n import catalog_for
from consult.permissions import admin_required

bp = Blueprint("accounts", __name__, template_folder="templates")


def form_page(template: str, form, **context):
    # A refused form is a 422, so the request's transaction is rolled back
    # whatever a service may have flushed before refusing.
    return render_template(template, form=form, **context), 422 if form.errors else 200


def signed_in_user() -> User:
    return current_user._get_current_object()


@bp.route("/register", methods=["GET", "POST"])
@registering_limits
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
            start_session(user)
            # Translators: Confirmation shown after registering; %(name)s is the new user's display name.
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
            start_session(user)
            return redirect(target or home_url())
        # One message for both cases, so the form does not reveal which usernames exist.
        # Translators: Error on the sign-in form when the username or password is wrong; deliberately does not say which.
        form.form_errors.append(_("That username and password do not match an account."))
    status = 422 if form.errors or form.form_errors else 200
    return render_template("accounts/login.html", form=form, next=target), status


@bp.post("/logout")
def logout():
    if current_user.is_authenticated:
        # A copy of this session's cookie must not outlive signing out.
        end_sessions(signed_in_user())
    logout_user()
    # Translators: Confirmation after signing out; all the user's sessions on other devices end too.
    flash(_("You have signed out, here and on every other device."), "info")
    return redirect(home_url())


@bp.route("/account", methods=["GET", "POST"])
@login_required
def account():
    user = signed_in_user()
    form = DisplayNameForm(data={"display_name": user.display_name})
    if form.validate_on_submit():
        try:
            change_display_name(user, user, form.display_name.data)
        except AccountError as error:
            show_account_error(form, error)
        else:
            # Translators: Confirmation after a user saves their own display name.
            flash(_("Saved your display name."), "success")
            return redirect(url_for(".account"))
    return form_page("accounts/account.html", form, preferences=preferences_form(user))


@bp.post("/account/preferences")
@login_required
def preferences():
    user = signed_in_user()
    form = PreferencesForm()
    if not form.validate_on_submit():
        names = DisplayNameForm(data={"display_name": user.display_name})
        return render_template("accounts/account.html", form=names, preferences=form), 422
    save_preferences(user, form.locale.data, form.timezone.data)
    # Translators: Confirmation message after a user saves their interface language and time zone on the account page.
    flash(_("Saved your language and time zone."), "success")
    return redirect(url_for(".account"))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
@password_change_limits
def password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        user = signed_in_user()
        try:
            change_password(user, form.current_password.data, form.password.data)
        except AccountError as error:
            show_account_error(form, error)
        else:
            start_session(user)  # with the new token: only this browser stays signed in
            # Translators: Confirmation after a password change; all the user's other sessions are ended.
            flash(_("Your password is changed, and every other device is signed out."), "success")
            return redirect(url_for(".account"))
    return form_page("accounts/password.html", form)


@bp.post("/language")
def set_language():
    locale = catalog_for(request.form.get("locale", ""))
    if locale is None:
        # Translators: Error when the chosen interface language is not offered. Read by anyone registering, signing in or managing their own account.
        abort(400, _("That language is not available."))
    save_language(signed_in_user() if current_user.is_authenticated else None, locale)
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


def user_page(user: User, form: GrantsForm, rename_form: UserDisplayNameForm):
    status = 422 if form.errors or rename_form.errors else 200
    page = render_template("accounts/user_edit.html", form=form, rename_form=rename_form, user=user)
    return page, status


def unposted_rename_form(user: User) -> UserDisplayNameForm:
    # Not filled from the request: what was posted belongs to the roles form.
    return UserDisplayNameForm(formdata=None, data={"display_name": user.display_name})


@bp.route("/admin/users/<int:user_id>", methods=["GET", "POST"])
@admin_required
def user_edit(user_id: int):
    user = db.get_or_404(User, user_id)
    form = GrantsForm.for_user(user)
    if form.validate_on_submit():
        try:
            edit_grants(signed_in_user(), user, form.selected_roles(), form.language_tags())
        except AccountError as error:
            show_account_error(form, error)
        else:
            # Translators: Confirmation for an administrator after saving someone's roles; %(name)s is that person's display name.
            flash(_("Saved the roles of %(name)s.", name=user.username), "success")
            return redirect(url_for(".user_list", q=user.username))
    return user_page(user, form, unposted_rename_form(user))


@bp.post("/admin/users/<int:user_id>/display-name")
@admin_required
def user_rename(user_id: int):
    user = db.get_or_404(User, user_id)
    form = UserDisplayNameForm()
    if form.validate_on_submit():
        try:
            change_display_name(signed_in_user(), user, form.display_name.data)
        except AccountError as error:
            show_account_error(form, error)
        else:
            # Translators: Confirmation for an administrator after changing someone's display name; %(name)s is that person's display name.
            flash(_("Saved the display name of %(name)s.", name=user.username), "success")
            return redirect(url_for(".user_edit", user_id=user.id))
    # formdata=None: the roles as stored, not as absent from the rename form's post.
    return user_page(user, GrantsForm.for_user(user, formdata=None), form)


@bp.post("/admin/users/<int:user_id>/sign-out")
@admin_required
def user_sign_out(user_id: int):
    user = db.get_or_404(User, user_id)
    sign_out_everywhere(signed_in_user(), user)
    # Translators: Confirmation for an administrator after ending all sessions of an account; %(name)s is that person's display name.
    flash(_("%(name)s is signed out on every device.", name=user.username), "success")
    return redirect(url_for(".user_edit", user_id=user.id))
