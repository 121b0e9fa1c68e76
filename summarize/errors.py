"""Errors the user can act on; the CLI prints their message, never a traceback."""


class InputError(Exception):
    """An input that cannot be summarized (missing, empty, binary, too large, unreadable)."""
