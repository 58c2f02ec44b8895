"""`sistemkerja serve` in a real headless Chromium (Debian's `chromium`, driven by Playwright).

The server runs as `sistemkerja serve` would for a user; the browser opens the page, the app paints the
Struktur screen into xterm.js, `/` and a name are typed on the page's keyboard, and the search result comes
back. What the app painted is read from the websocket frames the browser received (terminal output, escape
codes stripped), since xterm.js draws on a canvas.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import playwright.sync_api as playwright
import pytest
from tests.bantu import mode_bersama, sql

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

# CI installs chromium (.ci/run): there a missing browser fails the test instead of skipping it
tanpa_chromium = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not os.environ.get("CI"), reason="paket Debian chromium belum terpasang"
)

# as the machine's probe starts it: no sandbox as root, no GPU, nothing reaching out to the network
ARGUMEN_CHROMIUM = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
_ESC = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|[@-Z\\-_])")
BATAS = 60.0


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tunggu(syarat: Callable[[], bool], apa: str, tidur: Callable[[], object] = lambda: time.sleep(0.1)) -> None:
    """Poll `syarat`; with a page, `tidur` must be the page's own wait (Playwright delivers events only then)."""
    akhir = time.monotonic() + BATAS
    while not syarat():
        if time.monotonic() > akhir:
            raise AssertionError(f"tidak terjadi dalam {BATAS:.0f} s: {apa}")
        tidur()


@pytest.fixture
def server(db_demo) -> Iterator[str]:
    yield from _layani(db_demo)


def _layani(db_demo: str, *argumen: str) -> Iterator[str]:
    port = _port_bebas()
    proses = subprocess.Popen(
        [sys.executable, "-m", "sistemkerja_tui", "--db", db_demo, "serve", "--port", str(port), *argumen],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        env=os.environ.copy(),
    )

    def siap() -> bool:
        assert proses.poll() is None, proses.stdout.read().decode() if proses.stdout else ""
        with socket.socket() as s:
            return s.connect_ex(("127.0.0.1", port)) == 0

    try:
        _tunggu(siap, "server mendengarkan")
        yield f"http://127.0.0.1:{port}"
    finally:
        os.killpg(proses.pid, signal.SIGINT)  # Ctrl+C, as the user stops it: the server and its app processes
        try:
            proses.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(proses.pid, signal.SIGKILL)
            proses.wait()


@tanpa_chromium
def test_struktur_dan_cari_di_peramban(server, db_demo, tmp_path):
    # a pegawai of the last unit: not on the first page of Struktur, so only the search can show the name
    (nama,) = sql(
        db_demo,
        "SELECT nama FROM pegawai p WHERE aktif AND (SELECT COUNT(*) FROM pegawai q WHERE q.nama = p.nama) = 1 "
        "ORDER BY unit_id DESC, id DESC LIMIT 1",
    )[0]
    diterima: list[bytes] = []

    def layar() -> str:
        return _ESC.sub("", b"".join(diterima).decode("utf-8", "replace"))

    with playwright.sync_playwright() as pw:
        peramban = pw.chromium.launch(executable_path=CHROMIUM, args=ARGUMEN_CHROMIUM)
        try:
            halaman = peramban.new_page(viewport={"width": 1280, "height": 800})
            halaman.on(
                "websocket",
                lambda ws: ws.on(
                    "framereceived", lambda isi: diterima.append(isi if isinstance(isi, bytes) else isi.encode())
                ),
            )
            halaman.goto(server)

            def tunggu(syarat: Callable[[], bool], apa: str) -> None:
                _tunggu(syarat, apa, lambda: halaman.wait_for_timeout(100))

            tunggu(lambda: "DEMO FIKTIF" in layar() and "Sub-unit" in layar(), "layar Struktur tergambar")
            assert nama not in layar()
            halaman.locator(".xterm").first.click()
            halaman.keyboard.press("/")
            tunggu(lambda: "Cari" in layar(), "layar Cari terbuka")
            halaman.keyboard.type(nama.lower(), delay=20)
            tunggu(lambda: nama in layar(), f"hasil pencarian menampilkan {nama}")
            halaman.screenshot(path=str(tmp_path / "cari.png"))
        finally:
            peramban.close()


def test_serve_menolak_host_jaringan_tanpa_akun(db_demo, capsys):
    from sistemkerja_tui.cli import main

    assert main(["--db", db_demo, "serve", "--host", "0.0.0.0"]) == 2
    pesan = capsys.readouterr().err
    assert "--host 0.0.0.0" in pesan and "127.0.0.1" in pesan and "akun mode bersama" in pesan
    assert "Traceback" not in pesan


def test_perintah_aplikasi_mengutip_path_database(tmp_path):
    import shlex

    from sistemkerja_tui.web import hanya_lokal, perintah_aplikasi

    berkas = tmp_path / "folder dengan spasi" / "kantor's.db"
    argumen = shlex.split(perintah_aplikasi(str(berkas)))
    assert argumen[-2:] == ["--db", str(berkas)]
    assert hanya_lokal("localhost") and hanya_lokal("127.0.0.1") and hanya_lokal("::1")
    assert not hanya_lokal("0.0.0.0") and not hanya_lokal("192.168.1.10") and not hanya_lokal("kantor.local")


class Peramban:
    """One headless Chromium page on the served app, reading what the app painted from the websocket."""

    def __init__(self, halaman) -> None:
        self.halaman = halaman
        self.diterima: list[bytes] = []
        halaman.on(
            "websocket",
            lambda ws: ws.on(
                "framereceived", lambda isi: self.diterima.append(isi if isinstance(isi, bytes) else isi.encode())
            ),
        )

    def layar(self, sejak: int = 0) -> str:
        return _ESC.sub("", b"".join(self.diterima[sejak:]).decode("utf-8", "replace"))

    def tunggu(self, teks: str, sejak: int = 0) -> None:
        _tunggu(lambda: teks in self.layar(sejak), f"tergambar: {teks}", lambda: self.halaman.wait_for_timeout(100))

    def ketik(self, teks: str) -> int:
        """Type `teks` and Enter; the frame count before, for `tunggu(…, sejak=)`."""
        sejak = len(self.diterima)
        self.halaman.keyboard.type(teks, delay=10)
        self.halaman.keyboard.press("Enter")
        return sejak


@tanpa_chromium
def test_kantor_bersama_masuk_cari_lalu_keluar_di_peramban(db_demo):
    nip, sementara, pegawai_id = mode_bersama(db_demo)
    ((kepala,),) = sql(db_demo, "SELECT nama FROM pegawai WHERE id = ?", pegawai_id)
    (nama,) = sql(
        db_demo,
        "SELECT nama FROM pegawai p WHERE aktif AND (SELECT COUNT(*) FROM pegawai q WHERE q.nama = p.nama) = 1 "
        "ORDER BY unit_id DESC, id DESC LIMIT 1",
    )[0]
    layani = _layani(db_demo)
    alamat = next(layani)
    try:
        with playwright.sync_playwright() as pw:
            chromium = pw.chromium.launch(executable_path=CHROMIUM, args=ARGUMEN_CHROMIUM)
            try:
                b = Peramban(chromium.new_page(viewport={"width": 1280, "height": 800}))
                b.halaman.goto(alamat)
                b.tunggu("Masuk — Sistem Kerja")
                assert nama not in b.layar()
                b.halaman.locator(".xterm").first.click()
                b.ketik(nip)
                b.tunggu("Ganti kata sandi sementara", b.ketik(sementara))
                for isian in (sementara, "Kenanga-Merah-2026"):
                    b.ketik(isian)
                b.tunggu(kepala, b.ketik("Kenanga-Merah-2026"))  # "Masuk sebagai …"
                sejak = len(b.diterima)
                b.halaman.keyboard.press("/")
                b.tunggu("Cari pegawai", sejak)
                b.halaman.keyboard.type(nama.lower(), delay=10)
                b.tunggu(nama, sejak)
                b.halaman.keyboard.press("Enter")  # to the pegawai in the Struktur screen
                b.tunggu("Sub-unit", sejak)  # the Struktur screen's footer again
                b.halaman.wait_for_timeout(300)
                sejak = len(b.diterima)
                b.halaman.keyboard.press("p")  # log out
                b.tunggu("Masuk — Sistem Kerja", sejak)
            finally:
                chromium.close()
    finally:
        layani.close()  # stops the server (the generator's finally)
    aksi = [a for (a,) in sql(db_demo, "SELECT aksi FROM riwayat WHERE entitas = 'akun' ORDER BY id")]
    assert aksi == ["akun_dibuat", "masuk", "ganti_sandi"]


def test_serve_port_terpakai_ditolak_dengan_pesan(db_demo, capsys):
    from sistemkerja_tui.cli import main

    with socket.socket() as dipakai:
        dipakai.bind(("127.0.0.1", 0))
        dipakai.listen()
        port = dipakai.getsockname()[1]
        assert main(["--db", db_demo, "serve", "--port", str(port)]) == 2
    pesan = capsys.readouterr().err
    assert f"--port {port}" in pesan and "port lain" in pesan and "Traceback" not in pesan


@pytest.mark.parametrize(
    ("url", "pesan"),
    [
        (
            "https://sistemkerja.kantor.example",
            "--url-publik https://sistemkerja.kantor.example: database ini dalam mode sendiri",
        ),
        ("sistemkerja.kantor.example", "harus alamat lengkap"),
    ],
)
def test_serve_url_publik_ditolak(db_demo, capsys, url, pesan):
    # behind a reverse proxy the app is on the network: not without accounts; a bare host name is not an address
    from sistemkerja_tui.cli import main

    assert main(["--db", db_demo, "serve", "--url-publik", url]) == 2
    keluaran = capsys.readouterr().err
    assert pesan in keluaran and "Traceback" not in keluaran


def test_halaman_menunjuk_url_publik_di_belakang_proksi(db_demo):
    # the page a browser gets through the office's HTTPS proxy opens its WebSocket there (wss://), not on the
    # loopback address the server listens on
    import urllib.request

    mode_bersama(db_demo)
    layani = _layani(db_demo, "--url-publik", "https://sistemkerja.kantor.example/")
    alamat = next(layani)
    try:
        with urllib.request.urlopen(alamat, timeout=30) as jawab:
            halaman = jawab.read().decode()
    finally:
        layani.close()
    assert 'data-session-websocket-url="wss://sistemkerja.kantor.example/' in halaman
    assert "ws://127.0.0.1" not in halaman
