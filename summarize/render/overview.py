"""What a desk editor scans first in a day's pile: how many releases, how many copies, who sent
them, which topics and organisations recur, how many arrived each day.

Built from the result dicts of a digest (copies are counted once: a release received three times
does not make its topics recur); `html.py` draws it. Nothing here reads a release again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

RECURRING_SHOWN = 12  # topics or organisations listed, most releases first
DAYS_SHOWN = 31  # bars of the chart: the most recent days of the pile
_ADDRESS = re.compile(r"<([^<>@\s]+@[^<>\s]+)>")


@dataclass
class Mentions:
    """A sender, topic or organisation and the releases (their positions in the digest) naming it."""

    name: str
    releases: list[int] = field(default_factory=list)


@dataclass
class Overview:
    received: int  # results that are releases (copies included, failures not)
    releases: int  # distinct releases
    duplicates: int  # copies of a release received earlier in the run
    failed: int
    senders: list[Mentions]
    topics: list[Mentions]  # in at least two distinct releases
    organisations: list[Mentions]
    days: list[tuple[str, int]]  # (ISO date, releases that day), oldest first, at most DAYS_SHOWN
    undated: int
    earlier: int  # releases dated before the days shown


def sender_of(result: dict[str, Any]) -> str | None:
    """Who sent a release, from what its format or text says: the e-mail's sender, the web site's
    name, the organisation its "À propos" is about, else its press contact's mail domain."""
    metadata = result.get("metadata") or {}
    sender = metadata.get("from", "")
    if sender:
        name = _ADDRESS.sub("", sender).strip(' "')
        address = _ADDRESS.search(sender)
        return name or (address.group(1).split("@")[-1] if address else sender)
    for key in ("sitename", "author"):
        if metadata.get(key):
            return metadata[key]
    facts = result.get("facts") or {}
    about = (facts.get("about") or "").casefold()
    named = [(min(about.find(n.casefold()) for n in names if n.casefold() in about), o)
             for o in facts.get("organisations") or []
             if about and (names := [n for n in (o.get("name"), o.get("expansion")) if n]) and any(n.casefold() in about for n in names)]
    if named:
        organisation = min(named, key=lambda pair: pair[0])[1]  # the one the "À propos" names first
        return organisation.get("expansion") or organisation["name"]
    for contact in facts.get("contacts") or []:
        if contact.get("email") and "@" in contact["email"]:
            return contact["email"].rsplit("@", 1)[1].lower()
    return None


def build_overview(results: list[dict[str, Any]]) -> Overview:
    """The overview of a digest; positions are indexes into `results`."""
    firsts = [(i, r) for i, r in enumerate(results) if "error" not in r and not r.get("duplicate_of")]
    received = sum("error" not in r for r in results)
    senders: dict[str, Mentions] = {}
    topics: dict[str, Mentions] = {}
    organisations: dict[str, Mentions] = {}
    per_day: dict[str, int] = {}
    undated = 0
    for position, result in firsts:
        sender = sender_of(result)
        if sender:
            _mention(senders, sender, position)
        for topic in result.get("topics") or []:
            _mention(topics, topic, position)
        for organisation in (result.get("facts") or {}).get("organisations") or []:
            _mention(organisations, organisation["name"], position)
        date = str((result.get("facts") or {}).get("date") or "")[:10]
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            per_day[date] = per_day.get(date, 0) + 1
        else:
            undated += 1
    days = sorted(per_day.items())
    shown = days[-DAYS_SHOWN:]
    return Overview(
        received=received, releases=len(firsts), duplicates=received - len(firsts), failed=len(results) - received,
        senders=_ranked(senders, 1), topics=_ranked(topics, 2), organisations=_ranked(organisations, 2),
        days=shown, undated=undated, earlier=sum(count for _, count in days[: len(days) - len(shown)]),
    )


def _mention(table: dict[str, Mentions], name: str, position: int) -> None:
    key = " ".join(name.casefold().split())
    entry = table.setdefault(key, Mentions(name))
    if position not in entry.releases:
        entry.releases.append(position)


def _ranked(table: dict[str, Mentions], at_least: int) -> list[Mentions]:
    kept = [m for m in table.values() if len(m.releases) >= at_least]
    return sorted(kept, key=lambda m: (-len(m.releases), m.name.casefold()))[:RECURRING_SHOWN]
