"""Shared fixtures: real SQLite files under pytest's tmp_path, or real PostgreSQL databases.

With `SISTEMKERJA_TEST_DB=postgresql+psycopg://user@host:port/postgres` (see `.ci/postgres.sh`, `make test-pg`)
the database fixtures give each test a fresh database on that server instead, dropped afterwards; the demo is
built once per session (per xdist worker) into a template database and cloned. Tests marked `sqlite` are about
SQLite files themselves and are skipped there.
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ENV_TEST_DB = "SISTEMKERJA_TEST_DB"
SERVER = os.environ.get(ENV_TEST_DB, "")


def pytest_configure(config: pytest.Config) -> None:
    if SERVER and not SERVER.startswith("postgresql"):
        raise pytest.UsageError(f"{ENV_TEST_DB} harus URL PostgreSQL (postgresql+psycopg://…), bukan {SERVER!r}")


def pytest_report_header(config: pytest.Config) -> str:
    if not SERVER:
        return "database uji: berkas SQLite"
    from sqlalchemy.engine import make_url

    return f"database uji: PostgreSQL {make_url(SERVER).render_as_string(hide_password=True)}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not SERVER:
        return
    lewati = pytest.mark.skip(reason="tentang berkas SQLite itu sendiri; tidak berlaku di PostgreSQL")
    for item in items:
        if item.get_closest_marker("sqlite"):
            item.add_marker(lewati)


class ServerUji:
    """Creates and drops this worker's databases on the PostgreSQL server of `SISTEMKERJA_TEST_DB`."""

    def __init__(self, url: str, pekerja: str) -> None:
        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url
        from sqlalchemy.pool import NullPool

        self._url = make_url(url)
        self._admin = create_engine(self._url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        self.awalan = f"t_{pekerja}_{os.getpid()}"
        self._nomor = itertools.count(1)

    def url(self, nama: str) -> str:
        return self._url.set(database=nama).render_as_string(hide_password=False)

    def _sql(self, perintah: str) -> None:
        from sqlalchemy import text

        with self._admin.connect() as c:
            c.execute(text(perintah))

    def buat(self, templat: str | None = None, nama: str | None = None) -> str:
        """A new database (a copy of `templat` if given); returns its name."""
        nama = nama or f"{self.awalan}_{next(self._nomor)}"
        self.hapus(nama)
        dari = f" TEMPLATE {templat} STRATEGY FILE_COPY" if templat else ""
        self._sql(f"CREATE DATABASE {nama}{dari}")
        return nama

    def hapus(self, nama: str) -> None:
        self._sql(f"DROP DATABASE IF EXISTS {nama} WITH (FORCE)")  # FORCE: connections a test left open

    def tutup(self) -> None:
        self._admin.dispose()


@pytest.fixture(scope="session")
def server_uji(request: pytest.FixtureRequest) -> Iterator[ServerUji | None]:
    """The PostgreSQL server the suite runs on, or None for SQLite files."""
    if not SERVER:
        yield None
        return
    pekerja = getattr(request.config, "workerinput", {}).get("workerid", "utama")  # gw0, gw1 … under xdist
    server = ServerUji(SERVER, pekerja)
    yield server
    server.tutup()


@pytest.fixture(scope="session")
def _templat_kosong(server_uji: ServerUji | None) -> Iterator[str | None]:
    """A PostgreSQL database migrated to head, copied by `engine` (migrating each time costs ~0.7 s)."""
    if server_uji is None:
        yield None
        return
    from sistemkerja_tui.store.db import siapkan_database

    nama = server_uji.buat(nama=f"{server_uji.awalan}_kosong")
    siapkan_database(server_uji.url(nama)).dispose()
    yield nama
    server_uji.hapus(nama)


@pytest.fixture
def db_url(tmp_path, server_uji: ServerUji | None) -> Iterator[str]:
    """URL of a SQLite file that does not exist yet, or of a new empty PostgreSQL database."""
    if server_uji is None:
        yield f"sqlite:///{tmp_path / 'sistemkerja.db'}"
        return
    nama = server_uji.buat()
    yield server_uji.url(nama)
    server_uji.hapus(nama)


class PabrikDb:
    """New empty databases: SQLite files in a given folder, or databases on the PostgreSQL server."""

    def __init__(self, server: ServerUji | None) -> None:
        self.server = server

    def baru(self, folder: Path, nama: str) -> str:
        """The URL of a database that does not exist yet (SQLite) or is empty (PostgreSQL)."""
        if self.server is None:
            return f"sqlite:///{folder / f'{nama}.db'}"
        return self.server.url(self.server.buat())

    def hapus(self, url: str) -> None:
        if self.server is not None:
            self.server.hapus(url.rsplit("/", 1)[1])


@pytest.fixture(scope="session")
def pabrik_db(server_uji: ServerUji | None) -> PabrikDb:
    return PabrikDb(server_uji)


@pytest.fixture
def db_baru(tmp_path, pabrik_db: PabrikDb) -> Iterator[Callable[[str], str]]:
    """`db_baru(nama)`: the URL of one more new database for this test (see `PabrikDb.baru`)."""
    dibuat: list[str] = []

    def buat(nama: str) -> str:
        dibuat.append(pabrik_db.baru(tmp_path, nama))
        return dibuat[-1]

    yield buat
    for url in dibuat:
        pabrik_db.hapus(url)


@pytest.fixture
def engine(db_url, server_uji: ServerUji | None, _templat_kosong: str | None):
    """Engine on a fresh database migrated to head."""
    from sistemkerja_tui.store.db import siapkan_database

    if server_uji is not None:
        nama = db_url.rsplit("/", 1)[1]
        server_uji.buat(_templat_kosong, nama=nama)
    engine = siapkan_database(db_url)
    yield engine
    engine.dispose()


@pytest.fixture(autouse=True)
def _folder_pengguna_sementara(tmp_path, monkeypatch):
    """Keep tests away from the real user's data, config and log folders."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))  # the log folder (sistemkerja_tui.catatan)
    monkeypatch.setenv("SISTEMKERJA_CONFIG", str(tmp_path / "xdg-config" / "sistemkerja" / "config.toml"))
    monkeypatch.delenv("SISTEMKERJA_DB", raising=False)
    monkeypatch.setenv("TEXTUAL_ANIMATION", "none")


@pytest.fixture(scope="session")
def _db_demo_asli(tmp_path_factory, server_uji: ServerUji | None) -> Iterator[Path | str]:
    """One demo Pemda (default size, default seed) built per test session (per xdist worker): a SQLite file,
    or the name of a PostgreSQL template database."""
    from sistemkerja_tui.layanan.demo import buat_demo
    from sistemkerja_tui.store.db import siapkan_database

    if server_uji is None:
        berkas = tmp_path_factory.mktemp("demo") / "demo.db"
        engine = siapkan_database(f"sqlite:///{berkas}")
        buat_demo(engine)
        engine.dispose()  # last connection closed: the WAL is checkpointed into the file
        yield berkas
        return
    nama = server_uji.buat(nama=f"{server_uji.awalan}_demo")
    engine = siapkan_database(server_uji.url(nama))
    buat_demo(engine)
    engine.dispose()  # a template database must have no connections when it is copied
    yield nama
    server_uji.hapus(nama)


@pytest.fixture
def db_demo(_db_demo_asli, tmp_path, server_uji: ServerUji | None) -> Iterator[str]:
    """A private copy of the demo database for one test: the path of a SQLite file, or a PostgreSQL URL."""
    if server_uji is None:
        salinan = tmp_path / "demo.db"
        shutil.copyfile(_db_demo_asli, salinan)
        yield str(salinan)
        return
    nama = server_uji.buat(_db_demo_asli)
    yield server_uji.url(nama)
    server_uji.hapus(nama)


@pytest.fixture
def layanan(db_demo):
    """The services over a private copy of the demo database."""
    from sistemkerja_tui.layanan.mulai import buka_database

    hasil = buka_database(db_demo, demo_jika_kosong=False)
    yield hasil.layanan
    hasil.layanan.tutup()


@pytest.fixture
def tim(layanan, db_demo) -> int:
    """The first demo team with a ketua; its owner unit's head is the user (the signer of its letters)."""
    from tests.bantu import sql

    tim_id, unit_id = sql(
        db_demo,
        "SELECT t.id, t.unit_id FROM tim_kerja t WHERE EXISTS (SELECT 1 FROM keanggotaan "
        "k WHERE k.tim_id = t.id AND k.peran = 'ketua' AND k.status = 'aktif') "
        "ORDER BY t.id LIMIT 1",
    )[0]
    pimpinan = [u.pimpinan.pegawai_id for u in layanan.struktur.jalur_unit(unit_id) if u.pimpinan][-1]
    layanan.pengguna.tetapkan(pimpinan)
    return tim_id
