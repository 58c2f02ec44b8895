"""The sandboxed Jinja environment for plain-text letters, and its filters.

User copies in `config_dir()/templates` win over the built-in ones; a broken
or unsafe user template is an error, never a silent fallback. A template
cannot exhaust memory or time (`batas`): repeats, ranges, widths, built
strings and lists, the rendered text and the loop steps of one render are
bounded, and going past a bound is refused naming the file and line.
"""

from __future__ import annotations

import textwrap
import traceback
from datetime import date
from pathlib import Path

from jinja2 import (
    ChoiceLoader,
    FileSystemLoader,
    StrictUndefined,
    TemplateNotFound,
    TemplateSyntaxError,
    pass_environment,
)
from jinja2.exceptions import SecurityError, UndefinedError

from sistemkerja_tui import paths
from sistemkerja_tui.aturan.nip import kelompokkan_nip
from sistemkerja_tui.aturan.sebutan import tanggal_panjang
from sistemkerja_tui.surat.batas import (
    LingkunganTerbatas,
    MelampauiBatas,
    awasi_filter,
    periksa_angka,
    periksa_panjang,
)

LEBAR = 78
KOLOM_KANAN = 40
GARIS = "=" * LEBAR

_SATUAN = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas")


class TemplatTidakSah(Exception):
    """A template that cannot be used; the message names the file (and line)."""

    def __init__(self, pesan: str, berkas: str | None = None, baris: int | None = None) -> None:
        super().__init__(pesan)
        self.berkas = berkas
        self.baris = baris


def folder_bawaan() -> Path:
    return paths.resource_dir("templates")


def folder_pengguna_bawaan() -> Path:
    return paths.config_dir() / "templates"


def kata_bilangan(n: int) -> str:
    """`n` in Indonesian words, 0 to 999 999 999."""
    if n < 0:
        raise ValueError(f"Bilangan {n} negatif tidak dapat diterbilangkan.")
    if n < 12:
        return _SATUAN[n]
    if n < 20:
        return f"{_SATUAN[n - 10]} belas"
    for besar, nama in ((1_000_000, "juta"), (1000, "ribu"), (100, "ratus"), (10, "puluh")):
        if n >= besar:
            depan, sisa = divmod(n, besar)
            kepala = f"se{nama}" if depan == 1 and besar in (100, 1000) else f"{kata_bilangan(depan)} {nama}"
            return kepala if sisa == 0 else f"{kepala} {kata_bilangan(sisa)}"
    raise AssertionError(n)


def terbilang(n: int) -> str:
    """`1 (satu)`: the figure followed by its words."""
    return f"{n} ({kata_bilangan(n)})"


def urutan(n: int) -> str:
    """Diktum ordinal: KESATU, KEDUA, ..."""
    return "KESATU" if n == 1 else f"KE{kata_bilangan(n).upper()}"


def tanggal(d: date) -> str:
    """`29 Desember 2023`."""
    if not isinstance(d, date):
        raise TypeError(f"Filter 'tanggal' memerlukan tanggal, bukan {type(d).__name__}.")
    return tanggal_panjang(d)


def nip(teks: str | None) -> str:
    """`19670416 199303 1 015`, or `-` when empty."""
    return kelompokkan_nip("".join(teks.split())) if teks else "-"


def bungkus(teks: str, awal: str | int = "", lanjut: str | int | None = None, lebar: int = LEBAR) -> str:
    """Wrap `teks` to `lebar`; `awal`/`lanjut` are the first/next line prefixes (or widths)."""
    if isinstance(awal, int):
        awal = " " * awal
    if lanjut is None:
        lanjut = " " * len(awal)
    elif isinstance(lanjut, int):
        lanjut = " " * lanjut
    teks = str(teks)
    periksa_panjang(len(teks) + (teks.count(" ") + 2) * max(len(awal), len(lanjut)))  # a prefix per line
    return (
        textwrap.fill(
            str(teks),
            width=lebar,
            initial_indent=awal,
            subsequent_indent=lanjut,
            break_long_words=False,
            break_on_hyphens=False,
        )
        or awal.rstrip()
    )


def label(nilai: str, judul: str, lebar: int = 12, awal: str | int = 0, lebar_baris: int = LEBAR) -> str:
    """`Nama        : nilai`, wrapped under the value; `awal` is a prefix (or its width)."""
    if isinstance(awal, int):
        awal = " " * awal
    kepala = f"{awal}{judul.ljust(lebar)}: "
    return bungkus(nilai, kepala, len(kepala), lebar_baris)


def daftar(butir, awal: str | int = "", gaya: str = "1", mulai: int = 1) -> str:
    """Numbered (`1.`) or lettered (`a.`) items, each wrapped under its own text.

    `awal` prefixes the first item (e.g. `Menimbang   : `); later items align under it.
    """
    if isinstance(awal, int):
        awal = " " * awal
    keluaran = []
    for i, teks in enumerate(butir, mulai):
        tanda = f"{chr(96 + i)}." if gaya == "a" else f"{i}."
        depan = (awal if i == mulai else " " * len(awal)) + tanda + " "
        keluaran.append(bungkus(teks, depan, len(depan)))
    return "\n".join(keluaran)


def kanan(teks: str) -> str:
    """The right-hand column of a letter (date, signature block)."""
    return bungkus(teks, KOLOM_KANAN, KOLOM_KANAN)


def tengah(teks: str, lebar: int = LEBAR) -> str:
    """Centre each wrapped line of `teks` on the page."""
    periksa_panjang(len(str(teks)) + (str(teks).count(" ") + 2) * lebar)  # each line padded to `lebar`
    baris = textwrap.wrap(str(teks), width=lebar - 8, break_long_words=False) or [""]
    return "\n".join(b.center(lebar).rstrip() for b in baris)


def _bungkus_sel(teks: str, lebar: int) -> list[str]:
    """`teks` wrapped to a table column; a word longer than the column is cut with a hyphen
    ("Pengadminis-" / "trasi"), so it never pushes the next column out of line."""
    kata = []
    for k in teks.split():
        while len(k) > lebar > 1:
            kata.append(k[: lebar - 1] + "-")
            k = k[lebar - 1 :]
        kata.append(k)
    return textwrap.wrap(" ".join(kata), lebar, break_long_words=False) or [""]


@pass_environment
def tabel(env, barisan, kolom) -> str:
    """A plain-text table: `kolom` is [(judul, atribut, lebar), ...]; a `No.` column comes first."""
    barisan, kolom = list(barisan), list(kolom)  # `kolom` is read once per row: every row gets all columns
    judul = [("No.", 3)] + [(j, w) for j, _, w in kolom]
    for _, w in judul:
        periksa_angka(w, "lebar kolom")
    periksa_panjang((len(barisan) + 3) * sum(w + 1 for _, w in judul), "tabel")
    isi = [[f"{i}."] + [str(env.getattr(o, a)) for _, a, _ in kolom] for i, o in enumerate(barisan, 1)]

    def baris_sel(sel: list[str]) -> list[str]:
        pecah = [_bungkus_sel(s, w) for s, (_, w) in zip(sel, judul, strict=True)]
        tinggi = max(len(p) for p in pecah)
        return [
            " ".join((p[i] if i < len(p) else "").ljust(w) for p, (_, w) in zip(pecah, judul, strict=True)).rstrip()
            for i in range(tinggi)
        ]

    garis = " ".join("-" * w for _, w in judul)
    keluaran = [garis, *baris_sel([j for j, _ in judul]), garis]
    for sel in isi:
        keluaran += baris_sel(sel)
    keluaran.append(garis)
    return "\n".join(keluaran)


def buat_lingkungan(folder_pengguna: Path | None = None) -> LingkunganTerbatas:
    """Environment over [user folder, built-in folder]; the user folder defaults to the config one."""
    pengguna = folder_pengguna if folder_pengguna is not None else folder_pengguna_bawaan()
    env = LingkunganTerbatas(
        loader=ChoiceLoader([FileSystemLoader(pengguna), FileSystemLoader(folder_bawaan())]),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        tanggal=tanggal,
        terbilang=terbilang,
        nip=nip,
        urutan=urutan,
        bungkus=bungkus,
        label=label,
        daftar=daftar,
        kanan=kanan,
        tengah=tengah,
        tabel=tabel,
    )
    env.globals.update(GARIS=GARIS, KOLOM_KANAN=KOLOM_KANAN)
    awasi_filter(env)
    return env


def galat_templat(exc: Exception, nama: str, berkas_utama: str | None) -> TemplatTidakSah:
    """Turn a Jinja (or filter) failure into `TemplatTidakSah` naming the file and line."""
    if isinstance(exc, TemplateSyntaxError):
        berkas = exc.filename or exc.name or nama
        return TemplatTidakSah(f"Templat {berkas} rusak pada baris {exc.lineno}: {exc.message}", berkas, exc.lineno)
    if isinstance(exc, TemplateNotFound):
        return TemplatTidakSah(
            f"Templat {exc.name} tidak ditemukan di folder templat pengguna maupun bawaan.",
            exc.name if isinstance(exc.name, str) else None,  # Jinja types the name as possibly Undefined
        )
    berkas, baris = berkas_utama or nama, None
    for bingkai in traceback.extract_tb(exc.__traceback__):
        if bingkai.filename.endswith(".j2"):
            berkas, baris = bingkai.filename, bingkai.lineno
    if isinstance(exc, MelampauiBatas) and exc.baris is not None:
        berkas, baris = exc.berkas or berkas, exc.baris
    letak = f"{berkas}" + (f" baris {baris}" if baris else "")
    if isinstance(exc, MelampauiBatas):
        pesan = f"Templat {letak} ditolak: {exc}. Sederhanakan templat itu."
    elif isinstance(exc, SecurityError):
        pesan = f"Templat {letak} ditolak: mengakses hal yang tidak diizinkan ({exc})."
    elif isinstance(exc, UndefinedError):
        pesan = f"Templat {letak} memakai isian yang tidak ada: {exc}."
    else:
        pesan = f"Templat {letak} gagal dijalankan: {exc}"
    return TemplatTidakSah(pesan, berkas, baris)
