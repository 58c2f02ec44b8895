"""Shared fixtures: real SQLite files under pytest's tmp_path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


@pytest.fixture
def db_url(tmp_path) -> str:
    """URL of a SQLite file that does not exist yet."""
    return f"sqlite:///{tmp_path / 'sistemkerja.db'}"


@pytest.fixture
def engine(db_url):
    """Engine on a fresh database migrated to head."""
    from sistemkerja_tui.store.db import siapkan_database

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
def _db_demo_asli(tmp_path_factory) -> Path:
    """One demo Pemda (default size, default seed) built per test session."""
    from sistemkerja_tui.layanan.demo import buat_demo
    from sistemkerja_tui.store.db import siapkan_database

    berkas = tmp_path_factory.mktemp("demo") / "demo.db"
    engine = siapkan_database(f"sqlite:///{berkas}")
    buat_demo(engine)
    engine.dispose()  # last connection closed: the WAL is checkpointed into the file
    return berkas


@pytest.fixture
def db_demo(_db_demo_asli, tmp_path) -> str:
    """Path of a private copy of the demo database for one test."""
    salinan = tmp_path / "demo.db"
    shutil.copyfile(_db_demo_asli, salinan)
    return str(salinan)


@pytest.fixture
def layanan(db_demo):
    """The services over a private copy of the demo database."""
    from sistemkerja_tui.layanan.mulai import buka_database

    hasil = buka_database(db_demo, demo_jika_kosong=False)
    yield hasil.layanan
    hasil.layanan.tutup()
