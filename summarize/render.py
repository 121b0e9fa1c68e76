"""Render stage: result dicts (the JSON objects of the contract) as text, Markdown, JSON or Rich.

Renderers take the JSON-shaped dict, so batch workers only ship plain data back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

FORMATS = ("rich", "text", "markdown", "json", "jsonl", "html")
EXTENSIONS = {"rich": "txt", "text": "txt", "markdown": "md", "json": "json", "jsonl": "jsonl", "html": "html"}

LABELS = {
    "fr": {"summary": "Résumé", "topics": "Thèmes clés", "facts": "Repères", "stats": "Statistiques",
           "words": "mots", "sentences": "phrases", "date": "Date", "dates": "Autres dates", "place": "Lieu", "people": "Personnes",
           "organisations": "Organisations", "figures": "Chiffres", "quotes": "Citations",
           "contacts": "Contact presse", "error": "Erreur", "explain": "Scores", "no_title": "(sans titre)"},
    "en": {"summary": "Summary", "topics": "Key topics", "facts": "Key facts", "stats": "Statistics",
           "words": "words", "sentences": "sentences", "date": "Date", "dates": "Other dates", "place": "Place", "people": "People",
           "organisations": "Organisations", "figures": "Figures", "quotes": "Quotes",
           "contacts": "Press contact", "error": "Error", "explain": "Scores", "no_title": "(untitled)"},
}


def labels(result: dict[str, Any]) -> dict[str, str]:
    return LABELS.get(result.get("language", "fr"), LABELS["fr"])


def stats_line(result: dict[str, Any]) -> str:
    lab = labels(result)
    stats = result["stats"]
    return (f"{stats['words']} {lab['words']} → {stats['summary_words']} {lab['words']} "
            f"({len(result['summary'])}/{stats['sentences']} {lab['sentences']})")


def fact_lines(result: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, value) pairs of the compact facts block, most useful first."""
    lab, facts = labels(result), result.get("facts", {})
    lines: list[tuple[str, str]] = []
    if facts.get("date"):
        lines.append((lab["date"], facts["date"]))
    other_dates = [d for d in facts.get("dates", []) if d["iso"] != facts.get("date")]
    if other_dates:
        lines.append((lab["dates"], ", ".join(f"{d['text']} ({d['iso']})" for d in other_dates[:5])))
    if facts.get("place"):
        lines.append((lab["place"], facts["place"]))
    if facts.get("people"):
        lines.append((lab["people"], "; ".join(
            f"{p['name']} ({p['role']})" if p.get("role") else p["name"] for p in facts["people"][:4])))
    if facts.get("organisations"):
        lines.append((lab["organisations"], ", ".join(
            f"{o['name']} ({o['expansion']})" if o.get("expansion") else o["name"] for o in facts["organisations"][:6])))
    if facts.get("figures"):
        lines.append((lab["figures"], ", ".join(f["text"] for f in facts["figures"][:6])))
    if facts.get("quotes"):
        q = facts["quotes"][0]
        lines.append((lab["quotes"], f"« {_shorten(q['quote'], 140)} »" + (f" — {q['speaker']}" if q.get("speaker") else "")))
    if facts.get("contacts"):
        press = [c for c in facts["contacts"] if "presse" in (c.get("text") or "").lower() or "press" in (c.get("email") or "")]
        c = (press or facts["contacts"])[0]  # the press contact before investor relations
        lines.append((lab["contacts"], " · ".join(v for v in (c.get("name"), c.get("email"), c.get("phone")) if v)))
    return lines


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def to_text(result: dict[str, Any], header: bool = False) -> str:
    """Plain text: no ANSI codes and no hard wrapping, one sentence a line."""
    if "error" in result:
        return f"{result['source']}: error: {result['error']}\n"
    lab = labels(result)
    out: list[str] = []
    if header:
        out.append(f"==> {result['source']} <==")
    out.append(result.get("title") or lab["no_title"])
    out.append("")
    out.append(f"{lab['summary']} :" if result["language"] == "fr" else f"{lab['summary']}:")
    out.extend(f"- {s}" for s in result["summary"])
    if result["topics"]:
        out.append("")
        out.append(f"{lab['topics']} :" if result["language"] == "fr" else f"{lab['topics']}:")
        out.extend(f"- {t}" for t in result["topics"])
    facts = fact_lines(result)
    if facts:
        out.append("")
        out.append(f"{lab['facts']} :" if result["language"] == "fr" else f"{lab['facts']}:")
        out.extend(f"  {name} : {value}" for name, value in facts)
    out.append("")
    out.append(f"{lab['stats']} : {stats_line(result)}")
    if result.get("scores"):
        out.append("")
        out.append(f"{lab['explain']} :")
        out.extend(f"  {'*' if s['selected'] else ' '} #{s['rank']:<3} {s['score']:>8.3f}  {s['text']}{_reasons(s)}" for s in result["scores"])
    return "\n".join(out) + "\n"


def _reasons(scored: dict[str, Any]) -> str:
    """What pushed a sentence down, after its text: "  [length -0.21 (48 words); anaphora -0.10 (…)]"."""
    return f"  [{'; '.join(scored['reasons'])}]" if scored.get("reasons") else ""


def to_markdown(result: dict[str, Any]) -> str:
    if "error" in result:
        return f"> **{result['source']}**: {result['error']}\n"
    lab = labels(result)
    out = [f"## {result.get('title') or lab['no_title']}", "", f"*{result['source']}*", "", f"**{lab['summary']}**", ""]
    out.extend(f"- {s}" for s in result["summary"])
    if result["topics"]:
        out += ["", f"**{lab['topics']}**", ""]
        out.extend(f"- {t}" for t in result["topics"])
    facts = fact_lines(result)
    if facts:
        out += ["", f"**{lab['facts']}**", ""]
        out.extend(f"- *{name}* : {value}" for name, value in facts)
    out += ["", f"_{stats_line(result)}_"]
    if result.get("scores"):
        out += ["", "| # | rang | score | phrase |", "|---|---|---|---|"]
        out.extend(f"| {s['index']} | {s['rank']}{' ✓' if s['selected'] else ''} | {s['score']:.3f} | {s['text']}{_reasons(s)} |" for s in result["scores"])
    return "\n".join(out) + "\n"


def to_json_line(result: dict[str, Any]) -> str:
    return json.dumps(result, ensure_ascii=False) + "\n"


def to_json_document(results: Iterable[dict[str, Any]], single: bool) -> str:
    items = list(results)
    payload: Any = items[0] if single and len(items) == 1 else items
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def render_one(result: dict[str, Any], fmt: str) -> str:
    """One result as a standalone file body (used by --output-dir)."""
    if fmt in ("json",):
        return json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return to_json_line(result)
    if fmt == "markdown":
        return to_markdown(result)
    if fmt == "html":
        from .render_html import to_html_page

        return to_html_page(result)
    return to_text(result)


def rich_panel(result: dict[str, Any]):
    """A Rich renderable for one result (imported lazily: Rich costs start-up time)."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    if "error" in result:
        return Panel(Text(result["error"], style="red"), title=Text(result["source"], style="bold red"), border_style="red")
    lab = labels(result)
    parts: list[Any] = [Text(lab["summary"], style="bold cyan")]
    for sentence in result["summary"]:
        parts.append(Text.assemble(("• ", "cyan"), sentence))
    if result["topics"]:
        parts += [Text(""), Text(lab["topics"], style="bold magenta")]
        parts.append(Text("  ".join(f"▸ {t}" for t in result["topics"]), style="magenta"))
    facts = fact_lines(result)
    if facts:
        parts += [Text(""), Text(lab["facts"], style="bold green")]
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="green", no_wrap=True)
        grid.add_column()
        for name, value in facts:
            grid.add_row(name, value)
        parts.append(grid)
    parts += [Text(""), Text(f"{lab['stats']} : {stats_line(result)}", style="dim")]
    if result.get("scores"):
        table = Table(title=lab["explain"], show_lines=False, expand=True)
        table.add_column("#", justify="right")
        table.add_column("rang", justify="right")
        table.add_column("score", justify="right")
        table.add_column("phrase")
        for s in result["scores"]:
            style = "bold" if s["selected"] else "dim"
            table.add_row(str(s["index"]), str(s["rank"]), f"{s['score']:.3f}", s["text"] + _reasons(s), style=style)
        parts += [Text(""), table]
    return Panel(Group(*parts), title=Text(result.get("title") or lab["no_title"], style="bold"),
                 subtitle=Text(result["source"], style="dim"), title_align="left", subtitle_align="right")


def rich_batch_table(results: list[dict[str, Any]]):
    from rich.markup import escape
    from rich.table import Table

    table = Table(title="Lot / Batch", expand=True)
    for column in ("fichier", "titre", "thème", "statut"):
        table.add_column(column, overflow="fold")
    names = _short_names([r["source"] for r in results])
    for name, r in zip(names, results, strict=True):
        if "error" in r:
            table.add_row(name, "", "", f"[red]{escape(r['error'])}[/red]")
        else:
            table.add_row(name, escape(r.get("title") or ""), escape((r["topics"] or [""])[0]), "[green]ok[/green]")
    return table


def _short_names(sources: list[str]) -> list[str]:
    """Sources without the folder they all share, so the table's first column stays narrow."""
    import os.path

    paths = [s for s in sources if s != "-"]
    try:
        common = os.path.commonpath(paths) if len(paths) > 1 else ""
    except ValueError:  # mixed absolute and relative paths
        common = ""
    if common in paths:
        common = os.path.dirname(common)
    return [os.path.relpath(s, common) if common and s != "-" else s for s in sources]
