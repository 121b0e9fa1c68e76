"""Text, Markdown and JSON of a result dict (the JSON object of the contract): no ANSI codes, no wrapping."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from .labels import fact_lines, labels, reasons_suffix, same_release_line, stats_line


def to_text(result: dict[str, Any], header: bool = False) -> str:
    """Plain text: no ANSI codes and no hard wrapping, one sentence a line."""
    if "error" in result:
        return f"{result['source']}: error: {result['error']}\n"
    lab = labels(result)
    out: list[str] = []
    if header:
        out.append(f"==> {result['source']} <==")
    out.append(result.get("title") or lab["no_title"])
    same = same_release_line(result)
    if same:
        return "\n".join([*out, same]) + "\n"
    out.append("")
    out.append(f"{lab['summary']}{lab['colon']}")
    out.extend(f"- {s}" for s in result["summary"])
    if result["topics"]:
        out.append("")
        out.append(f"{lab['topics']}{lab['colon']}")
        out.extend(f"- {t}" for t in result["topics"])
    facts = fact_lines(result)
    if facts:
        out.append("")
        out.append(f"{lab['facts']}{lab['colon']}")
        out.extend(f"  {name}{lab['colon']} {value}" for name, value in facts)
    out.append("")
    out.append(f"{lab['stats']}{lab['colon']} {stats_line(result)}")
    if result.get("scores"):
        out.append("")
        out.append(f"{lab['explain']}{lab['colon']}")
        out.extend(f"  {'*' if s['selected'] else ' '} #{s['rank']:<3} {s['score']:>8.3f}  {s['text']}{reasons_suffix(s)}" for s in result["scores"])
    return "\n".join(out) + "\n"


def to_markdown(result: dict[str, Any]) -> str:
    if "error" in result:
        return f"> **{result['source']}**: {result['error']}\n"
    lab = labels(result)
    out = [f"## {result.get('title') or lab['no_title']}", "", f"*{result['source']}*", ""]
    same = same_release_line(result)
    if same:
        return "\n".join([*out, same]) + "\n"
    out += [f"**{lab['summary']}**", ""]
    out.extend(f"- {s}" for s in result["summary"])
    if result["topics"]:
        out += ["", f"**{lab['topics']}**", ""]
        out.extend(f"- {t}" for t in result["topics"])
    facts = fact_lines(result)
    if facts:
        out += ["", f"**{lab['facts']}**", ""]
        out.extend(f"- *{name}*{lab['colon']} {value}" for name, value in facts)
    out += ["", f"_{stats_line(result)}_"]
    if result.get("scores"):
        out += ["", f"| # | {lab['rank']} | score | {lab['sentence']} |", "|---|---|---|---|"]
        out.extend(f"| {s['index']} | {s['rank']}{' ✓' if s['selected'] else ''} | {s['score']:.3f} | {s['text']}{reasons_suffix(s)} |"
                   for s in result["scores"])
    return "\n".join(out) + "\n"


def to_json_line(result: dict[str, Any]) -> str:
    return json.dumps(result, ensure_ascii=False) + "\n"


def to_json_document(results: Iterable[dict[str, Any]], single: bool) -> str:
    items = list(results)
    payload: Any = items[0] if single and len(items) == 1 else items
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
