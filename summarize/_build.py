"""The optional compiled build (issue 27): which modules mypyc compiles, and the switch back to
their pure-Python sources at run time.

setup.py compiles the modules of COMPILED from these same sources when a C compiler and mypy are
there; the .py files are installed beside them and are the fallback. The compiled modules only
work together (they call each other directly), so it is all of them or none: the sources are
loaded instead of every compiled module when SUMMARIZE_PURE is set (the identity test compares
both builds this way), or when one source is newer than its compiled module (a checkout edited
after an editable install, until it is rebuilt). Imports nothing but the standard library: it runs
on every start, before any stage.
"""

from __future__ import annotations

import os
import sys
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec
from importlib.util import spec_from_file_location

COMPILED = (
    "summarize.grammar.tagging",
    "summarize.grammar.chunking",
    "summarize.text.tokens",
    "summarize.text.sentences",
    "summarize.text.structure",
    "summarize.text.reflow",
    "summarize.extract.topics",
    "summarize.extract.organisations",
    "summarize.extract.facts",
    "summarize.rank.ranking",
    "summarize.rank.selection",
    "summarize.run.dedup",
    "summarize.resources",
    "summarize.text.dates",
    "summarize.text.headline",
    "summarize.read.decoding",
)
STALE_AFTER_SECONDS = 2.0  # an install writes a module and its source within moments of each other
_PACKAGE = os.path.dirname(os.path.abspath(__file__))


def source_path(name: str) -> str:
    return os.path.join(_PACKAGE, *name.split(".")[1:]) + ".py"


def compiled_path(name: str) -> str:
    return source_path(name)[:-3] + EXTENSION_SUFFIXES[0]


def compiled_installed() -> bool:
    """Whether the compiled modules are there and current (every one newer than its source)."""
    for name in COMPILED:
        try:
            built = os.stat(compiled_path(name)).st_mtime
        except OSError:
            return False
        try:
            if os.stat(source_path(name)).st_mtime > built + STALE_AFTER_SECONDS:
                return False
        except OSError:
            pass  # no source shipped: nothing to be stale against
    return True


class _PureFinder:
    """Finds the compiled modules' .py sources ahead of the compiled files."""

    @staticmethod
    def find_spec(fullname: str, path: object = None, target: object = None) -> ModuleSpec | None:
        if fullname in COMPILED:
            return spec_from_file_location(fullname, source_path(fullname))
        return None


def use_pure() -> None:
    if not any(isinstance(finder, _PureFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _PureFinder())  # type: ignore[arg-type]


def choose_modules() -> None:
    """Called by the package's __init__ before any compiled module can be imported."""
    if os.environ.get("SUMMARIZE_PURE") or not compiled_installed():
        use_pure()


def running_compiled() -> bool:
    """Whether the modules in use are the compiled ones (for the tests and --version)."""
    module = sys.modules.get("summarize.grammar.tagging")
    if module is None:
        from .grammar import tagging as module
    return not (getattr(module, "__file__", None) or "").endswith(".py")
