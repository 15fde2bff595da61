"""Where to send someone after signing in or changing language."""

from urllib.parse import urlsplit

from flask import url_for


def local_path(target: str | None) -> str | None:
    """`target` if it is a path on this site, else None.

    Browsers read `//host`, `/\\host` and `/<tab>/host` as other sites, so
    anything but a plain absolute path is refused rather than repaired.
    """
    if not target or not target.startswith("/") or target.startswith("//"):
        return None
    if "\\" in target or any(ord(char) < 32 or ord(char) == 127 for char in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target


def home_url() -> str:
    return url_for("policies.home")


def next_url(target: str | None) -> str:
    return local_path(target) or home_url()
