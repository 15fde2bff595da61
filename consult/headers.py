"""Security headers on every response: pages, JSON, static files and errors alike.

Pages carry no inline script or style (Markdown images are links, table
alignment is a class), so the policy allows only the site's own files. A
response that needs something else (the redline download's embedded
stylesheet) sets its own policy with `content_security_policy(...)`, and that
one is kept.
"""

import base64
import hashlib

from flask import Flask, Response, current_app, request
from flask_login import current_user

POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
EVERY_RESPONSE = {
    # For browsers that predate frame-ancestors.
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    # Links in clauses and comments lead to other sites: they learn nothing of the page.
    "Referrer-Policy": "same-origin",
}
HSTS = "max-age=31536000"
SIGNED_IN_CACHE_CONTROL = "private, no-store"


def content_security_policy(**directives: str) -> str:
    """The site's policy with some directives replaced: style_src="…" sets style-src."""
    policy = POLICY | {name.replace("_", "-"): value for name, value in directives.items()}
    return "; ".join(f"{name} {sources}" for name, sources in policy.items())


def hash_source(text: str) -> str:
    """The CSP source that allows exactly this inline text (of a <style> element)."""
    digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
    return f"'sha256-{digest}'"


def personal() -> bool:
    """True when the response is for a signed-in person (static files are the same for all)."""
    return request.endpoint != "static" and current_user.is_authenticated


def set_security_headers(response: Response) -> Response:
    headers = response.headers
    headers.setdefault("Content-Security-Policy", content_security_policy())
    headers.update(EVERY_RESPONSE)
    if current_app.config["TLS"]:
        headers["Strict-Transport-Security"] = HSTS
    if personal():
        headers["Cache-Control"] = SIGNED_IN_CACHE_CONTROL
    return response


def init_app(app: Flask) -> None:
    # Registered before the commit hook, so it runs after it (Flask runs them in
    # reverse): a failed request is rolled back before the signed-in user is loaded.
    app.after_request(set_security_headers)
