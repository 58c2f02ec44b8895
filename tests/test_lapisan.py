"""Layers (DESIGN §2, §9.1): the core imports without the TUI; the TUI talks only to layanan."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import sistemkerja_tui

AKAR = Path(sistemkerja_tui.__file__).parent

# Run in a fresh interpreter: import the package and every module under it, report what got loaded.
_IMPOR_SEMUA = """
import importlib, json, pkgutil, sys
paket, terlarang = sys.argv[1], sys.argv[2].split(",")
try:
    induk = importlib.import_module(paket)
except ModuleNotFoundError as e:
    if e.name != paket:
        raise
    modul = []
else:
    modul = [paket] + [m.name for m in pkgutil.walk_packages(induk.__path__, paket + ".")]
    for nama in modul:
        importlib.import_module(nama)
print(json.dumps({"modul": modul, "termuat": sorted(t for t in terlarang if t in sys.modules)}))
"""

INTI = ("textual", "sqlmodel", "sqlalchemy", "alembic", "pydantic")


@pytest.mark.parametrize(
    ("paket", "terlarang"),
    [
        ("sistemkerja_tui.aturan", INTI),
        ("sistemkerja_tui.impor", INTI),  # reading files is pure: no database, no screen
        ("sistemkerja_tui.store", ("textual",)),
        ("sistemkerja_tui.layanan", ("textual",)),
        ("sistemkerja_tui.surat", ("textual",)),
    ],
)
def test_impor_paket_tidak_memuat_lapisan_lain(paket, terlarang):
    hasil = subprocess.run(
        [sys.executable, "-c", _IMPOR_SEMUA, paket, ",".join(terlarang)],
        capture_output=True,
        text=True,
    )
    assert hasil.returncode == 0, f"{paket} gagal diimpor:\n{hasil.stderr}"
    laporan = json.loads(hasil.stdout)
    if not laporan["modul"]:
        pytest.skip(f"{paket} belum ada")
    assert laporan["termuat"] == [], f"{paket} memuat {laporan['termuat']} (modul: {laporan['modul']})"


def _nama_diimpor(berkas: Path, akar: Path = AKAR) -> set[str]:
    """Absolute names a module imports, relative imports resolved; `from a import b` gives a and a.b."""
    paket = berkas.relative_to(akar.parent).parts[:-1]  # the package a relative import starts from
    nama: set[str] = set()
    for simpul in ast.walk(ast.parse(berkas.read_text(), str(berkas))):
        if isinstance(simpul, ast.Import):
            nama.update(a.name for a in simpul.names)
        elif isinstance(simpul, ast.ImportFrom):
            dasar = ".".join(paket[: len(paket) - simpul.level + 1]) if simpul.level else ""
            modul = ".".join(p for p in (dasar, simpul.module or "") if p)
            nama.add(modul)
            nama.update(f"{modul}.{a.name}" for a in simpul.names)
    return nama


def _dilarang_di_tui(nama: str) -> bool:
    akar = nama.split(".")[0]
    return akar in ("sqlmodel", "sqlalchemy", "alembic") or any(
        nama == f"sistemkerja_tui.{lapisan}" or nama.startswith(f"sistemkerja_tui.{lapisan}.")
        for lapisan in ("store", "aturan")
    )


def test_tui_hanya_bicara_dengan_layanan():
    pelanggaran = {
        str(berkas.relative_to(AKAR.parent)): sorted(filter(_dilarang_di_tui, _nama_diimpor(berkas)))
        for berkas in sorted((AKAR / "tui").rglob("*.py"))
    }
    assert {k: v for k, v in pelanggaran.items() if v} == {}


def test_pemeriksa_impor_mengenali_impor_relatif(tmp_path):
    """The static check above must see `from ...store import db` too."""
    akar = tmp_path / "sistemkerja_tui"
    berkas = akar / "tui" / "screens" / "contoh.py"
    berkas.parent.mkdir(parents=True)
    berkas.write_text("from ...store import db\nfrom .. import app\nimport sqlalchemy.orm\n")
    nama = _nama_diimpor(berkas, akar)
    assert {"sistemkerja_tui.store.db", "sistemkerja_tui.tui.app", "sqlalchemy.orm"} <= nama
    assert sorted(filter(_dilarang_di_tui, nama)) == [
        "sistemkerja_tui.store",
        "sistemkerja_tui.store.db",
        "sqlalchemy.orm",
    ]


def test_tui_mulai_tanpa_orm_dan_sqlalchemy():
    """Start-up budget: the TUI module graph leaves SQLAlchemy/SQLModel/Alembic and the letter engine
    (Jinja, babel, python-docx) to the workers and the screens that need them."""
    kode = (
        "import sys, sistemkerja_tui.cli, sistemkerja_tui.tui.app\n"
        "berat = [m for m in ('sqlalchemy', 'sqlmodel', 'alembic', 'pydantic', 'jinja2', 'babel', 'docx') "
        "if m in sys.modules]\n"
        "print(','.join(berat))\n"
    )
    hasil = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, check=True)
    assert hasil.stdout.strip() == ""


# --- all SQL lives in store/ (issue 9: one data layer) --------------------------------------------------

_SQL = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE)\b.*\b(FROM|INTO|SET|WHERE)\b|\bCASE\b.*\bWHEN\b", re.DOTALL)
_DI_ATAS_STORE = [
    *sorted(
        str(b.relative_to(AKAR)) for lapisan in ("layanan", "surat", "tui") for b in (AKAR / lapisan).rglob("*.py")
    ),
    "cli.py",
]


def _teks(berkas: Path) -> list[str]:
    """The string constants of a module (where SQL would be written)."""
    return [
        s.value
        for s in ast.walk(ast.parse(berkas.read_text(encoding="utf-8"), str(berkas)))
        if isinstance(s, ast.Constant) and isinstance(s.value, str)
    ]


@pytest.mark.parametrize("modul", _DI_ATAS_STORE)
def test_sql_hanya_di_store(modul):
    """No SQL text, no SQLAlchemy query building above store/: use cases call store.kueri."""
    berkas = AKAR / modul
    assert [t for t in _teks(berkas) if _SQL.search(t)] == []
    jenis_engine = {"sqlalchemy.engine", "sqlalchemy.engine.Engine"}  # the engine's type, for annotations
    nama = _nama_diimpor(berkas) - jenis_engine
    assert sorted(n for n in nama if n.split(".")[0] in ("sqlalchemy", "sqlmodel", "sqlite3")) == []


@pytest.mark.parametrize("modul", sorted(b.name for b in (AKAR / "store" / "kueri").glob("*.py")))
def test_kueri_tanpa_kode_enum_tertulis(modul):
    """Enum codes reach SQL as parameters from `aturan.enums`, never as quoted literals."""
    from sistemkerja_tui.aturan import enums

    kode = {
        a.value
        for e in vars(enums).values()
        if isinstance(e, type) and issubclass(e, enums.KodeEnum) and e.__module__ == enums.__name__
        for a in e
    }
    tertulis = {
        k
        for t in _teks(AKAR / "store" / "kueri" / modul)
        if _SQL.search(t)
        for k in re.findall(r"'([^']*)'", t)
        if k in kode
    }
    assert tertulis == set()
