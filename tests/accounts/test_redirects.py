"""`next` targets: only paths on this site are followed."""

import pytest

from consult.accounts.redirects import local_path

LOCAL = ["/", "/policies/3", "/admin/users?q=ada&page=2", "/p#clause-3", "/a//b"]
FOREIGN = [
    None,
    "",
    "//evil.com",
    "///evil.com",
    "https://evil.com",
    "http://evil.com/",
    "/\\evil.com",
    "\\\\evil.com",
    "/\t/evil.com",
    "/\n/evil.com",
    "javascript:alert(1)",
    "evil.com",
    "relative/path",
    " /leading-space",
    "https:/evil.com",
    "/%0a/x\x7f",
]


@pytest.mark.parametrize("target", LOCAL)
def test_local_paths_are_kept(target):
    assert local_path(target) == target


@pytest.mark.parametrize("target", FOREIGN)
def test_anything_else_is_refused(target):
    assert local_path(target) is None
