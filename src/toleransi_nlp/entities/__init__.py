"""Entity extraction: officials (with role and jurisdiction), agencies, cities and more.

>>> ents = extract_entities(
...     "Walikota Surakarta, Gibran Rakabuming Raka, menerima audiensi BNPT. "
...     "Hadir pula Bangbang Surono selaku Sestama BNPT RI di Kota Solo.")
>>> [(o.name, o.role, o.jurisdiction or o.organisation) for o in ents.officials]
[('Gibran Rakabuming Raka', 'Wali Kota', 'Surakarta'), ('Bangbang Surono', 'Sekretaris Utama', 'BNPT')]
>>> [(c.name, c.province) for c in ents.cities]
[('Kota Surakarta', 'Jawa Tengah')]

Entities are found on the normalised, unstemmed text; offsets refer to that text.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from ..errors import Errors, InputError
from .matcher import Mention

__all__ = [
    "EntitySpan",
    "Official",
    "Agency",
    "City",
    "Named",
    "Entities",
    "extract_entities",
    "entities_from_mentions",
]


@dataclass(frozen=True)
class EntitySpan:
    """One mention: its text, label, character offsets and canonical form."""

    text: str
    label: str
    start: int
    end: int
    canonical: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Official:
    """A person named with a public office or rank."""

    name: str
    role: str | None
    organisation: str | None
    jurisdiction: str | None
    rank: str | None
    mentions: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Agency:
    """A government body: canonical name, acronym, level (national/province/city/regency)."""

    name: str
    acronym: str | None
    level: str | None
    jurisdiction: str | None
    mentions: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class City:
    """A kabupaten or kota: canonical name (Kota Surakarta), type and province."""

    name: str
    type: str
    province: str
    mentions: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Named:
    """A person, organisation, province or other place, by canonical name."""

    name: str
    mentions: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Entities:
    """Every entity of one text: the mentions and the deduplicated document-level lists."""

    spans: tuple[EntitySpan, ...]
    officials: tuple[Official, ...]
    agencies: tuple[Agency, ...]
    cities: tuple[City, ...]
    persons: tuple[Named, ...]
    organisations: tuple[Named, ...]
    provinces: tuple[Named, ...]
    locations: tuple[Named, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "spans": [s.to_dict() for s in self.spans],
            "officials": [o.to_dict() for o in self.officials],
            "agencies": [a.to_dict() for a in self.agencies],
            "cities": [c.to_dict() for c in self.cities],
            "persons": [p.to_dict() for p in self.persons],
            "organisations": [o.to_dict() for o in self.organisations],
            "provinces": [p.to_dict() for p in self.provinces],
            "locations": [p.to_dict() for p in self.locations],
        }


def _canonical(m: Mention) -> str:
    return str(m.info.get("name") or m.info.get("canonical") or m.text)


def entities_from_mentions(mentions: list[Mention]) -> Entities:
    """Build the document-level lists from raw mentions (counts mentions per entity)."""
    spans = tuple(
        EntitySpan(m.text, m.label, m.char_start, m.char_end, _canonical(m)) for m in mentions if m.label != "TITLE"
    )
    officials: dict[str, dict[str, Any]] = {}
    agencies: dict[str, dict[str, Any]] = {}
    cities: dict[str, dict[str, Any]] = {}
    others: dict[str, dict[str, int]] = {"PERSON": {}, "ORG": {}, "PROVINCE": {}, "LOC": {}}

    def add_city(city: Any) -> None:
        rec = cities.setdefault(
            city.name, {"name": city.name, "type": city.type, "province": city.province, "mentions": 0}
        )
        rec["mentions"] += 1

    for m in mentions:
        info = m.info
        implied = info.get("implied_agency")
        if implied:
            # A title implies the body (Kapolda Sumut -> Polda Sumatera Utara).
            body = agencies.setdefault(
                implied["name"],
                {
                    "name": implied["name"],
                    "acronym": implied.get("acronym"),
                    "level": implied.get("level"),
                    "jurisdiction": implied.get("jurisdiction"),
                    "mentions": 0,
                },
            )
            body["mentions"] += 1
        if m.label == "OFFICIAL":
            rec = officials.setdefault(
                info["name"],
                {
                    "name": info["name"],
                    "role": None,
                    "organisation": None,
                    "jurisdiction": None,
                    "rank": None,
                    "mentions": 0,
                },
            )
            rec["mentions"] += 1
            for key in ("role", "organisation", "jurisdiction", "rank"):
                if rec[key] is None and info.get(key):
                    rec[key] = info[key]
        elif m.label == "AGENCY":
            data = info.get("agency") or {}
            name = data.get("name") or m.text
            rec = agencies.setdefault(
                name,
                {
                    "name": name,
                    "acronym": data.get("acronym"),
                    "level": data.get("level"),
                    "jurisdiction": data.get("jurisdiction"),
                    "mentions": 0,
                },
            )
            rec["mentions"] += 1
            place = data.get("place") or {}
            if "city" in place:
                add_city(place["city"])
            elif "province" in place:
                others["PROVINCE"][place["province"]] = others["PROVINCE"].get(place["province"], 0) + 1
        elif m.label == "CITY":
            add_city(info["city"])
        elif m.label != "TITLE":
            bucket = others[m.label]
            name = _canonical(m)
            bucket[name] = bucket.get(name, 0) + 1

    # "Pemkot" on its own, in an article that also names "Pemkot Surakarta", is that body.
    for key, rec in list(agencies.items()):
        if rec["jurisdiction"] is None and rec["acronym"]:
            fuller = [
                r for r in agencies.values() if r is not rec and (r["acronym"] or "").startswith(rec["acronym"] + " ")
            ]
            if len(fuller) == 1:
                fuller[0]["mentions"] += rec["mentions"]
                del agencies[key]

    def named(label: str) -> tuple[Named, ...]:
        return tuple(Named(name, n) for name, n in others[label].items())

    return Entities(
        spans=spans,
        officials=tuple(Official(**r) for r in officials.values()),
        agencies=tuple(Agency(**r) for r in agencies.values()),
        cities=tuple(City(**r) for r in cities.values()),
        persons=named("PERSON"),
        organisations=named("ORG"),
        provinces=named("PROVINCE"),
        locations=named("LOC"),
    )


def extract_entities(text: str) -> Entities:
    """Find the officials, agencies, cities, persons, organisations and places of a text.

    The text is normalised first (:func:`~toleransi_nlp.text.normalize`); span offsets
    refer to the normalised text. Runs the shared spaCy pipeline with the
    ``toleransi_entities`` component, built once per process on first use.

    Args:
        text: an article (plain text or HTML).

    Returns:
        An :class:`Entities` with ``spans`` and the document-level lists.
    """
    if not isinstance(text, str):
        raise InputError(Errors.E001.format(type=type(text).__name__))
    from ..text import normalize
    from .component import get_nlp

    doc = get_nlp()(normalize(text))
    return doc._.entities  # type: ignore[no-any-return]
