"""Where the database is, and the SQLite settings every connection gets.

Kept free of SQLAlchemy so the TUI can find and read an up-to-date SQLite
database without importing it (start-up budget, DESIGN §7).
"""

from __future__ import annotations

import os
from pathlib import Path

from sistemkerja_tui import paths

ENV_DB = "SISTEMKERJA_DB"
NAMA_BERKAS_DB = "sistemkerja.db"
# Every connection, reader or writer. None of these writes to the file: WAL mode, which is kept in the
# file, is switched on only once the database has been accepted (store.db.siapkan_database).
PRAGMA_SQLITE = ("busy_timeout=5000", "foreign_keys=ON")
HEAD_REVISION = "0010"  # newest shipped migration; a test compares it with Alembic's head


def url_database(url: str | None = None) -> str:
    """`--db` value, else $SISTEMKERJA_DB, else the SQLite file in the user's data folder.

    A bare path (no `://`) is taken as a SQLite file.
    """
    url = url or os.environ.get(ENV_DB) or ""
    if not url:
        return f"sqlite:///{paths.data_dir() / NAMA_BERKAS_DB}"
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    return url


def berkas_sqlite_polos(url: str) -> Path | None:
    """The file of a plain `sqlite:///path` URL (no driver, no query string); None otherwise."""
    awalan = "sqlite:///"
    if not url.startswith(awalan) or "?" in url:
        return None
    jalur = url[len(awalan) :]
    return Path(jalur) if jalur and jalur != ":memory:" else None
