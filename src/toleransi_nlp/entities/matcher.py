"""The rules of the entity stage, as plain functions over tokens.

:func:`match` finds gazetteer phrases, resolves overlaps (:func:`resolve_overlaps`, longest
span wins), joins regional prefixes with places (Pemkot + Surakarta), reads officials from
title/rank/name patterns, and links later short mentions ("kata Gibran") to the official
they name. The spaCy component in :mod:`.component` puts the result on a ``Doc``.

Patterns for officials:

- ``TITLE [ORG|PLACE] [,] [RANK] [HONORIFIC] NAME``: "Walikota Surakarta, Gibran Rakabuming Raka",
  "Kepala BNPT Komjen Pol. Boy Rafli Amar";
- ``NAME [,] selaku|sebagai TITLE [ORG|PLACE]``: "Bangbang Surono selaku Sestama BNPT RI";
- ``NAME, TITLE ORG|PLACE``: "Gibran Rakabuming Raka, Wali Kota Surakarta";
- ``RANK NAME``: "AKBP Budi Santoso".

Every loop advances over tokens with bounded look-ahead, so matching is linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..stemming import stem_word
from ..text import Token, tokenize
from .gazetteer import CityRecord, Entry, Gazetteer, gazetteer, key_of

# Kind priority when two candidate spans have the same length and start.
_PRIORITY = {
    "AGENCY": 0,
    "PREFIX": 1,
    "TITLE": 2,
    "CITY": 3,
    "PROVINCE": 4,
    "ORG": 5,
    "RANK": 6,
    "LOC": 7,
    "HONORIFIC": 8,
}
_LINKERS = frozenset({"selaku", "sebagai"})
_NAME_PARTICLES = frozenset({"bin", "binti", "al", "el", "van", "von", "de", "da", "dos", "la"})
_SPEECH = frozenset(
    {
        "kata",
        "ujar",
        "ucap",
        "tutur",
        "ungkap",
        "jelas",
        "terang",
        "imbuh",
        "tambah",
        "tegas",
        "sebut",
        "papar",
        "menurut",
        "kata-nya",
        "pinta",
        "harap",
        "lanjut",
    }
)
_ADDRESS = frozenset({"bu", "pak", "bapak", "ibu", "ny", "tn", "sdr", "sdri", "mas", "mbak", "bung", "kak", "om"})
_REPORTING = frozenset(
    """mengatakan menyatakan menegaskan menjelaskan mengaku mengakui menyebut menyebutkan berharap
    menambahkan meminta enggan mengungkapkan membantah menilai berpendapat menuturkan memastikan
    mengimbau mengajak menyampaikan mengklaim menyerukan mengusulkan menolak mendesak menerangkan""".split()
)
_VERB_PREFIXES = ("me", "ber", "ter", "di")
_AFTER_SUBJECT = frozenset("tak tidak belum sudah telah akan juga pun yang saat sempat masih bahkan adalah".split())
_PERSON_CUES = frozenset(
    {
        "bapak",
        "ibu",
        "pak",
        "bu",
        "sdr",
        "saudara",
        "saudari",
        "mas",
        "mbak",
        "bung",
        "tersangka",
        "terdakwa",
        "terpidana",
        "pelaku",
        "korban",
        "warga",
        "pendeta",
        "ustaz",
        "ustadz",
        "kiai",
        "romo",
        "habib",
        "gus",
    }
)
_NOT_NAMES = frozenset(
    """senin selasa rabu kamis jumat jum'at sabtu minggu ahad januari februari maret april mei
    juni juli agustus september oktober november desember wib wita wit ri tuhan allah islam
    kristen katolik protestan hindu buddha budha konghucu natal idul fitri adha ramadan ramadhan
    lebaran imlek nyepi waisak paskah quran al-quran alquran muslim nasrani yahudi covid-19 covid
    pancasila bhinneka tunggal ika uud nkri kamtibmas pemilu pilkada pilpres sara hut apbd apbn
    dia ia mereka kami kita saya ini itu namun tetapi sementara selain dalam menurut adapun
    jadi para sang pada dari untuk yang dan atau dengan oleh kepada bagi hingga sejak the of""".split()
)
_AGENCY_HEADS = frozenset(
    """kementerian kemenko badan dinas direktorat ditjen komisi pengadilan kejaksaan kepolisian
    pemerintah dewan mahkamah kantor sekretariat biro inspektorat detasemen komando satuan
    batalyon lapas rutan polsek polres polresta polda kodim korem koramil kodam satgas tim puskesmas
    rsud rsup""".split()
)
_ORG_HEADS = frozenset(
    """universitas institut sekolah politeknik akademi sma smp smk sd mts madrasah pondok pesantren
    ponpes yayasan partai pt cv bank forum majelis komunitas perkumpulan persatuan ikatan gerakan
    front jamaah jemaah organisasi asosiasi himpunan aliansi koalisi serikat federasi klub
    perusahaan jemaat paroki lembaga perhimpunan keluarga solidaritas laskar""".split()
)
_LOC_HEADS = frozenset(
    """jalan jl. jln. desa kelurahan kecamatan kec. kampung dusun pulau gunung sungai danau pantai
    selat teluk bandara pelabuhan stasiun terminal kompleks lapangan stadion gedung hotel masjid
    musala musholla gereja pura vihara klenteng balai balaikota alun-alun pasar monumen taman
    perumahan blok nagari gampong banjar""".split()
)


@dataclass(frozen=True)
class Mention:
    """A raw entity mention: token range, label and the facts the rules read off it."""

    start: int
    end: int
    label: str
    text: str
    char_start: int
    char_end: int
    info: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass
class _Cand:
    i: int
    j: int
    kind: str
    entry: Entry


def resolve_overlaps(cands: list[_Cand]) -> list[_Cand]:
    """Keep non-overlapping candidates: the longest wins, then the earliest, then by kind.

    A pure function, like spaCy's ``filter_spans``. Returns the kept spans in text order.
    """
    ordered = sorted(cands, key=lambda c: (-(c.j - c.i), c.i, _PRIORITY.get(c.kind, 9)))
    taken = bytearray(max((c.j for c in cands), default=0))
    kept: list[_Cand] = []
    for c in ordered:
        if any(taken[c.i : c.j]):
            continue
        taken[c.i : c.j] = b"\x01" * (c.j - c.i)
        kept.append(c)
    kept.sort(key=lambda c: c.i)
    return kept


def _absorb_acronyms(spans: list[_Cand], toks: list[Token]) -> list[_Cand]:
    """Make "Badan Nasional Penanggulangan Terorisme (BNPT)" one mention, acronym included."""
    out: list[_Cand] = []
    skip_until = -1
    by_start = {c.i: c for c in spans}
    for c in spans:
        if c.i < skip_until:
            continue
        j = c.j
        if (
            c.kind in ("AGENCY", "ORG", "PREFIX")
            and j + 2 < len(toks)
            and toks[j].text == "("
            and toks[j + 2].text == ")"
            and toks[j + 1].text[:1].isupper()
        ):
            inner = by_start.get(j + 1)
            if inner is None or (inner.kind in ("AGENCY", "ORG", "PREFIX") and inner.j == j + 2):
                c = _Cand(c.i, j + 3, c.kind, c.entry)
                skip_until = j + 3
        out.append(c)
    return out


def _cap(text: str) -> bool:
    return text[:1].isupper()


def _candidates(gaz: Gazetteer, toks: list[Token], shouting: bool) -> list[_Cand]:
    words = [t.text for t in toks]
    lowers = [w.lower() for w in words]
    out: list[_Cand] = []
    for i, tok in enumerate(toks):
        if tok.kind == "punct":
            continue
        for n, entry in gaz.lookup(words, lowers, i):
            kind = entry.kind
            if kind in ("CITY", "PROVINCE", "AGENCY", "ORG", "LOC", "PREFIX") and not entry.exact:
                if not _cap(words[i]) and not words[i][:1].isdigit():
                    continue
                if (
                    n == 1
                    and kind in ("CITY", "LOC", "PROVINCE")
                    and lowers[i] in gaz.common_words
                    and (tok.sent_start or shouting)
                    and not _is_dateline(toks, i)
                ):
                    continue
            if kind == "HONORIFIC" and not _cap(words[i]):
                continue
            out.append(_Cand(i, i + n, kind, entry))
    return out


_AFFIXED = re.compile(r"^(?:me|di|be|te|pe|ke|se)|(?:an|kan|i|nya|lah)$")


def _derived_common(low: str, common: frozenset[str]) -> bool:
    """True when ``low`` is an affixed form of an ordinary word (Perbandingan -> banding).

    Only words that look affixed go through the stemmer: most unknown capitalised words are
    names, and stemming each new name would cost a millisecond for nothing.
    """
    return _AFFIXED.search(low) is not None and stem_word(low) in common


def _is_dateline(toks: list[Token], i: int) -> bool:
    """An all-caps place opening a news item: "SOLO - ...", "SOLO, KOMPAS -"."""
    tok = toks[i]
    return tok.sent_start and tok.text.isupper() and i + 1 < len(toks) and toks[i + 1].text in ("-", ",", "(")


def _city_for(gaz: Gazetteer, entry: Entry, want: str = "") -> CityRecord:
    city: CityRecord = entry.data
    if entry.explicit:
        return city
    options = gaz.cities.get(city.bare.lower(), [city])
    if want:
        for option in options:
            if option.type == want:
                return option
    for option in options:
        if option.type == "kota":
            return option
    return city


_REGIONAL_GOVERNMENT = {"province": "Pemprov", "regency": "Pemkab", "city": "Pemkot"}
_SCOPE_TYPE = {"city": "kota", "regency": "kabupaten", "kota": "kota", "kabupaten": "kabupaten"}


def _place_info(gaz: Gazetteer, cand: _Cand, want: str = "") -> dict[str, Any]:
    if cand.kind == "CITY":
        city = _city_for(gaz, cand.entry, want)
        return {
            "city": city,
            "jurisdiction": city.bare,
            "full": city.name if cand.entry.explicit else city.bare,
            "level": "city" if city.type == "kota" else "regency",
        }
    name = cand.entry.data["name"]
    if cand.kind == "LOC":
        return {"loc": name, "jurisdiction": name, "full": name, "level": "national"}
    return {"province": name, "jurisdiction": name, "full": name, "level": "province"}


class _Doc:
    """Working state for one text."""

    def __init__(self, text: str, tokens: list[Token] | None = None) -> None:
        self.text = text
        self.toks = tokenize(text) if tokens is None else tokens
        self.gaz = gazetteer()
        words = [t for t in self.toks if t.kind == "word"]
        caps = sum(1 for t in words if t.text.isupper() and len(t.text) > 1)
        self.shouting = len(words) >= 8 and caps > 0.6 * len(words)
        self.spans = _absorb_acronyms(resolve_overlaps(_candidates(self.gaz, self.toks, self.shouting)), self.toks)
        self.at: dict[int, _Cand] = {c.i: c for c in self.spans}
        self.covered = bytearray(len(self.toks))
        for c in self.spans:
            self.covered[c.i : c.j] = b"\x01" * (c.j - c.i)
        self.mentions: list[Mention] = []
        self.used = bytearray(len(self.toks))
        # Names, ranks and titles all start with a capital (or are abbreviations such as "H."):
        # the passes below skip every other token cheaply.
        self.capital = [t.text[:1].isupper() for t in self.toks]

    def mention(self, i: int, j: int, label: str, **info: Any) -> Mention:
        a, b = self.toks[i].start, self.toks[j - 1].end
        m = Mention(i, j, label, self.text[a:b], a, b, info)
        self.mentions.append(m)
        self.used[i:j] = b"\x01" * (j - i)
        return m

    # --- helpers over tokens -----------------------------------------------------

    def is_name_token(self, k: int) -> bool:
        if k >= len(self.toks) or self.covered[k] or self.used[k]:
            return False
        tok = self.toks[k]
        low = tok.text.lower()
        if tok.kind == "abbr":
            return len(tok.text) == 2 and tok.text[0].isupper()
        if tok.kind != "word" or low in _NOT_NAMES:
            return False
        return _cap(tok.text)

    def name_run(self, k: int, limit: int = 6) -> int:
        """End index of a person-name run starting at ``k`` (== k when there is none)."""
        j = k
        while j < len(self.toks) and j - k < limit:
            if self.is_name_token(j):
                j += 1
            elif j > k and self.toks[j].text.lower() in _NAME_PARTICLES and self.is_name_token(j + 1):
                j += 1
            else:
                break
        while j > k and self.toks[j - 1].kind == "abbr":
            j -= 1
        return j

    def skip(self, k: int, *texts: str) -> int:
        while k < len(self.toks) and self.toks[k].text.lower() in texts:
            k += 1
        return k

    def span_at(self, k: int, *kinds: str) -> _Cand | None:
        c = self.at.get(k)
        return c if c is not None and c.kind in kinds else None

    # --- passes ------------------------------------------------------------------

    def regional_agencies(self) -> None:
        """Join PREFIX + place (Pemkot Surakarta) into one AGENCY candidate."""
        joined: list[_Cand] = []
        for c in self.spans:
            if c.kind != "PREFIX":
                joined.append(c)
                continue
            place = self.span_at(self.skip_parenthetical(c.j), "CITY", "PROVINCE", "LOC")
            if place is None:
                joined.append(c)
                continue
            data = c.entry.data
            want = _SCOPE_TYPE.get(data.get("level", ""), "")
            info = _place_info(self.gaz, place, want)
            agency = {
                "name": f"{data['name']} {info['full']}",
                "acronym": f"{data['prefix']} {info['full']}",
                "level": info["level"] if data.get("level") in ("any", "city", "regency", "", None) else data["level"],
                "kind": data.get("kind", "government"),
                "jurisdiction": info["jurisdiction"],
                "place": info,
            }
            joined.append(_Cand(c.i, place.j, "AGENCY", Entry("AGENCY", agency)))
        self.spans = joined
        self.at = {c.i: c for c in self.spans}

    def read_affiliation(self, k: int, title: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """Read the organisation/place after a title; returns the new index and facts."""
        facts: dict[str, Any] = {}
        want = _SCOPE_TYPE.get(title.get("scope") or "", "")
        for _ in range(2):
            k = self.skip_parenthetical(k)
            k = self.skip_unit_number(k)
            if k < len(self.toks) and self.toks[k].text.lower().startswith("ke-"):
                k = self.skip(k + 1, "ri")  # "Presiden ke-7 RI Joko Widodo"
            c = self.span_at(k, "AGENCY", "CITY", "PROVINCE", "ORG", "LOC")
            if c is None:
                if "organisation" not in facts and self.is_acronym(k) and self.is_name_token(k + 1):
                    # An agency we do not know, named by its acronym: "Kepala LNSW Oza Olavia".
                    facts["organisation"] = self.toks[k].text
                    k += 1
                break
            if c.kind in ("CITY", "PROVINCE", "LOC"):
                if "jurisdiction" in facts:
                    break
                info = _place_info(self.gaz, c, want)
                facts["jurisdiction"] = info["jurisdiction"]
                facts["place"] = (c, info)
            else:
                if "organisation" in facts:
                    break
                facts["organisation"] = c.entry.data.get("acronym") or c.entry.data["name"]
                facts["org_span"] = c
                if c.entry.data.get("jurisdiction"):
                    facts.setdefault("jurisdiction", c.entry.data["jurisdiction"])
            k = self.skip(c.j, "ri")
        return self.skip_parenthetical(k), facts

    def emit_bare_titles(self) -> None:
        """A title without a name still tells which body is involved: "kata Kapolda Sumut"."""
        for c, facts in self.bare_titles:
            if c.i not in self.at or any(self.used[c.i : c.j]):
                continue
            _, implied = self.implied_agency(c.entry.data, facts)
            if implied is None:
                continue
            if "place" in facts and facts["place"][0].i in self.at:
                # The place keeps its own mention; the agency rides on it.
                self.emit_places(facts)
                self.mentions[-1].info["implied_agency"] = implied
            else:
                # No span of its own: "Kapolri" is a person's title, not the agency's name.
                self.mention(c.i, c.j, "TITLE", implied_agency=implied)

    def skip_parenthetical(self, k: int) -> int:
        """Skip a short parenthetical such as "(Menkeu)" or "(Kejati)"."""
        toks = self.toks
        if k + 2 < len(toks) and toks[k].text == "(" and toks[k + 2].text == ")" and toks[k + 1].kind == "word":
            return k + 3
        return k

    def skip_unit_number(self, k: int) -> int:
        """Skip a unit number after a title: "Dandim 0735/Surakarta", "Danyon 413"."""
        toks = self.toks
        if k < len(toks) and toks[k].kind in ("num", "date"):
            k += 1
            if k < len(toks) and toks[k].text == "/":
                k += 1
        return k

    def is_acronym(self, k: int) -> bool:
        if k >= len(self.toks) or self.covered[k] or self.used[k]:
            return False
        text = self.toks[k].text
        return self.toks[k].kind == "word" and 2 <= len(text) <= 8 and text.isupper() and not self.shouting

    def official_from_title(self, c: _Cand) -> int | None:
        title = c.entry.data
        k, facts = self.read_affiliation(self.skip(self.skip_parenthetical(c.j), "ri"), title)
        k = self.skip(k, ",")
        rank = None
        r = self.span_at(k, "RANK")
        if r is not None:
            rank = r.entry.data["canonical"]
            k = r.j
        while (h := self.span_at(k, "HONORIFIC")) is not None:
            k = h.j
        place = self.span_at(k, "CITY", "LOC")
        if place is not None and place.j == k + 1 and not place.entry.explicit and self.is_name_token(k + 1):
            # A name that starts like a place: "Wali Kota Bogor Bima Arya" (Bima is also a city).
            self.at.pop(k, None)
            self.covered[k] = 0
        end = self.name_run(k)
        if end == k:
            # A title without a name still tells which body is involved: "kata Kapolda Sumut".
            # Decided after the NAME-first patterns, which may still claim this title
            # ("Budi Santoso, Bupati Sleman").
            self.bare_titles.append((c, facts))
            return None
        self.emit_official(c, facts, rank, k, end)
        return end

    def emit_official(self, title_c: _Cand | None, facts: dict[str, Any], rank: str | None, i: int, j: int) -> None:
        title = title_c.entry.data if title_c is not None else {}
        org, implied = self.implied_agency(title, facts)
        name = " ".join(t.text for t in self.toks[i:j])
        self.mention(
            i,
            j,
            "OFFICIAL",
            name=name,
            role=title.get("canonical"),
            organisation=org,
            jurisdiction=facts.get("jurisdiction"),
            rank=rank,
            implied_agency=implied,
        )
        self.emit_places(facts)

    def implied_agency(self, title: dict[str, Any], facts: dict[str, Any]) -> tuple[Any, dict[str, Any] | None]:
        """The organisation an official belongs to and the agency record the title implies.

        Kapolda Jateng -> Polda Jawa Tengah; Menag -> Kemenag; a regional head (Wali Kota
        Surakarta) implies the regional government (Pemkot Surakarta) without making it the
        official's organisation.
        """
        org = facts.get("organisation") or title.get("organisation")
        if facts.get("organisation"):
            return org, None
        place = facts.get("jurisdiction") if title.get("place_follows") else None
        if title.get("organisation"):
            implied = self.agency_for(title["organisation"], place)
            return (implied["acronym"] if implied else org), implied
        head_of = _REGIONAL_GOVERNMENT.get(title.get("scope") or "")
        if title.get("kind") == "executive" and head_of and place:
            return org, self.agency_for(head_of, place)
        return org, None

    def agency_for(self, acronym: str, place: str | None) -> dict[str, Any] | None:
        """The agency record a title implies, regional (with ``place``) or national."""
        if place:
            for entry in self.gaz.phrases.get(key_of(acronym), []):
                if entry.kind == "PREFIX":
                    data = entry.data
                    return {
                        "name": f"{data['name']} {place}",
                        "acronym": f"{data['prefix']} {place}",
                        "level": data.get("level"),
                        "jurisdiction": place,
                    }
            return {"name": f"{acronym} {place}", "acronym": f"{acronym} {place}", "level": None, "jurisdiction": place}
        known = self.gaz.agencies_by_acronym.get(acronym.lower())
        if known is not None:
            return {**known, "jurisdiction": None}
        return None

    def emit_places(self, facts: dict[str, Any]) -> None:
        place = facts.get("place")
        if place is not None:
            c, info = place
            self.emit_place(c, info)
            self.at.pop(c.i, None)
        org = facts.get("org_span")
        if org is not None:
            self.emit_span(org)
            self.at.pop(org.i, None)

    def emit_place(self, c: _Cand, info: dict[str, Any]) -> None:
        if "city" in info:
            city = info["city"]
            self.mention(c.i, c.j, "CITY", canonical=city.name, city=city)
        elif "loc" in info:
            self.mention(c.i, c.j, "LOC", canonical=info["loc"])
        else:
            self.mention(c.i, c.j, "PROVINCE", canonical=info["province"])

    def emit_span(self, c: _Cand) -> None:
        data = c.entry.data
        if c.kind == "AGENCY":
            self.mention(c.i, c.j, "AGENCY", canonical=data["name"], agency=data)
        elif c.kind == "CITY":
            self.emit_place(c, _place_info(self.gaz, c))
        elif c.kind == "PROVINCE":
            self.mention(c.i, c.j, "PROVINCE", canonical=data["name"])
        elif c.kind == "ORG":
            self.mention(c.i, c.j, "ORG", canonical=data["name"], acronym=data.get("acronym"))
        elif c.kind == "LOC":
            self.mention(c.i, c.j, "LOC", canonical=data["name"])
        elif c.kind == "PREFIX" and data["prefix"] != "Pemerintah":
            # A regional body named without its place ("Pemkot", "Badan Penanggulangan Bencana
            # Daerah"): still an agency of the article, jurisdiction unknown.
            agency = {"name": data["name"], "acronym": data["prefix"], "level": data.get("level"), "jurisdiction": None}
            self.mention(c.i, c.j, "AGENCY", canonical=data["name"], agency=agency)

    def run(self) -> list[Mention]:
        self.bare_titles: list[tuple[_Cand, dict[str, Any]]] = []
        self.regional_agencies()
        toks = self.toks
        # Titles first: TITLE ... NAME.
        for c in list(self.spans):
            if c.kind == "TITLE" and c.i in self.at and not self.used[c.i]:
                self.official_from_title(c)
        # NAME [,] selaku/sebagai TITLE ...  and  RANK NAME.
        k = 0
        capital = self.capital
        while k < len(toks):
            if self.used[k] or not capital[k]:
                k += 1
                continue
            r = self.span_at(k, "RANK")
            if r is not None:
                while (h := self.span_at(r.j, "HONORIFIC")) is not None:
                    r = _Cand(r.i, h.j, r.kind, r.entry)
                end = self.name_run(r.j)
                if end > r.j:
                    self.emit_official(None, {}, r.entry.data["canonical"], r.j, end)
                    k = end
                    continue
            end = self.name_run(k)
            if end > k:
                after = self.skip(end, ",")
                linked = self.skip(after, *_LINKERS)
                t = self.span_at(linked, "TITLE")
                if t is not None and (linked > end):
                    _, facts = self.read_affiliation(t.j, t.entry.data)
                    self.emit_official(t, facts, None, k, end)
                    self.at.pop(t.i, None)
                k = end if end > k else k + 1
                continue
            k += 1
        self.emit_bare_titles()
        self.link_and_persons()
        for c in self.spans:
            if (
                c.i in self.at
                and not self.used[c.i]
                and c.kind in ("AGENCY", "CITY", "PROVINCE", "ORG", "LOC", "PREFIX")
            ):
                self.emit_span(c)
        self.mentions.sort(key=lambda m: m.start)
        return self.mentions

    def is_common_phrase(self, words: list[str]) -> bool:
        """True when every word is an ordinary Indonesian word (Merah Putih, Tanah Air, Sidang Paripurna)."""
        common = self.gaz.common_words
        return all(w.lower() in common or _derived_common(w.lower(), common) for w in words)

    def looks_like_lone_name(self, k: int, nxt: str) -> bool:
        """A lone capitalised word that is no Indonesian word and no known name is, in news,
        almost always a person's name ("kata Bambang", "Khajimba maupun ..."). At the start of
        a sentence, a verb must follow, since any word is capitalised there."""
        word = self.toks[k].text
        low = word.lower()
        if len(word) < 3 or word.isupper() or self.shouting or low in self.gaz.common_words:
            return False
        if k and self.toks[k - 1].text == "(" and any(c.isupper() for c in word[1:]):
            return False  # "(BoE)": an acronym given in brackets, not a person
        if _derived_common(low, self.gaz.common_words):
            return False
        if not self.toks[k].sent_start:
            return True
        return nxt in _REPORTING or nxt.startswith(_VERB_PREFIXES) or nxt in _AFTER_SUBJECT

    def link_and_persons(self) -> None:
        """Classify the remaining capitalised runs and link short mentions to known names."""
        toks = self.toks
        runs: list[tuple[int, int, bool]] = []
        k = 0
        capital = self.capital
        while k < len(toks):
            if not capital[k]:
                k += 1
                continue
            end = self.name_run(k)
            if end == k:
                k += 1
                continue
            cued = toks[k].text.lower().rstrip(".") in _ADDRESS and end - k >= 2
            runs.append((k + 1 if cued else k, end, cued))
            k = end
        decided: dict[int, tuple[int, str]] = {}
        parts: dict[str, tuple[str, str]] = {}
        for m in self.mentions:
            if m.label == "OFFICIAL":
                for part in m.info["name"].split():
                    parts.setdefault(part, ("OFFICIAL", m.info["name"]))
        for k, end, cued in runs:
            run = [t.text for t in toks[k:end]]
            head = run[0].lower()
            prev = toks[k - 1].text.lower() if k else ""
            nxt = toks[end].text.lower() if end < len(toks) else ""
            if head in _ORG_HEADS or head in _AGENCY_HEADS or head in _LOC_HEADS:
                if end - k >= 2:
                    decided[k] = (end, "ORG" if head in _ORG_HEADS else "AGENCY" if head in _AGENCY_HEADS else "LOC")
            elif len(run) >= 2 and not self.is_common_phrase(run):
                decided[k] = (end, "PERSON")
            elif cued or prev in _SPEECH or prev in _PERSON_CUES or (nxt in _REPORTING and len(run) <= 2):
                decided[k] = (end, "PERSON")
            elif len(run) == 1 and self.looks_like_lone_name(k, nxt):
                decided[k] = (end, "PERSON")
            if decided.get(k, (0, ""))[1] == "PERSON":
                for part in run:
                    parts.setdefault(part, ("PERSON", " ".join(run)))
        for k, end, _ in runs:
            run = [t.text for t in toks[k:end]]
            if k in decided:
                stop, label = decided[k]
                text = " ".join(run)
                if label == "PERSON":
                    known = parts.get(run[0]) if len(run) <= 2 else None
                    if known is not None and known[0] == "OFFICIAL" and all(w in parts for w in run):
                        self.mention(k, stop, "OFFICIAL", name=known[1], link=True)
                    else:
                        self.mention(k, stop, "PERSON", canonical=text)
                else:
                    agency = {"name": text, "acronym": text, "level": None, "kind": "unknown"}
                    self.mention(k, stop, label, canonical=text, agency=agency)
            elif len(run) <= 2 and all(len(w) >= 3 and w in parts for w in run):
                label, name = parts[run[0]]
                if label == "OFFICIAL":
                    self.mention(k, end, "OFFICIAL", name=name, link=True)
                else:
                    self.mention(k, end, "PERSON", canonical=name)


def match(text: str, tokens: list[Token] | None = None) -> list[Mention]:
    """Find every entity mention in normalised ``text``.

    ``tokens`` may pass ``tokenize(text)`` when the caller already has it.

    Returns mentions in text order with labels OFFICIAL, PERSON, AGENCY, ORG, CITY,
    PROVINCE or LOC; ``info`` holds the canonical facts (role, jurisdiction, ...). A bare title
    ("kata Kapolri") gives a TITLE mention that only carries the agency it implies.

    >>> [(m.label, m.text) for m in match("Wali Kota Solo Gibran Rakabuming Raka hadir.")]
    [('CITY', 'Solo'), ('OFFICIAL', 'Gibran Rakabuming Raka')]
    """
    return _Doc(text, tokens).run()
