"""Engine and sessions. Any SQLAlchemy URL works; SQLite gets per-connection pragmas.

(Provisional: schema by create_all until the Alembic migrations land.)
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, create_engine

from sistemkerja_tui import paths

ENV_DB = "SISTEMKERJA_DB"
NAMA_BERKAS_DB = "sistemkerja.db"


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


def _pragma_sqlite(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def buat_engine(url: str) -> Engine:
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _pragma_sqlite)
    return engine


def siapkan_database(url: str | None = None) -> Engine:
    """Engine for `url` with the schema at the current version."""
    from sistemkerja_tui.store import models  # noqa: F401  (registers the tables)

    engine = buat_engine(url_database(url))
    SQLModel.metadata.create_all(engine)
    return engine


@contextmanager
def transaksi(engine: Engine) -> Iterator[Session]:
    """One use case = one transaction: commit on success, roll back on any error."""
    with Session(engine, expire_on_commit=False) as sesi:
        with sesi.begin():
            yield sesi
