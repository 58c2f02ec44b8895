"""Every refusal is a message, never a traceback: the real `sistemkerja` command on real files, and use cases."""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.bantu import sql

from sistemkerja_tui.layanan.galat import DatabaseError
from sistemkerja_tui.layanan.surat import JenisSurat

SISTEMKERJA = str(Path(sys.executable).with_name("sistemkerja"))  # the venv's console script
TERLALU_BESAR = str(2**70)
BOCOR = ("Traceback", "Error:", "[SQL", "Exception ignored")  # a traceback or driver text reaching the user


def jalankan(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([SISTEMKERJA, *args], capture_output=True, text=True, timeout=120, **kwargs)


def python_c(kode: str, *args: str, **kwargs) -> subprocess.CompletedProcess:
    """`python -c kode args…`: the real CLI `main` after `kode` has set up the interpreter."""
    program = f"import sys\n{kode}\nfrom sistemkerja_tui.cli import main\nsys.exit(main())\n"
    return subprocess.run([sys.executable, "-c", program, *args], capture_output=True, text=True, timeout=120, **kwargs)


def tanpa_bocoran(r: subprocess.CompletedProcess) -> None:
    for kata in BOCOR:
        assert kata not in r.stderr, r.stderr


def register(db: str) -> tuple[list, list]:
    return sql(db, "SELECT nomor FROM surat ORDER BY id"), sql(db, "SELECT * FROM penomoran_surat")


@pytest.fixture
def db_surat(db_demo) -> str:
    """A demo copy with a signer chosen and two letters in the register."""
    from sistemkerja_tui.layanan.mulai import buka_database

    layanan = buka_database(db_demo, demo_jika_kosong=False).layanan
    try:
        tim_id = int(_tim(db_demo))
        (unit_id,) = sql(db_demo, "SELECT unit_id FROM tim_kerja WHERE id = ?", tim_id)[0]
        pimpinan = [u.pimpinan.pegawai_id for u in layanan.struktur.jalur_unit(unit_id) if u.pimpinan][-1]
        layanan.pengguna.tetapkan(pimpinan)
        for _ in range(2):
            layanan.surat.buat(JenisSurat.SURAT_TUGAS, tim_id=tim_id)
    finally:
        layanan.tutup()
    return db_demo


def _tim(db: str) -> str:
    """The first demo team with an active ketua (its letters can be made)."""
    return str(
        sql(
            db,
            "SELECT t.id FROM tim_kerja t WHERE EXISTS (SELECT 1 FROM keanggotaan k WHERE k.tim_id = "
            "t.id AND k.peran = 'ketua' AND k.status = 'aktif') ORDER BY t.id LIMIT 1",
        )[0][0]
    )


# --- ids out of range ---------------------------------------------------------------------------------


@pytest.mark.parametrize("opsi", ["--tim", "--permohonan", "--penilaian"])
def test_id_di_luar_batas_ditolak_di_cli(db_surat, opsi):
    sebelum = register(db_surat)
    r = jalankan("surat", "buat", "--jenis", "surat_tugas", opsi, TERLALU_BESAR, "--db", db_surat)
    assert r.returncode == 2
    assert f"argumen {opsi}: id {TERLALU_BESAR} di luar batas" in r.stderr
    tanpa_bocoran(r)
    assert register(db_surat) == sebelum


def test_id_di_luar_batas_pada_use_case_baca_dan_tulis(layanan, db_demo):
    from sistemkerja_tui.store.galat import NilaiDiLuarBatas

    sebelum = sql(db_demo, "SELECT COUNT(*) FROM riwayat")
    with pytest.raises(NilaiDiLuarBatas, match="di luar batas"):  # read path (stdlib sqlite3)
        layanan.surat.buat(JenisSurat.SURAT_TUGAS, tim_id=2**70)
    with pytest.raises(NilaiDiLuarBatas, match="di luar batas") as info:  # write path (a transaction)
        layanan.tim.bubarkan_tim(2**70, "alasan", oleh_id=None)
    assert isinstance(info.value, DatabaseError) and "Overflow" not in str(info.value)
    assert sql(db_demo, "SELECT COUNT(*) FROM riwayat") == sebelum


# --- which database ----------------------------------------------------------------------------------


def test_skema_url_tak_dikenal():
    r = jalankan("surat", "daftar", "--db", "foo://x")
    assert r.returncode == 2 and "Jenis database 'foo' tidak dikenal" in r.stderr
    tanpa_bocoran(r)


def test_postgresql_tanpa_driver_menyebut_cara_memasang():
    r = python_c(
        "sys.modules['psycopg'] = None  # as if psycopg were not installed",
        "surat",
        "daftar",
        "--db",
        "postgresql+psycopg://pengguna@127.0.0.1:1/sistemkerja",
    )
    assert r.returncode == 2
    assert "psycopg" in r.stderr and "pip install 'sistemkerja-tui[postgresql]'" in r.stderr
    tanpa_bocoran(r)


# --- read-only, full, damaged ------------------------------------------------------------------------

_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH, _PR_CAPBSET_DROP = 1, 2, 24


def _tanpa_hak_root() -> None:
    """In the child: drop root's right to ignore file permissions, so it is held to them like any user.

    (`setuid(65534)` would also do, but the interpreter may live where that user cannot reach.)
    """
    libc = ctypes.CDLL(None, use_errno=True)
    for hak in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, hak, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _sebagai_pengguna_biasa() -> dict:
    if os.geteuid() != 0:
        return {}
    uji = subprocess.run(["sh", "-c", "exit 0"], preexec_fn=_tanpa_hak_root, capture_output=True)
    if uji.returncode != 0:
        pytest.skip("hak root tidak dapat dilepas di sini")
    return {"preexec_fn": _tanpa_hak_root}


@pytest.mark.sqlite
@pytest.mark.parametrize("folder_hanya_baca", [False, True], ids=["berkas", "berkas-dan-folder"])
def test_database_hanya_baca_dapat_dibaca_tidak_ditulis(db_surat, tmp_path, folder_hanya_baca):
    folder = tmp_path / "arsip"
    folder.mkdir()
    db = folder / "demo.db"
    shutil.copyfile(db_surat, db)
    sebelum = register(str(db))
    db.chmod(0o444)
    if folder_hanya_baca:
        folder.chmod(0o555)
    try:
        hak = _sebagai_pengguna_biasa()
        daftar = jalankan("surat", "daftar", "--db", str(db), **hak)
        buat = jalankan(
            "surat",
            "buat",
            "--jenis",
            "surat_tugas",
            "--tim",
            _tim(str(db)),
            "--db",
            str(db),
            "--keluaran",
            str(tmp_path),
            **hak,
        )
    finally:
        folder.chmod(0o755)
        db.chmod(0o644)
    if folder_hanya_baca:  # a WAL database needs its -shm file beside it: SQLite cannot even read it here
        assert daftar.returncode == 2 and "hanya dapat dibaca" in daftar.stderr
        tanpa_bocoran(daftar)
    else:
        assert daftar.returncode == 0, daftar.stderr
        assert sorted(n for (n,) in sebelum[0]) == sorted(b.split()[0] for b in daftar.stdout.splitlines())
    assert buat.returncode == 2
    assert "hanya dapat dibaca" in buat.stderr and str(db) in buat.stderr
    tanpa_bocoran(buat)
    assert register(str(db)) == sebelum


_BATASI_HALAMAN = """
import sqlite3
_asli = sqlite3.dbapi2.connect
def _terbatas(*a, **k):  # the file may not grow: SQLite answers SQLITE_FULL, as on a full disk
    con = _asli(*a, **k)
    con.execute("PRAGMA max_page_count = " + str(con.execute("PRAGMA page_count").fetchone()[0]))
    return con
sqlite3.connect = sqlite3.dbapi2.connect = _terbatas
"""


@pytest.mark.sqlite
def test_disk_penuh_tidak_mengubah_data(db_surat, tmp_path):
    from sistemkerja_tui.surat.lingkungan import folder_bawaan, folder_pengguna_bawaan

    # A long letter (a real user template) needs new pages, which the full "disk" cannot give.
    templat = folder_pengguna_bawaan()
    templat.mkdir(parents=True)
    asli = (folder_bawaan() / JenisSurat.SURAT_TUGAS.templat).read_text(encoding="utf-8")
    (templat / JenisSurat.SURAT_TUGAS.templat).write_text(asli + "{{ 'lampiran ' * 10000 }}\n", encoding="utf-8")
    sebelum = register(db_surat)
    keluaran = tmp_path / "keluaran"
    keluaran.mkdir()

    r = python_c(
        _BATASI_HALAMAN,
        "surat",
        "buat",
        "--jenis",
        "surat_tugas",
        "--tim",
        _tim(db_surat),
        "--db",
        db_surat,
        "--keluaran",
        str(keluaran),
    )

    assert r.returncode == 2, r.stderr
    assert "penuh" in r.stderr and "tidak disimpan" in r.stderr and db_surat in r.stderr
    tanpa_bocoran(r)
    assert register(db_surat) == sebelum
    assert list(keluaran.iterdir()) == []
    assert sql(db_surat, "PRAGMA integrity_check") == [("ok",)]


_DISK_KECIL = r"""
set -e
mount -t tmpfs -o size="$UKURAN" tmpfs "$DISK"
cp "$DB" "$DISK/demo.db"
set +e
"$SISTEMKERJA" surat buat --jenis surat_tugas --tim "$TIM" --db "$DISK/demo.db" --keluaran "$KELUARAN"
echo "kode=$?" >&2
"$PYTHON" -c "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); \
print(c.execute('PRAGMA integrity_check').fetchone()[0], c.execute('SELECT COUNT(*) FROM surat').fetchone()[0])" \
  "$DISK/demo.db"
"""


@pytest.mark.sqlite
def test_disk_sungguh_penuh(db_surat, tmp_path):
    """The same on a real full disk: a small tmpfs in a private mount namespace (skipped where none can be made)."""
    from sistemkerja_tui.surat.lingkungan import folder_bawaan, folder_pengguna_bawaan

    ruang_sendiri = ["unshare", "--mount", "--map-root-user", "sh", "-c"]  # mounts vanish with the process
    if (
        shutil.which("unshare") is None
        or subprocess.run(
            [*ruang_sendiri, f"mount -t tmpfs tmpfs '{tmp_path}'"], capture_output=True, timeout=30
        ).returncode
    ):
        pytest.skip("tidak dapat memasang tmpfs kecil di sini")
    templat = folder_pengguna_bawaan()
    templat.mkdir(parents=True)
    asli = (folder_bawaan() / JenisSurat.SURAT_TUGAS.templat).read_text(encoding="utf-8")
    (templat / JenisSurat.SURAT_TUGAS.templat).write_text(asli + "{{ 'lampiran ' * 10000 }}\n", encoding="utf-8")
    (disk := tmp_path / "disk").mkdir()
    (keluaran := tmp_path / "keluaran").mkdir()
    jumlah = len(register(db_surat)[0])
    ukuran = Path(db_surat).stat().st_size + 64 * 1024  # the file, SQLite's -shm (32 KiB) and a few WAL pages

    env = {
        **os.environ,
        "UKURAN": str(ukuran),
        "DISK": str(disk),
        "DB": db_surat,
        "SISTEMKERJA": SISTEMKERJA,
        "TIM": _tim(db_surat),
        "KELUARAN": str(keluaran),
        "PYTHON": sys.executable,
    }
    r = subprocess.run([*ruang_sendiri, _DISK_KECIL], capture_output=True, text=True, timeout=120, env=env)

    assert "kode=2" in r.stderr, r.stderr
    assert "penuh" in r.stderr and "tidak disimpan" in r.stderr
    tanpa_bocoran(r)
    assert r.stdout.split() == ["ok", str(jumlah)]
    assert list(keluaran.iterdir()) == []


def _acak(berkas: Path, _asli: Path) -> None:
    berkas.write_bytes(os.urandom(64 * 1024))


def _terpotong(berkas: Path, asli: Path) -> None:
    data = asli.read_bytes()
    berkas.write_bytes(data[: len(data) // 3])


@pytest.mark.sqlite
@pytest.mark.parametrize("rusak", [_acak, _terpotong], ids=["bita-acak", "terpotong"])
@pytest.mark.parametrize("perintah", [("surat", "daftar"), ("laporan", "mpph", "--unit", "DINKES")])
def test_berkas_rusak_ditolak_dengan_pesan(db_surat, tmp_path, rusak, perintah):
    berkas = tmp_path / "rusak.db"
    rusak(berkas, Path(db_surat))
    sidik = berkas.read_bytes()
    keluaran = ("--keluaran", str(tmp_path)) if perintah[0] == "laporan" else ()
    r = jalankan(*perintah, *keluaran, "--db", str(berkas))
    assert r.returncode == 2, r.stderr
    assert "rusak atau bukan database Sistem Kerja" in r.stderr and str(berkas) in r.stderr
    assert "malformed" not in r.stderr and "not a database" not in r.stderr
    tanpa_bocoran(r)
    assert berkas.read_bytes() == sidik


# --- config and pipes --------------------------------------------------------------------------------


def test_konfigurasi_bukan_utf8_menyebut_berkas(tmp_path):
    from sistemkerja_tui.layanan.konfigurasi import KonfigurasiTidakSah, berkas_konfigurasi, muat_konfigurasi

    berkas = berkas_konfigurasi()
    berkas.parent.mkdir(parents=True)
    berkas.write_bytes(b'tema = "gelap"\n# catatan: ' + "é".encode("latin-1") + b"\n")
    with pytest.raises(KonfigurasiTidakSah) as info:
        muat_konfigurasi()
    assert str(berkas) in str(info.value) and "UTF-8" in str(info.value)


def test_pipa_tertutup_berhenti_tanpa_traceback(db_surat):
    baca, tulis = os.pipe()
    os.close(baca)  # the reader is gone before the first line: every write meets a closed pipe
    try:
        r = subprocess.run(
            [SISTEMKERJA, "surat", "daftar", "--db", db_surat],
            stdout=tulis,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(tulis)
    assert r.returncode == 0
    assert r.stderr == ""


def test_daftar_surat_ke_head(db_surat):
    r = subprocess.run(
        f"'{SISTEMKERJA}' surat daftar --db '{db_surat}' | head -1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0 and r.stderr == ""
    assert len(r.stdout.splitlines()) == 1 and "Surat Tugas" in r.stdout


def test_jumlah_pegawai_demo_di_luar_batas(tmp_path):
    db = tmp_path / "baru.db"
    r = jalankan("demo", "--pegawai", TERLALU_BESAR, "--db", str(db))
    assert r.returncode == 2 and f"argumen --pegawai: jumlah {TERLALU_BESAR} di luar batas" in r.stderr
    assert not db.exists()
