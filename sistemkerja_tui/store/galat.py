"""Errors of the data layer, each with an Indonesian message naming the cause and the way out.

Kept free of imports (but `typing`) so the TUI can catch them (through `layanan.galat`)
without loading SQLAlchemy.
"""

from __future__ import annotations

from typing import NoReturn


class DatabaseError(Exception):
    """The database cannot be used; the message names it and the way out."""


class DatabaseTerlaluBaru(DatabaseError):
    """Its schema revision is unknown here: written by a newer version of the app."""


class DatabaseTidakDapatDibuka(DatabaseError):
    """The file cannot be created or opened, or is not a Sistem Kerja database."""


class DatabaseSibuk(DatabaseError):
    """Another process held the data too long; nothing was saved, the action can be tried again."""


class NilaiDiLuarBatas(DatabaseError):
    """A number (an id) larger than a database integer can hold: nothing can match it, nothing was saved."""


PESAN_DI_LUAR_BATAS = (
    "Bilangan yang diberikan (misalnya nomor id) di luar batas yang dapat disimpan database "
    f"(paling besar {2**63 - 1}), jadi tidak ada data dengan nomor itu dan tidak ada yang disimpan. "
    "Periksa nomor itu lalu coba lagi."
)

PESAN_SIBUK = (
    "Data sedang dipakai proses lain (aplikasi atau perintah sistemkerja lain pada database yang sama), "
    "jadi perubahan ini tidak disimpan. Tunggu sebentar lalu coba lagi."
)


# SQLite result codes (sqlite3.Error.sqlite_errorname) and PostgreSQL SQLSTATEs that mean "someone else holds it".
_SIBUK_SQLITE = ("SQLITE_BUSY", "SQLITE_LOCKED")
_SIBUK_PG = ("40001", "40P01", "55P03", "57014")  # serialization, deadlock, lock not available, timeout


def naikkan(galat: BaseException, lokasi: str) -> NoReturn:
    """Raise the data-layer error `galat` stands for (`terjemahkan`, chained from it), else `galat` itself."""
    terjemahan = terjemahkan(galat, lokasi)
    if terjemahan is None:
        raise galat
    raise terjemahan from galat


def terjemahkan(galat: BaseException, lokasi: str) -> DatabaseError | None:
    """The data-layer error a driver error stands for, in Indonesian; None when it is not one we know.

    `galat` is a driver error or SQLAlchemy's wrapper of one (its `.orig`), or
    the OverflowError sqlite3 raises for an integer parameter beyond 64 bits;
    `lokasi` names the database in the message (a path, or a URL without password).
    """
    asli = getattr(galat, "orig", None) or galat
    nama = getattr(asli, "sqlite_errorname", "") or ""
    sqlstate = getattr(asli, "sqlstate", None) or getattr(asli, "pgcode", None)
    if isinstance(asli, OverflowError) or sqlstate == "22003":  # 22003: numeric_value_out_of_range
        return NilaiDiLuarBatas(PESAN_DI_LUAR_BATAS)
    teks = str(asli).lower()
    if nama.startswith(_SIBUK_SQLITE) or sqlstate in _SIBUK_PG or "database is locked" in teks:
        return DatabaseSibuk(PESAN_SIBUK)
    if nama.startswith("SQLITE_READONLY") or "readonly database" in teks:
        return DatabaseTidakDapatDibuka(
            f"Database {lokasi} hanya dapat dibaca, jadi perubahan tidak disimpan. Periksa izin tulis berkas "
            "dan foldernya, atau pilih database lain dengan --db atau variabel lingkungan SISTEMKERJA_DB."
        )
    if nama == "SQLITE_FULL" or sqlstate == "53100" or "disk is full" in teks:
        return DatabaseError(
            f"Disk tempat database {lokasi} penuh, jadi perubahan tidak disimpan dan data yang ada tetap utuh. "
            "Kosongkan ruang disk lalu coba lagi."
        )
    if nama in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or "malformed" in teks or "not a database" in teks:
        return DatabaseTidakDapatDibuka(
            f"Berkas {lokasi} rusak atau bukan database Sistem Kerja, jadi tidak dapat dipakai. Pulihkan dari "
            "cadangan (berkas .bak di sebelahnya), atau pilih database lain dengan --db."
        )
    if nama.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")):
        return DatabaseTidakDapatDibuka(
            f"Database {lokasi} tidak dapat dibaca atau ditulis ({asli}). Periksa disk dan izin foldernya."
        )
    return None


class PelakuTidakSah(DatabaseError):
    """Mode "bersama": a write in the name of someone other than the logged-in account (nothing written)."""
