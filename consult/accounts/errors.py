"""The one exception of the accounts area."""


class AccountError(Exception):
    """A rule about accounts was broken; `code` says which."""

    def __init__(self, code: str, **details):
        super().__init__(code)
        self.code = code
        self.details = details
