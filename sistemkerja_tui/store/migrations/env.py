"""Alembic environment: SQLModel's metadata, batch mode on SQLite.

The app passes its own connection, already inside a transaction, through
`config.attributes["connection"]` (see `store.migrasi`); without one, the
`sqlalchemy.url` option or the app's default database is opened.
"""

from alembic import context
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

from sistemkerja_tui.store import models  # noqa: F401  (registers the tables)


def _jalankan(conn: Connection) -> None:
    sqlite = conn.dialect.name == "sqlite"
    context.configure(
        connection=conn,
        target_metadata=SQLModel.metadata,
        render_as_batch=sqlite,
        # store.db makes pysqlite emit BEGIN itself, so SQLite DDL is transactional too.
        transactional_ddl=True if sqlite else None,
    )
    with context.begin_transaction():
        context.run_migrations()


_koneksi = context.config.attributes.get("connection")
if _koneksi is not None:
    _jalankan(_koneksi)
else:
    from sistemkerja_tui.store import db

    _engine = db.buat_engine(db.url_database(context.config.get_main_option("sqlalchemy.url")))
    try:
        with _engine.connect() as _c:
            _jalankan(_c)
    finally:
        _engine.dispose()
