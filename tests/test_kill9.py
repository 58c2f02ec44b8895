"""`kill -9` in the middle of write loops: the database stays whole and no use case is left half done.

A worker (tests/proses.py, role `bunuh`) loops letters, decisions on requests, kegiatan steps and team
changes on a SQLite file without pause; the test kills it with SIGKILL after a random short delay,
checks the file, and starts it again. The suite kills 22 times; `make soak` (SISTEMKERJA_SOAK=100)
kills 100 times. After each kill: `integrity_check` ok, `foreign_key_check` empty, each letter counter
= its register, every request, kegiatan and team change whole (tests/proses.py `periksa_semua`).
"""

from __future__ import annotations

import os
import random
import signal
import time
from typing import Any

import pytest
from tests import proses

pytestmark = pytest.mark.sqlite  # a SQLite file's integrity after a kill; PostgreSQL keeps its own
KILL = int(os.environ.get("SISTEMKERJA_SOAK") or 22)  # kills in this file, shared by its tests


def _jeda(acak: random.Random) -> None:
    """Let the worker run a random short while, so the kill lands anywhere in its loop (no assertion on time)."""
    time.sleep(acak.uniform(0.0, 0.5))


def _bunuh(pekerja: Any) -> None:
    """SIGKILL the worker; it must not have reported an unexpected exception before."""
    os.kill(pekerja.pid, signal.SIGKILL)
    _, err = pekerja.communicate(timeout=60)
    assert pekerja.returncode == -signal.SIGKILL, err
    assert err == "", err


def _periksa(db: str, awal: dict[str, Any], ke: int) -> None:
    with proses.foto(db) as baris:
        assert baris("PRAGMA integrity_check") == [("ok",)], f"setelah kill ke-{ke}"
        assert baris("PRAGMA foreign_key_check") == [], f"setelah kill ke-{ke}"
        assert proses.periksa_semua(baris, awal) == [], f"setelah kill ke-{ke}"


@pytest.fixture
def siap(layanan, db_demo) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """(database, the workers' ids, the state the checks compare with) on a copy of the demo."""
    tugas = proses.siapkan_tugas(layanan)
    with proses.foto(db_demo) as baris:
        return db_demo, tugas, proses.keadaan_awal(baris)


def test_kill9_satu_pekerja(siap):
    db, tugas, awal = siap
    acak = random.Random(9)
    for ke in range(1, (KILL + 1) // 2 + 1):
        pekerja = proses.mulai("bunuh", db, {**tugas, "benih": ke, "nama": f"K{ke}"})
        try:
            proses.tunggu_siap(pekerja)
            _jeda(acak)
            _bunuh(pekerja)
        finally:
            proses.akhiri(pekerja)
        _periksa(db, awal, ke)
    with proses.foto(db) as baris:  # each run committed a letter before it was killed
        assert baris("SELECT COUNT(*) FROM surat")[0][0] >= (KILL + 1) // 2


def test_kill9_di_samping_pekerja_lain(siap, layanan):
    """Killed beside a writer that keeps running: the lock it may have held is freed, the other writer and
    the app instance (this process) write on, and every check holds on a snapshot taken meanwhile."""
    db, tugas, awal = siap
    acak = random.Random(99)
    kerja = proses.Kerja(layanan, tugas, acak)
    lain = proses.mulai("bunuh", db, {**tugas, "benih": 1000, "nama": "Lain", "jeda": 0.05})
    try:
        proses.tunggu_siap(lain)
        for ke in range(1, KILL // 2):
            korban = proses.mulai("bunuh", db, {**tugas, "benih": 100 + ke, "nama": f"L{ke}"})
            proses.tunggu_siap(korban)
            _jeda(acak)
            _bunuh(korban)
            assert lain.poll() is None, "pekerja lain ikut berhenti"
            assert kerja.surat()  # no DatabaseSibuk: the killed process's lock died with it
            _periksa(db, awal, ke)
        _bunuh(lain)
    finally:
        proses.akhiri(lain)
    _periksa(db, awal, KILL // 2)
