"""What every renderer shows alike: the labels of each language, the facts block and the stats line."""

from __future__ import annotations

from typing import Any

LABELS = {
    "fr": {"summary": "Résumé", "topics": "Thèmes clés", "facts": "Repères", "stats": "Statistiques",
           "words": "mots", "sentences": "phrases", "date": "Date", "dates": "Autres dates", "place": "Lieu", "people": "Personnes",
           "organisations": "Organisations", "figures": "Chiffres", "quotes": "Citations",
           "contacts": "Contact presse", "error": "Erreur", "explain": "Scores", "no_title": "(sans titre)",
           "colon": " :", "rank": "rang", "sentence": "phrase", "open_quote": "« ", "close_quote": " »",
           "same_as": "même communiqué que", "also_received": "reçu aussi :", "duplicate": "doublon"},
    "en": {"summary": "Summary", "topics": "Key topics", "facts": "Key facts", "stats": "Statistics",
           "words": "words", "sentences": "sentences", "date": "Date", "dates": "Other dates", "place": "Place", "people": "People",
           "organisations": "Organisations", "figures": "Figures", "quotes": "Quotes",
           "contacts": "Press contact", "error": "Error", "explain": "Scores", "no_title": "(untitled)",
           "colon": ":", "rank": "rank", "sentence": "sentence", "open_quote": "“", "close_quote": "”",
           "same_as": "same release as", "also_received": "also received:", "duplicate": "duplicate"},
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
        lines.append((lab["quotes"], f"{lab['open_quote']}{shorten(q['quote'], 140)}{lab['close_quote']}"
                      + (f" — {q['speaker']}" if q.get("speaker") else "")))
    if facts.get("contacts"):
        press = [c for c in facts["contacts"] if "presse" in (c.get("text") or "").lower() or "press" in (c.get("email") or "")]
        c = (press or facts["contacts"])[0]  # the press contact before investor relations
        lines.append((lab["contacts"], " · ".join(v for v in (c.get("name"), c.get("email"), c.get("phone")) if v)))
    return lines


def same_release_line(result: dict[str, Any]) -> str | None:
    """"même communiqué que <source>" for a copy of a release already shown in this run, else None."""
    first = result.get("duplicate_of")
    return f"{labels(result)['same_as']} {first}" if first else None


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"




def reasons_suffix(scored: dict[str, Any]) -> str:
    """What pushed a sentence down, after its text: "  [length -0.21 (48 words); anaphora -0.10 (…)]"."""
    return f"  [{'; '.join(scored['reasons'])}]" if scored.get("reasons") else ""
