"""One result as a standalone file body, in any format (what --output-dir writes)."""

from __future__ import annotations

import json
from typing import Any

from .plain import to_json_line, to_markdown, to_text


def render_one(result: dict[str, Any], fmt: str) -> str:
    """One result as a standalone file body (used by --output-dir)."""
    if fmt in ("json",):
        return json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return to_json_line(result)
    if fmt == "markdown":
        return to_markdown(result)
    if fmt == "html":
        from .html import to_html_page

        return to_html_page(result)
    return to_text(result)
