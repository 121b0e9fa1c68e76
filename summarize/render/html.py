"""HTML output: one self-contained page per release, or a digest of several with a table of contents.

Everything shown comes from the result dictionaries (summary, topics, facts, and the release in
reading order under "document"): nothing is recomputed here. The page needs no network and no
JavaScript: inline CSS, a restrictive Content-Security-Policy, every piece of release text
escaped. Imported only for `-f html`, so the other formats never load it.
"""

from __future__ import annotations

from html import escape
from typing import Any

from .labels import fact_lines, labels, stats_line

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

FURNITURE_LABELS = {
    "fr": {"header": "en-tête", "title": "titre", "dateline": "date et lieu", "letterhead": "en-tête de lettre",
           "banner": "bandeau", "read_also": "renvoi", "end": "fin", "about": "à propos", "contact": "contact",
           "legal": "mentions légales", "social": "réseaux sociaux", "attribution": "attribution d'une citation",
           "foreign": "autre langue", "metadata": "métadonnées", "cover": "message d'envoi"},
    "en": {"header": "header", "title": "title", "dateline": "dateline", "letterhead": "letterhead", "banner": "banner",
           "read_also": "pointer", "end": "end mark", "about": "about", "contact": "contact", "legal": "legal notice",
           "social": "social media", "attribution": "quote attribution", "foreign": "other language",
           "metadata": "metadata", "cover": "cover note"},
}
PAGE_LABELS = {
    "fr": {"digest": "Revue des communiqués", "contents": "Sommaire", "full_text": "Texte intégral",
           "set_aside": "écarté du résumé", "failed": "Échecs", "rank": "rang", "source": "Source",
           "overview": "Vue d'ensemble", "releases": "communiqués", "duplicates": "reçus en double",
           "senders": "Expéditeurs", "recurring_topics": "Thèmes qui reviennent", "recurring_organisations": "Organisations qui reviennent",
           "per_day": "Communiqués par jour", "undated": "sans date", "earlier": "plus anciens", "colon": " :"},
    "en": {"digest": "Press release digest", "contents": "Contents", "full_text": "Full text",
           "set_aside": "left out of the summary", "failed": "Failures", "rank": "rank", "source": "Source",
           "overview": "Overview", "releases": "releases", "duplicates": "received twice or more",
           "senders": "Senders", "recurring_topics": "Recurring topics", "recurring_organisations": "Recurring organisations",
           "per_day": "Releases per day", "undated": "undated", "earlier": "earlier", "colon": ":"},
}

STYLE = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
       color: #1a1a1a; background: #ffffff; }
main { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .5rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .5rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
.meta { color: #4a4a4a; margin: 0 0 1rem; }
.summary li { margin: .35rem 0; }
.tags { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem; }
.tags li { background: #e8eef9; color: #15305e; border-radius: 1rem; padding: .15rem .7rem; font-size: .9rem; }
table.facts { border-collapse: collapse; width: 100%; }
table.facts th, table.facts td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid #d6d6d6; }
table.facts th { width: 10rem; color: #333333; font-weight: 600; }
.text p { margin: .6rem 0; }
mark { background: #ffe680; color: #1a1a1a; padding: 0 .1rem; border-radius: .15rem; }
.furniture { color: #4d4d4d; background: #f2f2f2; border-left: 3px solid #b3b3b3; padding: .2rem .6rem; margin: .4rem 0; font-size: .92rem; }
.furniture .label { display: inline-block; font-size: .75rem; text-transform: uppercase; letter-spacing: .04em;
                    color: #3d3d3d; margin-right: .5rem; }
.score { font-size: .75rem; color: #3d3d3d; white-space: nowrap; }
.score meter { width: 4rem; height: .6rem; vertical-align: middle; }
nav.toc ol { padding-left: 1.2rem; }
nav.toc li { margin: .5rem 0; }
nav.toc .first { color: #3d3d3d; font-size: .92rem; }
.error { color: #8a1c1c; }
.also { color: #3d3d3d; font-size: .92rem; }
section.overview { background: #f5f7fb; border: 1px solid #d6dcea; border-radius: .4rem; padding: .2rem 1rem .8rem; margin: 1rem 0; }
section.overview .counts { font-size: 1.1rem; margin: .4rem 0; }
ul.mentions { list-style: none; padding: 0; margin: .2rem 0; columns: 2 16rem; }
ul.mentions li { margin: .15rem 0; break-inside: avoid; }
.refs a { font-size: .8rem; margin-left: .2rem; }
svg.days { display: block; max-width: 100%; height: auto; }
article.release { border-top: 2px solid #1a1a1a; margin-top: 2rem; padding-top: .5rem; }
a { color: #0b4fb3; }
@media (max-width: 36rem) {
  body { font-size: 15px; }
  table.facts th { width: auto; display: block; border-bottom: none; padding-bottom: 0; }
  table.facts td { display: block; }
}
@media print {
  .furniture, .score, nav.toc { display: none; }
  section.overview { break-after: page; }
  article.release { break-before: page; border-top: none; }
  article.release:first-of-type { break-before: auto; }
  mark { background: none; font-weight: 600; text-decoration: underline; }
  a { color: inherit; text-decoration: none; }
}
"""


def page_labels(language: str) -> dict[str, str]:
    return PAGE_LABELS["fr" if language == "fr" else "en"]


def to_html_page(result: dict[str, Any]) -> str:
    """One release as a complete page."""
    language = result.get("language") or "fr"
    title = result.get("title") or labels(result)["no_title"] if "error" not in result else result["source"]
    body = _release(result, heading_level=1, anchor=None)
    return _document(title, language, body)


def to_html_digest(results: list[dict[str, Any]], links: dict[str, str] | None = None) -> str:
    """Several releases: an overview of the pile, a table of contents (title, date, source, first
    summary sentence, failures), then each release in its own section, once: the copies of a
    release received twice are listed under it ("reçu aussi"). With `links`, the contents point to
    separate pages instead."""
    from .overview import build_overview

    languages = [r.get("language") for r in results if r.get("language")]
    language = max(set(languages), key=languages.count) if languages else "fr"
    lab = page_labels(language)
    hrefs = [escape(links[r["source"]], quote=True) if links and r["source"] in links else f"#r{n}" for n, r in enumerate(results, 1)]
    copies = _copies(results)
    items = []
    sections = []
    for number, result in enumerate(results, start=1):
        anchor, href = f"r{number}", hrefs[number - 1]
        if "error" in result:
            message = result["error"].removeprefix(f'{result["source"]}: ')
            items.append(f'<li class="error"><strong>{escape(result["source"])}</strong> — {escape(message)}</li>')
            if not links:
                sections.append(f'<article class="release" id="{anchor}"><h2>{escape(result["source"])}</h2>'
                                f'<p class="error">{escape(result["error"])}</p></article>')
            continue
        if result.get("duplicate_of") and number - 1 not in copies:
            continue  # a copy: shown under the first one it came with
        also = _also_received(result, [(results[i]["source"], hrefs[i] if links else None) for i in copies.get(number - 1, [])])
        date = result.get("facts", {}).get("date")
        first = result["summary"][0] if result.get("summary") else ""
        items.append(
            f'<li><a href="{href}">{escape(result.get("title") or labels(result)["no_title"])}</a>'
            f'{" · " + escape(str(date)) if date else ""} · <span class="meta">{escape(result["source"])}</span>'
            f'<br><span class="first">{escape(first)}</span>{also}</li>')
        if not links:
            sections.append(_release(result, heading_level=2, anchor=anchor, also=also))
    failed = sum("error" in r for r in results)
    body = (f'<h1>{escape(lab["digest"])}</h1><p class="meta">{len(results) - failed} / {len(results)}'
            f'{" · " + escape(lab["failed"]) + lab["colon"] + f" {failed}" if failed else ""}</p>'
            f'{_overview(build_overview(results), hrefs, results, lab)}'
            f'<nav class="toc" aria-label="{escape(lab["contents"], quote=True)}"><h2>{escape(lab["contents"])}</h2>'
            f'<ol>{"".join(items)}</ol></nav>{"".join(sections)}')
    return _document(lab["digest"], language, body)


def _copies(results: list[dict[str, Any]]) -> dict[int, list[int]]:
    """Position of each group's first member -> positions of its copies (none without dedup)."""
    first_of: dict[str, int] = {}
    copies: dict[int, list[int]] = {}
    for position, result in enumerate(results):
        group = result.get("group")
        if group is None or "error" in result:
            continue
        if not result.get("duplicate_of"):
            first_of.setdefault(group, position)
        elif group in first_of:
            copies.setdefault(first_of[group], []).append(position)
    return copies


def _also_received(result: dict[str, Any], others: list[tuple[str, str | None]]) -> str:
    """"reçu aussi : a.pdf, b.eml" under a release that came more than once (each a link with pages)."""
    if not others:
        return ""
    names = ", ".join(f'<a href="{href}">{escape(source)}</a>' if href else escape(source) for source, href in others)
    return f'<br><span class="also">{escape(labels(result)["also_received"])} {names}</span>'


def _overview(overview, hrefs: list[str], results: list[dict[str, Any]], lab: dict[str, str]) -> str:
    """The top of a digest: counts, senders, recurring topics and organisations, releases per day."""
    counts = (f'<p class="counts"><strong>{overview.releases}</strong> {escape(lab["releases"])}'
              f' · <strong>{overview.duplicates}</strong> {escape(lab["duplicates"])}'
              f'{f" · <strong>{overview.failed}</strong> " + escape(lab["failed"].lower()) if overview.failed else ""}</p>')
    parts = [f'<section class="overview" aria-label="{escape(lab["overview"], quote=True)}"><h2>{escape(lab["overview"])}</h2>', counts]
    for title, mentions in ((lab["senders"], overview.senders), (lab["recurring_topics"], overview.topics),
                            (lab["recurring_organisations"], overview.organisations)):
        if not mentions:
            continue
        rows = "".join(
            f'<li>{escape(m.name)} <span class="refs">'
            + " ".join(f'<a href="{hrefs[i]}" title="{escape(results[i].get("title") or "", quote=True)}">{i + 1}</a>' for i in m.releases)
            + "</span></li>" for m in mentions)
        parts.append(f'<h3>{escape(title)}</h3><ul class="mentions">{rows}</ul>')
    if overview.days:
        parts.append(f'<h3>{escape(lab["per_day"])}</h3>{_day_chart(overview.days, lab)}')
        notes = [f'{escape(lab["undated"])}{lab["colon"]} {overview.undated}' if overview.undated else "",
                 f'{escape(lab["earlier"])}{lab["colon"]} {overview.earlier}' if overview.earlier else ""]
        if any(notes):
            parts.append(f'<p class="meta">{" · ".join(n for n in notes if n)}</p>')
    parts.append("</section>")
    return "".join(parts)


def _day_chart(days: list[tuple[str, int]], lab: dict[str, str]) -> str:
    """Releases per day as an inline SVG bar chart: no script, no external file, readable in print."""
    bar, gap, height, top, bottom = 22, 8, 64, 16, 30
    peak = max(count for _, count in days) or 1
    width = len(days) * (bar + gap) + gap
    shapes = []
    for i, (day, count) in enumerate(days):
        x = gap + i * (bar + gap)
        tall = max(2, round(count / peak * height))
        y = top + height - tall
        label = f"{day}{lab['colon']} {count}"
        shapes.append(f'<g><title>{escape(label)}</title><rect x="{x}" y="{y}" width="{bar}" height="{tall}" fill="#3a7bd5"></rect>'
                      f'<text x="{x + bar / 2}" y="{y - 4}" text-anchor="middle" font-size="11" fill="#1a1a1a">{count}</text>'
                      f'<text x="{x + bar / 2}" y="{top + height + 13}" text-anchor="middle" font-size="10" fill="#3d3d3d">{escape(day[8:10])}</text>'
                      f'<text x="{x + bar / 2}" y="{top + height + 25}" text-anchor="middle" font-size="9" fill="#3d3d3d">{escape(day[5:7])}</text></g>')
    summary = ", ".join(f"{day}{lab['colon']} {count}" for day, count in days)
    return (f'<svg class="days" xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{top + height + bottom}" '
            f'viewBox="0 0 {width} {top + height + bottom}" aria-label="{escape(lab["per_day"] + " — " + summary, quote=True)}">'
            f'<line x1="0" y1="{top + height}" x2="{width}" y2="{top + height}" stroke="#6b6b6b"></line>{"".join(shapes)}</svg>')


def _document(title: str, language: str, body: str) -> str:
    return ("<!DOCTYPE html>\n"
            f'<html lang="{escape(language, quote=True)}"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
            f"<body><main>{body}</main></body></html>\n")


def _release(result: dict[str, Any], heading_level: int, anchor: str | None, also: str = "") -> str:
    if "error" in result:
        return f'<h{heading_level}>{escape(result["source"])}</h{heading_level}><p class="error">{escape(result["error"])}</p>'
    lab = labels(result)
    pl = page_labels(result.get("language") or "fr")
    sub = heading_level + 1
    facts = result.get("facts", {})
    place = facts.get("place")
    date = facts.get("date")
    meta = " · ".join(escape(str(x)) for x in (date, place) if x)
    parts = [f'<h{heading_level}>{escape(result.get("title") or lab["no_title"])}</h{heading_level}>',
             f'<p class="meta">{meta + " · " if meta else ""}{escape(pl["source"])}{pl["colon"]} {escape(result["source"])}{also}</p>',
             f'<h{sub}>{escape(lab["summary"])}</h{sub}><ul class="summary">',
             *(f"<li>{escape(s)}</li>" for s in result.get("summary", [])), "</ul>"]
    if result.get("topics"):
        parts += [f'<h{sub}>{escape(lab["topics"])}</h{sub}><ul class="tags">', *(f"<li>{escape(t)}</li>" for t in result["topics"]), "</ul>"]
    rows = fact_lines(result)
    if rows:
        parts += [f'<h{sub}>{escape(lab["facts"])}</h{sub}><table class="facts"><tbody>',
                  *(f"<tr><th scope=\"row\">{escape(name)}</th><td>{escape(value)}</td></tr>" for name, value in rows),
                  "</tbody></table>"]
    parts.append(f'<p class="meta">{escape(stats_line(result))}</p>')
    if result.get("document") is not None:
        parts += [f'<h{sub}>{escape(pl["full_text"])}</h{sub}><div class="text">', _full_text(result, sub + 1), "</div>"]
    inner = "".join(parts)
    return f'<article class="release" id="{anchor}">{inner}</article>' if anchor else f'<article class="release">{inner}</article>'


def _full_text(result: dict[str, Any], heading_level: int) -> str:
    language = result.get("language") or "fr"
    names = FURNITURE_LABELS["fr" if language == "fr" else "en"]
    set_aside = page_labels(language)["set_aside"]
    ranks = {s["index"]: s["rank"] for s in result.get("scores") or []}
    explain = bool(result.get("scores"))
    top = max((s["score"] for block in result["document"] for s in block.get("sentences", [])), default=1.0) or 1.0
    out = []
    for block in result["document"]:
        kind = block["kind"]
        if kind in ("furniture", "title"):
            label = names.get(block["label"], block["label"])
            out.append(f'<p class="furniture" title="{escape(set_aside, quote=True)}"><span class="label">{escape(label)}</span>'
                       f'{escape(block["text"])}</p>')
        elif kind == "heading":
            out.append(f"<h{min(heading_level, 6)}>{escape(block['text'])}</h{min(heading_level, 6)}>")
        else:
            sentences = []
            for s in block["sentences"]:
                text = f"<mark>{escape(s['text'])}</mark>" if s["selected"] else escape(s["text"])
                if explain:
                    value = max(0.0, s["score"]) / top if top > 0 else 0.0
                    text += (f' <span class="score"><meter min="0" max="1" value="{value:.3f}">{value:.2f}</meter>'
                             f' {escape(str(ranks.get(s["index"], "")))}</span>')
                sentences.append(text)
            tag = "li" if kind == "bullet" else "p"
            body = " ".join(sentences)
            out.append(f"<ul><li>{body}</li></ul>" if tag == "li" else f"<p>{body}</p>")
    return "".join(out)
