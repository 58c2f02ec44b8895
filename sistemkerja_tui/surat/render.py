"""Render a letter from its context; fingerprint the template source used."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jinja2 import meta

from sistemkerja_tui.surat.konteks import KONTEKS_PER_JENIS, JenisSurat, Konteks
from sistemkerja_tui.surat.lingkungan import buat_lingkungan, folder_pengguna_bawaan, galat_templat
from sistemkerja_tui.surat.periksa import periksa

__all__ = ["HasilRender", "periksa", "render"]


@dataclass(frozen=True)
class HasilRender:
    """The letter text, the sha256 of the template sources used and the main template file."""

    teks: str
    sidik: str
    templat: str


@lru_cache(maxsize=8)
def _lingkungan(folder_pengguna: Path):
    """One environment per user folder: compiled templates are kept; a changed file is reloaded (mtime)."""
    return buat_lingkungan(folder_pengguna)


@lru_cache(maxsize=256)
def _rujukan(env, nama: str, berkas: str | None, sumber: str) -> tuple[str | None, ...]:
    return tuple(meta.find_referenced_templates(env.parse(sumber, nama, berkas)))


def _sumber(env, nama: str) -> list[tuple[str, str, str]]:
    """(name, file, source) of the template and everything it imports or includes."""
    hasil, antre, terlihat = [], [nama], {nama}
    while antre:
        n = antre.pop()
        sumber, berkas, _ = env.loader.get_source(env, n)
        hasil.append((n, berkas or n, sumber))
        for rujukan in _rujukan(env, n, berkas, sumber):
            if rujukan is not None and rujukan not in terlihat:
                terlihat.add(rujukan)
                antre.append(rujukan)
    return sorted(hasil)


def render(jenis: JenisSurat, konteks: Konteks, *, folder_pengguna: Path | None = None) -> HasilRender:
    """Render `jenis` with `konteks`; `TemplatTidakSah` names the file (and line) at fault."""
    harus = KONTEKS_PER_JENIS[jenis]
    if not isinstance(konteks, harus):
        raise TypeError(f"{jenis.label} memerlukan {harus.__name__}, bukan {type(konteks).__name__}.")
    env = _lingkungan(Path(folder_pengguna if folder_pengguna is not None else folder_pengguna_bawaan()))
    berkas_utama = None
    try:
        sumber = _sumber(env, jenis.templat)
        berkas_utama = next(b for n, b, _ in sumber if n == jenis.templat)
        teks = env.get_template(jenis.templat).render(surat=konteks)
    except Exception as exc:  # a user template is untrusted code: every failure names its file
        raise galat_templat(exc, jenis.templat, berkas_utama) from exc
    sidik = hashlib.sha256()
    for nama, _, isi in sumber:
        sidik.update(f"{nama}\0{isi}\0".encode())
    return HasilRender(teks=teks, sidik=sidik.hexdigest(), templat=berkas_utama)
