"""Rich renderables for a terminal (Rich is imported inside each function: it costs start-up time)."""

from __future__ import annotations

from typing import Any

from .labels import fact_lines, labels, reasons_suffix, same_release_line, stats_line


def rich_panel(result: dict[str, Any]):
    """A Rich renderable for one result (imported lazily: Rich costs start-up time)."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    if "error" in result:
        return Panel(Text(result["error"], style="red"), title=Text(result["source"], style="bold red"), border_style="red")
    lab = labels(result)
    same = same_release_line(result)
    if same:
        return Panel(Text(same, style="dim"), title=Text(result.get("title") or lab["no_title"], style="bold"),
                     subtitle=Text(result["source"], style="dim"), title_align="left", subtitle_align="right", border_style="dim")
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
    parts += [Text(""), Text(f"{lab['stats']}{lab['colon']} {stats_line(result)}", style="dim")]
    if result.get("scores"):
        table = Table(title=lab["explain"], show_lines=False, expand=True)
        table.add_column("#", justify="right")
        table.add_column(lab["rank"], justify="right")
        table.add_column("score", justify="right")
        table.add_column(lab["sentence"])
        for s in result["scores"]:
            style = "bold" if s["selected"] else "dim"
            table.add_row(str(s["index"]), str(s["rank"]), f"{s['score']:.3f}", s["text"] + reasons_suffix(s), style=style)
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
            status = f"[dim]{escape(labels(r)['duplicate'])}[/dim]" if r.get("duplicate_of") else "[green]ok[/green]"
            table.add_row(name, escape(r.get("title") or ""), escape((r["topics"] or [""])[0]), status)
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
