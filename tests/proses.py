"""Worker processes for the fault and concurrency tests, and the checks run on the database afterwards.

A test starts a worker with `mulai(peran, db, tugas)`: `python tests/proses.py PERAN DB TUGAS_JSON`
in a process of its own. Every worker opens the database the way the app does (`layanan.mulai.buka_database`),
prints `siap` (once its first write is committed, unless said otherwise below), and prints one JSON line
(its tally) when it ends. Every loop is bounded (an iteration count, a stop file, and a safety cap on
seconds), so each worker stops by itself. Roles:

- `instansi`: a long-running app instance: reads through `Pembaca` and writes letters until the stop file
  appears; watches that the `-wal` file is never deleted under it.
- `campur`: a fixed number of mixed use cases (letter, decision on a request, kegiatan step, new team);
  it says `siap` once open and starts when the file `mulai` appears, so all workers race from the start.
- `bunuh`: mixed use cases without end (until the cap), to be killed with SIGKILL; `jeda` seconds apart.

The tally names what was committed, so a test can look for every success in the database; an exception
other than a refusal (`Ditolak`) or the Indonesian busy message (`DatabaseSibuk`) is kept by type and
text under `galat`.
"""

from __future__ import annotations

import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

BATAS_DETIK = 90.0  # safety cap on a worker's life: a stuck test still ends
ALASAN = "Perbaiki data dukung sesuai reviu"


def mulai(peran: str, db: str, tugas: dict[str, Any]) -> subprocess.Popen[str]:
    """Start a worker of `peran` on `db` (a SQLite path or a URL) in its own process."""
    return subprocess.Popen(
        [sys.executable, __file__, peran, db, json.dumps(tugas)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def tunggu_siap(proses: subprocess.Popen[str]) -> None:
    """Block until the worker has committed its first write (or died: then fail with its stderr)."""
    assert proses.stdout is not None
    baris = proses.stdout.readline()
    if baris.strip() != "siap":
        proses.kill()
        _, err = proses.communicate(timeout=60)
        raise AssertionError(f"pekerja tidak siap: {baris!r}\n{err}")


def akhiri(proses: subprocess.Popen[str]) -> None:
    """Stop a worker a failed test leaves behind (by its own pid)."""
    if proses.poll() is None:
        proses.kill()
        proses.communicate(timeout=60)


def hasil(proses: subprocess.Popen[str], timeout: float = 120) -> dict[str, Any]:
    """The tally a worker printed last; fails with its stderr when it did not end cleanly."""
    out, err = proses.communicate(timeout=timeout)
    assert proses.returncode == 0, err
    return json.loads(out.strip().splitlines()[-1])


# --- the use cases a worker runs ------------------------------------------------------------------------


class Kerja:
    """One use case of each kind, on the ids the test passed in `tugas`."""

    def __init__(self, layanan: Any, tugas: dict[str, Any], acak: random.Random) -> None:
        self.layanan = layanan
        self.tugas = tugas
        self.acak = acak
        self.n = 0

    def surat(self) -> str:
        """A Surat Tugas from the team: numbered and registered; returns its number."""
        from sistemkerja_tui.layanan.surat import JenisSurat

        return self.layanan.surat.buat(JenisSurat.SURAT_TUGAS, tim_id=self.tugas["tim_surat"]).nomor

    def putuskan(self) -> tuple[str, int] | None:
        """Decide the first open request (of `permohonan`, or any): refuse when its id is a multiple of 5,
        else approve as the party of its step. None when none is open."""
        ids = self.tugas.get("permohonan")
        sql = "SELECT id, penerima_id FROM permohonan WHERE status = :s AND penerima_id IS NOT NULL"
        baris = self.layanan.struktur.pembaca.semua(
            sql + (" AND id IN :ids" if ids else "") + " ORDER BY id", s="diajukan", **({"ids": ids} if ids else {})
        )
        if not baris:
            return None
        p = baris[0] if ids else self.acak.choice(baris)
        if p.id % 5 == 0:
            self.layanan.penugasan.tolak(p.id, "Pegawai sedang menyelesaikan tugas lain", oleh_id=p.penerima_id)
            return "tolak", p.id
        self.layanan.penugasan.setujui(
            p.id, oleh_id=p.penerima_id, jawaban_ketersediaan="Tersedia", daftar_pegawai="Pegawai yang ditugaskan"
        )
        return "setujui", p.id

    def tahap(self) -> int:
        """One step of a kegiatan: forward, or back from its review (so the steps never run out)."""
        kid = self.acak.choice(self.tugas["kegiatan"])
        k = self.layanan.struktur.pembaca.satu(
            "SELECT unit_id, tim_id, tahap, sub_tahap FROM kegiatan WHERE id = :id", id=kid
        )
        from sistemkerja_tui.aturan.tahap import ke_reviu

        reviu = ke_reviu(k.sub_tahap)
        if reviu:
            peninjau = self.layanan.kegiatan.peninjau(k.unit_id, k.tim_id)[reviu - 1].pegawai_id
            self.layanan.kegiatan.kembalikan(kid, ALASAN, oleh_id=peninjau)
        else:
            self.layanan.kegiatan.maju(kid, oleh_id=self.tugas["pembentuk"])
        return kid

    def bentuk_tim(self) -> int:
        """A new team of the pembentuk's unit; returns its id."""
        from sistemkerja_tui.layanan.tim import DataTim, JenisPembentukan, SasaranTim

        self.n += 1
        data = DataTim(
            nama=f"Tim Uji {self.tugas.get('nama', os.getpid())}-{self.n}",
            unit_id=self.tugas["unit_pembentuk"],
            jenis_pembentukan=JenisPembentukan.TAHUNAN,
            sasaran=SasaranTim.INTERVENSI,
            mulai=date(2026, 1, 5),
            selesai=date(2026, 12, 20),
            tahun_anggaran=2026,
            tujuan="Uji banyak proses",
        )
        return self.layanan.tim.bentuk_tim(data, oleh_id=self.tugas["pembentuk"])

    def anggota(self) -> int:
        """Ask for a pegawai of another unit (a new request), or withdraw the pending one; returns the pegawai."""
        from sistemkerja_tui.layanan.penugasan import IsiSuratPermohonan

        tim, pid = self.tugas["tim_surat"], self.acak.choice(self.tugas["pegawai_luar"])
        k = self.layanan.struktur.pembaca.semua(
            "SELECT id FROM keanggotaan WHERE tim_id = :t AND pegawai_id = :p AND status = :s",
            t=tim,
            p=pid,
            s="menunggu_persetujuan",
        )
        if k:
            self.layanan.tim.keluarkan_anggota(k[0].id, "Tidak jadi diminta", oleh_id=self.tugas["pembentuk"])
        else:
            isi = IsiSuratPermohonan(
                maksud_tujuan="Membantu analisis data",
                kompetensi="Analisis data",
                ekspektasi="Laporan triwulanan",
                durasi="6 (enam) bulan",
            )
            self.layanan.tim.tambah_anggota(tim, pid, oleh_id=self.tugas["pembentuk"], isi=isi)
        return pid


def _coba(fungsi: Callable[[], Any], tally: dict[str, Any]) -> Any:
    """Run one use case; a refusal or the busy message is counted, any other exception kept as text."""
    from sistemkerja_tui.layanan.galat import Ditolak
    from sistemkerja_tui.store.galat import DatabaseSibuk

    try:
        return fungsi()
    except Ditolak:
        tally["ditolak"] += 1
    except DatabaseSibuk as e:
        tally["sibuk"].append(str(e))
    except Exception as e:  # the test asserts there are none, by type and text
        galat = f"{type(e).__module__}.{type(e).__qualname__}: {str(e)[:300]}"
        tally["galat"].append(galat)
        print(galat, file=sys.stderr, flush=True)
    return None


def _tally() -> dict[str, Any]:
    return {
        "surat": [],
        "setujui": Counter(),
        "tolak": Counter(),
        "tahap": Counter(),
        "tim": [],
        "anggota": 0,
        "ditolak": 0,
        "sibuk": [],
        "galat": [],
    }


def _buka(db: str) -> Any:
    from sistemkerja_tui.layanan.mulai import buka_database

    return buka_database(db, demo_jika_kosong=False).layanan


# --- the roles ------------------------------------------------------------------------------------


def instansi(db: str, tugas: dict[str, Any]) -> dict[str, Any]:
    """Like the TUI: open once, read through the fast reader, write letters until told to stop."""
    layanan = _buka(db)
    kerja, tally = Kerja(layanan, tugas, random.Random(1)), _tally()
    tally.update(cepat=layanan.struktur.pembaca.berkas is not None, baca=0, wal_hilang=0)
    wal, inode, awal = Path(f"{layanan.struktur.pembaca.berkas}-wal"), None, time.monotonic()
    try:
        while len(tally["surat"]) < tugas["batas"] and time.monotonic() - awal < BATAS_DETIK:
            tally["baca"] += len(layanan.surat.daftar()) >= 0
            nomor = _coba(kerja.surat, tally)
            if nomor:
                tally["surat"].append(nomor)
            try:
                sekarang = wal.stat().st_ino
            except FileNotFoundError:
                sekarang = None
            if inode is None and sekarang is not None:
                inode = sekarang
                print("siap", flush=True)
            elif sekarang != inode:
                tally["wal_hilang"] += 1
            if Path(tugas["berhenti"]).exists():
                break
            time.sleep(0.1)  # pacing, as a person at the TUI would; the CLI runs get their turn
    finally:
        layanan.tutup()
    return tally


def campur(db: str, tugas: dict[str, Any]) -> dict[str, Any]:
    """`iterasi` rounds of: a letter, a decision on a request, a kegiatan step, a new team."""
    layanan = _buka(db)
    kerja, tally = Kerja(layanan, tugas, random.Random(tugas["benih"])), _tally()
    awal = time.monotonic()
    for bagian in ("surat", "penugasan", "kegiatan", "tim", "engine"):  # loaded before the start, not in the race
        getattr(layanan, bagian)
    print("siap", flush=True)
    while not Path(tugas["mulai"]).exists() and time.monotonic() - awal < BATAS_DETIK:
        time.sleep(0.01)  # all workers begin together, so their transactions overlap

    def putuskan() -> None:
        for _ in range(4):  # a request another process decided first is refused: take the next one
            sebelum = tally["ditolak"]
            keputusan = _coba(kerja.putuskan, tally)
            if keputusan:
                tally[keputusan[0]][str(keputusan[1])] += 1
            if tally["ditolak"] == sebelum:
                return

    langkah = [
        lambda: tally["surat"].append(_coba(kerja.surat, tally)),
        putuskan,
        lambda: tally["tahap"].update([str(k)] if (k := _coba(kerja.tahap, tally)) else []),
        lambda: tally["tim"].append(_coba(kerja.bentuk_tim, tally)),
    ]
    try:
        for i in range(tugas["iterasi"]):
            if time.monotonic() - awal > BATAS_DETIK:
                break
            for j in range(len(langkah)):
                langkah[(i + j + tugas["benih"]) % len(langkah)]()
    finally:
        layanan.tutup()
    tally["surat"] = [s for s in tally["surat"] if s]
    tally["tim"] = [t for t in tally["tim"] if t]
    return tally


def bunuh(db: str, tugas: dict[str, Any]) -> dict[str, Any]:
    """Mixed use cases in random order, without pause, until killed (or the cap)."""
    layanan = _buka(db)
    acak = random.Random(tugas["benih"])
    kerja, tally = Kerja(layanan, tugas, acak), _tally()
    pilihan = [kerja.surat, kerja.putuskan, kerja.tahap, kerja.tahap, kerja.bentuk_tim, kerja.anggota, kerja.anggota]
    awal = time.monotonic()
    _coba(kerja.surat, tally)
    print("siap", flush=True)
    while time.monotonic() - awal < BATAS_DETIK:
        _coba(acak.choice(pilihan), tally)
        time.sleep(tugas.get("jeda", 0))  # a writer beside the one killed need not take a whole core
    layanan.tutup()
    return tally


def siapkan_tugas(layanan: Any) -> dict[str, Any]:
    """The ids the workers act on, in a demo database; makes the letter team's unit head the app's user."""
    pembaca = layanan.struktur.pembaca
    tim, unit = pembaca.semua(
        "SELECT t.id, t.unit_id FROM tim_kerja t WHERE EXISTS (SELECT 1 FROM keanggotaan k WHERE k.tim_id = t.id "
        "AND k.peran = :ketua AND k.status = :aktif) ORDER BY t.id",
        ketua="ketua",
        aktif="aktif",
    )[0]
    layanan.pengguna.tetapkan([u.pimpinan.pegawai_id for u in layanan.struktur.jalur_unit(unit) if u.pimpinan][-1])
    kadis = next(p for p in layanan.pengguna.calon() if p.jabatan == "Kepala Dinas Kesehatan")
    luar = pembaca.semua(
        "SELECT p.id FROM pegawai p JOIN unit_organisasi u ON u.id = p.unit_id JOIN instansi i ON i.id = u.instansi_id "
        "WHERE NOT i.luar AND p.aktif AND p.jenis_jabatan = :jf AND p.unit_id NOT IN :sub ORDER BY p.id LIMIT 12",
        jf="fungsional",
        sub=layanan.struktur.subpohon(unit),
    )
    return {
        "tim_surat": tim,
        "pembentuk": kadis.pegawai_id,
        "unit_pembentuk": kadis.unit_id,
        "pegawai_luar": [r.id for r in luar],
        "permohonan": [
            r.id for r in pembaca.semua("SELECT id FROM permohonan WHERE status = :s ORDER BY id", s="diajukan")
        ],
        "kegiatan": [
            r.id
            for r in pembaca.semua(
                "SELECT id FROM kegiatan WHERE tahap = :a OR tahap = :b ORDER BY id", a="pelaksanaan", b="evaluasi"
            )
        ],
    }


# --- the checks a test runs afterwards --------------------------------------------------------------

Baris = Callable[[str], list[tuple[Any, ...]]]
_NOMOR = re.compile(r"(?P<k>.+)/(?P<n>\d+)/(?P<u>[^/]+)/(?P<t>\d{4})")


def baca_sqlite(db: str) -> Baris:
    """A row reader on the SQLite file `db`, each query on a fresh connection (so it sees every commit)."""

    def baris(sql: str) -> list[tuple[Any, ...]]:
        con = sqlite3.connect(db)
        try:
            return con.execute(sql).fetchall()
        finally:
            con.close()

    return baris


@contextmanager
def foto(db: str) -> Iterator[Baris]:
    """A row reader over one snapshot of the SQLite file `db` (one read transaction), consistent while
    other processes write."""
    con = sqlite3.connect(db, isolation_level=None)
    try:
        con.execute("BEGIN")
        yield lambda sql: con.execute(sql).fetchall()
        con.execute("COMMIT")
    finally:
        con.close()


def periksa_register(baris: Baris) -> list[str]:
    """Letter numbers: unique, and per (klasifikasi, unit, tahun) exactly 1..terakhir of the counter."""
    salah = []
    nomor = [r[0] for r in baris("SELECT nomor FROM surat")]
    ganda = [n for n, c in Counter(nomor).items() if c > 1]
    if ganda:
        salah.append(f"nomor surat ganda: {ganda}")
    per_kunci: dict[tuple[str, str, int], set[int]] = {}
    for n in nomor:
        m = _NOMOR.fullmatch(n)
        if m is None:
            salah.append(f"nomor tidak sesuai pola bawaan: {n}")
            continue
        per_kunci.setdefault((m["k"], m["u"], int(m["t"])), set()).add(int(m["n"]))
    penghitung = {
        (k, u, int(t)): n
        for k, u, t, n in baris("SELECT kode_klasifikasi, kode_unit, tahun, terakhir FROM penomoran_surat")
    }
    for kunci in per_kunci.keys() | penghitung.keys():
        if per_kunci.get(kunci, set()) != set(range(1, penghitung.get(kunci, 0) + 1)):
            terdaftar = sorted(per_kunci.get(kunci, set()))
            salah.append(
                f"penghitung {kunci} = {penghitung.get(kunci)}, register {terdaftar[-5:]} ({len(terdaftar)} surat)"
            )
    return salah


def periksa_permohonan(baris: Baris) -> list[str]:
    """Every request decision is whole: status = its last history row, approvals = approved steps,
    at most one refusal, its membership follows it."""
    salah = []
    riwayat: dict[int, list[tuple[str, str]]] = {}
    for pid, aksi, ke in baris("SELECT permohonan_id, aksi, ke_status FROM riwayat_permohonan ORDER BY id"):
        riwayat.setdefault(pid, []).append((aksi, ke))
    for pid, status, langkah in baris("SELECT id, status, langkah_disetujui FROM permohonan"):
        rw = riwayat.get(pid)
        if rw is None:
            if (status, langkah) != ("diajukan", 0):  # the demo's requests start submitted, without history
                salah.append(f"permohonan {pid} berubah ({status}, langkah {langkah}) tanpa riwayat")
            continue
        setujui = sum(a == "setujui" for a, _ in rw)
        tolak = sum(a == "tolak" for a, _ in rw)
        if rw[-1][1] != status or setujui != langkah or tolak > 1:
            salah.append(f"permohonan {pid}: status {status}, langkah {langkah}, riwayat {rw}")
    pasangan = {
        "diajukan": "menunggu_persetujuan",
        "disetujui": "aktif",
        "ditolak": "dibatalkan",
        "dibatalkan": "dibatalkan",
    }
    for kid, k_status, pid, p_status in baris(
        "SELECT k.id, k.status, p.id, p.status FROM keanggotaan k JOIN permohonan p ON p.id = k.permohonan_id "
        "WHERE k.status IN ('menunggu_persetujuan', 'aktif', 'dibatalkan')"
    ):
        if pasangan.get(p_status, k_status) != k_status:
            salah.append(f"keanggotaan {kid} {k_status} tetapi permohonan {pid} {p_status}")
    return salah


def keadaan_awal(baris: Baris) -> dict[str, Any]:
    """What the checks compare with: each kegiatan's stage, its returns and return notes, the last team and
    membership ids."""
    return {
        "kegiatan": {k: (t, s) for k, t, s in baris("SELECT id, tahap, sub_tahap FROM kegiatan")},
        "catatan": dict(
            baris("SELECT kegiatan_id, COUNT(*) FROM catatan WHERE jenis = 'pengembalian' GROUP BY kegiatan_id")
        ),
        "kembali": dict(
            baris(
                "SELECT kegiatan_id, COUNT(*) FROM riwayat_tahap WHERE dari_tahap = 'evaluasi' "
                "AND ke_tahap = 'pelaksanaan' GROUP BY kegiatan_id"
            )
        ),
        "tim": baris("SELECT COALESCE(MAX(id), 0) FROM tim_kerja")[0][0],
        "anggota": baris("SELECT COALESCE(MAX(id), 0) FROM keanggotaan")[0][0],
    }


def periksa_kegiatan(baris: Baris, awal: dict[str, Any]) -> list[str]:
    """Every kegiatan step is whole: its stage = its last history row (the start state when it has none),
    and every return left its pengembalian note."""
    salah = []
    akhir = {
        k: (t, s)
        for k, t, s in baris(
            "SELECT r.kegiatan_id, r.ke_tahap, r.sub_tahap FROM riwayat_tahap r WHERE r.id = "
            "(SELECT MAX(id) FROM riwayat_tahap x WHERE x.kegiatan_id = r.kegiatan_id)"
        )
    }
    kini = keadaan_awal(baris)
    for kid, tahap, sub in baris("SELECT id, tahap, sub_tahap FROM kegiatan"):
        harap = akhir.get(kid, awal["kegiatan"].get(kid))
        if harap is not None and harap != (tahap, sub):
            salah.append(f"kegiatan {kid} pada ({tahap}, {sub}), riwayat terakhir {harap}")
        kembali, catatan = (kini[x].get(kid, 0) - awal[x].get(kid, 0) for x in ("kembali", "catatan"))
        if kembali != catatan:
            salah.append(f"kegiatan {kid}: {kembali} pengembalian baru, {catatan} catatan pengembalian baru")
    return salah


def periksa_tim(baris: Baris, awal: dict[str, Any]) -> list[str]:
    """Every team formed and every membership added since `awal` has its audit row."""
    salah = []
    tercatat = {(e, i) for e, i in baris("SELECT entitas, entitas_id FROM riwayat")}
    for (tid,) in baris(f"SELECT id FROM tim_kerja WHERE id > {int(awal['tim'])}"):
        if ("tim_kerja", tid) not in tercatat:
            salah.append(f"tim {tid} dibentuk tanpa riwayat")
    for (kid,) in baris(f"SELECT id FROM keanggotaan WHERE id > {int(awal['anggota'])}"):
        if ("keanggotaan", kid) not in tercatat:
            salah.append(f"keanggotaan {kid} tanpa riwayat")
    return salah


def periksa_semua(baris: Baris, awal: dict[str, Any]) -> list[str]:
    """Every check above: an empty list means no use case was left half done."""
    return (
        periksa_register(baris) + periksa_permohonan(baris) + periksa_kegiatan(baris, awal) + periksa_tim(baris, awal)
    )


_PERAN = {"instansi": instansi, "campur": campur, "bunuh": bunuh}

if __name__ == "__main__":
    peran, db, tugas = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    print(json.dumps(_PERAN[peran](db, tugas)), flush=True)
