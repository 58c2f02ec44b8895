"""Start-up: the first screen is filled in one go, and the main thread imports no rules before its first paint."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.tui.bantu import UKURAN, buat_app, teks, tunggu, tunggu_siap

from sistemkerja_tui.layanan.struktur import LayananStruktur
from sistemkerja_tui.tui.awal import PembukaAwal
from sistemkerja_tui.tui.widgets.detail import PanelDetail
from sistemkerja_tui.tui.widgets.kaki import KakiLayar
from sistemkerja_tui.tui.widgets.pohon import PohonUnit


async def test_halaman_pertama_dibaca_sekali_bersama_pohon(db_demo, monkeypatch):
    dibaca: list[int] = []
    baca = LayananStruktur.halaman_pegawai

    def catat(self, unit_id, **kwargs):
        dibaca.append(unit_id)
        return baca(self, unit_id, **kwargs)

    monkeypatch.setattr(LayananStruktur, "halaman_pegawai", catat)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        pohon = app.screen.query_one(PohonUnit)
        assert pohon.cursor_node is pohon.root.children[0].children[0]
        assert dibaca == [pohon.cursor_node.data.unit_id]  # read with the tree, not again when the cursor lands
        assert pohon.scroll_offset.y == 0  # the instansi line above the cursor stays in view
        assert "hal. 1/" in teks(app.screen.query_one("#info-unit"))


async def test_mulai_berulang_selalu_sampai_siap(db_demo):
    # the database may answer before the screen's widgets are mounted: the page waits for them
    for _ in range(6):
        app = buat_app(db_demo)
        async with app.run_test(size=UKURAN) as pilot:
            await tunggu_siap(pilot)
            assert app.struktur.query_one("#tabel").row_count > 0


def test_impor_aplikasi_tanpa_aturan_dan_sqlalchemy():
    # the rules, the structure services and SQLAlchemy are imported by the worker that opens the database
    berat = ["sistemkerja_tui.aturan.enums", "sistemkerja_tui.aturan.profil", "sistemkerja_tui.aturan.ppk"]
    berat += ["sistemkerja_tui.layanan.struktur", "sqlalchemy", "sqlmodel", "babel", "jinja2"]
    kode = f"import sys, sistemkerja_tui.cli, sistemkerja_tui.tui.app; print(sorted(set({berat!r}) & set(sys.modules)))"
    keluaran = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, check=True).stdout
    assert keluaran.strip() == "[]"


async def test_dibuka_selagi_textual_diimpor_terisi_sejak_gambar_pertama(db_demo):
    # cli opens the database while it imports Textual: when the app mounts, the answer is there and the first
    # frame shows the tree, the first page, the first pegawai's detail and the footer's keys — no worker waits
    pembuka = PembukaAwal(db_demo)
    pembuka.tunggu()
    app = buat_app(db_demo, pembuka=pembuka)
    async with app.run_test(size=UKURAN):
        assert app.waktu_siap is not None  # filled as the screen mounted
        assert not [w for w in app.workers if w.group == "buka"]
        assert "hal. 1/" in teks(app.screen.query_one("#info-unit"))
        assert "NIP" in teks(app.screen.query_one("#isi-detail"))
        assert len(app.screen.query_one(KakiLayar).children) > 0  # the keys are composed with the footer


async def test_database_tak_dapat_dibuka_diberitahukan(tmp_path):
    rusak = tmp_path / "rusak.db"
    rusak.write_bytes(b"bukan database SQLite" * 100)
    app = buat_app(str(rusak))
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu(pilot, lambda: "Memuat" not in teks(app.screen.query_one("#info-unit")))
        assert app.layanan is None
        assert "rusak.db" in teks(app.screen.query_one(PanelDetail).query_one("#isi-detail"))


async def test_pengumpul_sampah_hidup_lagi_setelah_layar_pertama(db_demo, tmp_path):
    # cli turns the garbage collector off for start-up; the app turns it on again once the first screen is shown —
    # also when the database cannot be opened
    import gc

    rusak = tmp_path / "rusak.db"
    rusak.write_bytes(b"bukan database SQLite" * 100)
    try:
        for db in (db_demo, str(rusak)):
            gc.disable()
            app = buat_app(db)
            async with app.run_test(size=UKURAN) as pilot:
                await tunggu(pilot, lambda a=app: "Memuat" not in teks(a.screen.query_one("#info-unit")))
                assert gc.isenabled()
    finally:
        gc.enable()


async def test_rincian_pegawai_digambar_sekali_per_lebar(db_demo, monkeypatch):
    # Textual measures a Static's Rich content by rendering it, then renders it again, on every layout pass: the
    # detail's table (~5 ms a render) is rendered once for each width it is shown at
    from rich.table import Table

    lebar: list[int] = []
    asli = Table.__rich_console__

    def catat(self, console, options):
        lebar.append(options.max_width)
        yield from asli(self, console, options)

    monkeypatch.setattr(Table, "__rich_console__", catat)
    app = buat_app(db_demo)
    async with app.run_test(size=UKURAN) as pilot:
        await tunggu_siap(pilot)
        for _ in range(2):
            app.screen.refresh(layout=True)
            await pilot.pause()
        assert "NIP" in teks(app.screen.query_one("#isi-detail"))
        assert lebar and len(lebar) == len(set(lebar))


_ADA_ANAK = """
def ada_anak():
    # whether this process still has a child (a running or unreaped one)
    import os
    try:
        os.waitpid(-1, os.WNOHANG)
        return True
    except ChildProcessError:
        return False
"""

_SKRIP_ANAK = (
    _ADA_ANAK
    + """
import json, sys
from sistemkerja_tui.tui.awal import BacaanAnak, baca_awal
from sistemkerja_tui.layanan.mulai import buka_database

db = sys.argv[1]
anak = BacaanAnak.mulai(db)
dari_anak = anak.terima() if anak is not None else None
profil_di_induk = "sistemkerja_tui.aturan.profil" in sys.modules
sisa_anak = ada_anak()
sendiri = baca_awal(buka_database(db).struktur)
print(json.dumps({"dijawab": dari_anak is not None, "sama": dari_anak == sendiri,
                  "profil_di_induk": profil_di_induk, "sisa_anak": sisa_anak}))
"""
)


def _jalankan_skrip(skrip: str, *args: str) -> dict:
    import json

    keluaran = subprocess.run([sys.executable, "-c", skrip, *args], capture_output=True, text=True, timeout=120)
    assert keluaran.returncode == 0, keluaran.stderr
    return json.loads(keluaran.stdout)


def test_layar_pertama_dibaca_proses_anak_sama_dengan_dibaca_sendiri(db_demo):
    # the CLI forks a child that reads the first screen (rules, PPK and all) on the other core while this process
    # imports Textual: what it hands over is what this process would have read, and the child is gone after
    hasil = _jalankan_skrip(_SKRIP_ANAK, db_demo)
    assert not hasil["sisa_anak"]
    if "://" in db_demo:  # a server database: the child has nothing to read through sqlite3, the thread reads it
        assert not hasil["dijawab"]
        return
    assert hasil == {"dijawab": True, "sama": True, "profil_di_induk": False, "sisa_anak": False}


_SKRIP_TANPA_JAWABAN = (
    _ADA_ANAK
    + """
import json, sys
from sistemkerja_tui.tui.awal import PembukaAwal
from sistemkerja_tui.layanan.mulai import GagalBuka

baru, rusak = sys.argv[1], sys.argv[2]
dibuka = PembukaAwal(baru, anak=True).jawaban()  # a new file: the thread creates it, the child had nothing to read
try:
    PembukaAwal(rusak, anak=True).jawaban()
    galat = ""
except GagalBuka as e:
    galat = str(e)
sisa_anak = ada_anak()
print(json.dumps({"kosong": dibuka.hasil.kosong, "pohon": dibuka.awal.pohon == [], "galat": galat,
                  "sisa_anak": sisa_anak}))
"""
)


def test_anak_tanpa_jawaban_layar_dibaca_sendiri(tmp_path):
    rusak = tmp_path / "rusak.db"
    rusak.write_bytes(b"bukan database SQLite" * 100)
    hasil = _jalankan_skrip(_SKRIP_TANPA_JAWABAN, str(tmp_path / "baru.db"), str(rusak))
    assert hasil["kosong"] and hasil["pohon"] and not hasil["sisa_anak"]
    assert "rusak.db" in hasil["galat"]  # the error is the one the user's own process reports


def _tanpa_escape(keluaran: bytes | bytearray) -> str:
    return re.sub(r"\x1b\[[0-9;?<>$]*[A-Za-z]", "", keluaran.decode("utf-8", "replace"))


def _layar_di_pty(argv: list[str], env: dict[str, str], ukuran: tuple[int, int], tanda: tuple[str, ...]) -> str:
    """Run `argv` on a pseudo-terminal of `ukuran` until each of `tanda` has been painted, press q, and read on
    until every holder of the terminal is gone (60 s at most). What was painted, escape sequences removed."""
    import fcntl
    import os
    import pty
    import select
    import struct
    import termios
    import time

    induk, anak = pty.openpty()
    fcntl.ioctl(anak, termios.TIOCSWINSZ, struct.pack("HHHH", ukuran[1], ukuran[0], 0, 0))
    proses = subprocess.Popen(argv, stdin=anak, stdout=anak, stderr=anak, env=env, close_fds=True)
    os.close(anak)
    keluaran = bytearray()
    akhir, keluar = time.monotonic() + 60, False
    try:
        while time.monotonic() < akhir:
            if select.select([induk], [], [], 0.2)[0]:
                try:
                    potong = os.read(induk, 65536)
                except OSError:  # EIO: the last holder of the terminal closed it
                    break
                if not potong:
                    break
                keluaran += potong
            if not keluar and all(t in _tanpa_escape(keluaran) for t in tanda):
                os.write(induk, b"q")
                keluar = True
    finally:
        os.close(induk)
        if proses.poll() is None:
            proses.kill()
    assert keluar, f"tidak tergambar dalam 60 s: {[t for t in tanda if t not in _tanpa_escape(keluaran)]}"
    assert proses.wait(timeout=10) == 0
    return _tanpa_escape(keluaran)


def test_aplikasi_sungguhan_tampil_terisi(db_demo, tmp_path):
    # the real `sistemkerja` on a terminal: the first screen shows the first unit's page and its first pegawai's PPK
    # with the passage behind it (read by the child where the database is a SQLite file); q ends it, and nothing
    # stays behind holding the terminal
    import os

    from sistemkerja_tui.layanan.mulai import buka_database
    from sistemkerja_tui.tui.awal import baca_awal

    awal = baca_awal(buka_database(db_demo).struktur)
    assert awal.halaman is not None and awal.detail is not None
    env = dict(os.environ, TERM="xterm-256color", TEXTUAL_ANIMATION="none")
    env["SISTEMKERJA_CONFIG"] = str(tmp_path / "config.toml")
    for ukuran in ("COLUMNS", "LINES"):  # set by pytest's workers: Textual would take them over the terminal's
        env.pop(ukuran, None)
    tanda = (f"hal. 1/{awal.halaman.jumlah_halaman}", "Keluar", awal.detail.ppk.rujukan)
    _layar_di_pty([sys.executable, "-m", "sistemkerja_tui", "--db", db_demo], env, (160, 40), tanda)


_SKRIP_LAMBAT = (
    _ADA_ANAK
    + """
import json, sys
from sistemkerja_tui.tui.awal import BacaanAnak

BacaanAnak.BATAS_DETIK = 0.0  # no time at all: the child is stopped before it can answer
anak = BacaanAnak.mulai(sys.argv[1])
jawaban = anak.terima()
sisa_anak = ada_anak()
print(json.dumps({"jawaban": jawaban is not None, "sisa_anak": sisa_anak}))
"""
)


def test_anak_yang_terlambat_dihentikan(db_demo):
    # a child that has not answered in time is killed and reaped; the caller then reads the screen itself
    assert _jalankan_skrip(_SKRIP_LAMBAT, db_demo) == {"jawaban": False, "sisa_anak": False}
