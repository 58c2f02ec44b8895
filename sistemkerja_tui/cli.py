"""`sistemkerja` entry point: the TUI by default, headless subcommands beside it."""

from __future__ import annotations

import time

WAKTU_MULAI = time.perf_counter()

import argparse  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable  # noqa: E402

from sistemkerja_tui import __version__  # noqa: E402

TINGKAT_LOG = ("DEBUG", "INFO", "WARNING", "ERROR")  # --log-level choices (sistemkerja_tui.catatan)
FORMAT_SURAT = ("txt", "md", "docx", "pdf")  # surat.penulis.FORMAT, without importing the letter engine

CONTOH = """\
contoh:
  sistemkerja                          buka aplikasi (database di folder data pengguna)
  sistemkerja --db ~/uji.db            buka aplikasi dengan database lain
  sistemkerja init --instansi "Pemerintah Kabupaten Klaten" --jenis kabupaten --profil klaten
                                       siapkan database baru untuk Pemda sendiri
  sistemkerja demo --db /tmp/demo.db   isi database baru dengan Pemda demo fiktif
  sistemkerja profil                   daftar profil regulasi
  sistemkerja nip "19670416 199303 1 015"   periksa dan uraikan NIP
  sistemkerja surat buat --jenis surat_tugas --tim 3 --format docx --keluaran ~/Surat
  sistemkerja surat daftar             register surat
  sistemkerja surat ulang 800/12/DINKES/2026 --format pdf   ekspor ulang dari register (nomor yang sama)
  sistemkerja laporan mpph --unit DINKES --format xlsx   matriks peran dan hasil unit
  sistemkerja impor unit unor.csv --pratinjau   lihat dulu pohon unit dari berkas
  sistemkerja impor pegawai siasn.csv --laporan hasil.md   impor pegawai SIASN, tulis laporan
  sistemkerja laporan anomali --penilaian penilaian.xlsx   NIP, jenjang, pimpinan, PPK vs e-Kinerja
  sistemkerja serve --port 8000        buka aplikasi di peramban: http://127.0.0.1:8000
  sistemkerja akun buat --nip "19670416 199303 1 015" --admin   akun administrator (mode bersama)

Database: --db URL (atau path berkas SQLite), lalu $SISTEMKERJA_DB, lalu
berkas sistemkerja.db di folder data pengguna.
"""


class _Format(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "penggunaan: " if prefix is None else prefix)


_PESAN_ARGPARSE = (  # argparse's own messages, in the language of the rest of the CLI
    (r"the following arguments are required: (.*)", r"argumen berikut wajib diisi: \1"),
    (r"unrecognized arguments: (.*)", r"argumen tidak dikenal: \1"),
    (r"argument (.*?): invalid choice: (.*?) \(choose from (.*)\)", r"argumen \1: pilihan \2 tidak ada (pilih: \3)"),
    (r"argument (.*?): invalid (\w+) value: (.*)", r"argumen \1: nilai \3 tidak sah (harus \2)"),
    (r"argument (.*?): expected one argument", r"argumen \1: perlu satu nilai"),
    (r"argument (.*?): not allowed with argument (.*)", r"argumen \1 tidak boleh bersama \2"),
    (r"argument (.*?): (.*)", r"argumen \1: \2"),  # our own type checks (_antara) already speak Indonesian
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        for pola, ganti in _PESAN_ARGPARSE:
            if re.fullmatch(pola, message):
                message = re.sub(pola, ganti, message).replace("(harus int)", "(harus bilangan bulat)")
                break
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: galat: {message}\n")


ID_MAKS = 2**63 - 1  # the largest id a database (SQLite INTEGER, PostgreSQL bigint) can hold
PEGAWAI_MAKS = 1_000_000  # a demo larger than any Pemda (bench/ goes to 200 000)


def _antara(terkecil: int, terbesar: int, apa: str) -> Callable[[str], int]:
    """An argparse type: a whole number from `terkecil` to `terbesar`, refused in Indonesian otherwise."""

    def periksa(teks: str) -> int:
        try:
            nilai = int(teks)
        except ValueError:
            raise argparse.ArgumentTypeError(f"nilai '{teks}' tidak sah (harus bilangan bulat)") from None
        if not terkecil <= nilai <= terbesar:
            raise argparse.ArgumentTypeError(f"{apa} {teks} di luar batas (harus {terkecil} sampai {terbesar})")
        return nilai

    return periksa


_id = _antara(1, ID_MAKS, "id")


def _indonesiakan(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p._optionals.title = "opsi"
    p._positionals.title = "argumen"
    p.add_argument("-h", "--help", action="help", help="tampilkan bantuan ini lalu keluar")
    return p


def _parser() -> argparse.ArgumentParser:
    db = _Parser(add_help=False)
    db.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="URL SQLAlchemy atau path berkas SQLite (bawaan: $SISTEMKERJA_DB, lalu folder data pengguna)",
    )
    db.add_argument(
        "--log-level",
        choices=TINGKAT_LOG,
        default=argparse.SUPPRESS,
        metavar="TINGKAT",
        help="tingkat catatan di berkas log: DEBUG, INFO, WARNING (bawaan), ERROR",
    )

    p = _Parser(
        prog="sistemkerja",
        parents=[db],
        add_help=False,
        description="Sistem Kerja TUI — aplikasi terminal Sistem Kerja (PermenPANRB 7/2022) "
        "untuk Pimpinan Unit Organisasi.",
        epilog=CONTOH,
        formatter_class=_Format,
    )
    _indonesiakan(p)
    p.add_argument(
        "--version", action="version", version=f"sistemkerja {__version__}", help="tampilkan versi lalu keluar"
    )
    sub = p.add_subparsers(dest="perintah", title="perintah", metavar="PERINTAH")

    _parser_init(sub, db)
    demo = _indonesiakan(
        sub.add_parser(
            "demo",
            parents=[db],
            add_help=False,
            formatter_class=_Format,
            help="isi database dengan Pemda demo fiktif",
            description="Membangun Pemda demo fiktif yang deterministik pada database kosong.",
        )
    )
    demo.add_argument(
        "--pegawai",
        type=_antara(1, PEGAWAI_MAKS, "jumlah"),
        default=1500,
        metavar="N",
        help="jumlah pegawai (bawaan 1500)",
    )
    demo.add_argument("--profil", default="madiun", metavar="P", help="profil regulasi (bawaan madiun)")
    demo.add_argument("--benih", type=int, default=2023, metavar="S", help="benih acak (bawaan 2023)")

    _indonesiakan(
        sub.add_parser(
            "profil", parents=[db], add_help=False, formatter_class=_Format, help="daftar profil regulasi yang tersedia"
        )
    )

    surat = _indonesiakan(
        sub.add_parser(
            "surat", parents=[db], add_help=False, formatter_class=_Format, help="naskah dinas: buat, daftar, ulang"
        )
    )
    surat_sub = surat.add_subparsers(dest="aksi_surat", metavar="AKSI", required=True)
    buat = _indonesiakan(
        surat_sub.add_parser(
            "buat",
            parents=[db],
            add_help=False,
            formatter_class=_Format,
            help="buat surat dari tim atau permohonan, beri nomor, catat di register",
        )
    )
    buat.add_argument(
        "--jenis",
        required=True,
        metavar="JENIS",
        help="keputusan_tim, surat_tugas, permohonan_pelibatan, nota_dinas, persetujuan_anggota, "
        "penolakan, permohonan_lintas_instansi, sukarela_lintas_unit, rekomendasi_penilaian",
    )
    sumber = buat.add_mutually_exclusive_group(required=True)
    sumber.add_argument(
        "--tim",
        type=_id,
        nargs="+",
        metavar="ID",
        help="id tim kerja; beberapa id: satu batch (semua atau tidak satu pun)",
    )
    sumber.add_argument(
        "--permohonan", type=_id, nargs="+", metavar="ID", help="id permohonan; beberapa id: satu batch"
    )
    sumber.add_argument("--penilaian", type=_id, metavar="ID", help="id penilaian anggota (surat rekomendasi)")
    buat.add_argument(
        "--format", choices=FORMAT_SURAT, default="txt", help="format berkas (bawaan txt; pdf lewat LibreOffice)"
    )
    buat.add_argument("--keluaran", metavar="DIR", help="folder keluaran (bawaan: folder dokumen pengguna)")
    buat.add_argument(
        "--penandatangan",
        metavar="NIP",
        help="NIP pejabat yang menandatangani (bawaan: pengguna yang dipilih); yang tidak berwenang ditolak",
    )
    buat.add_argument(
        "--tembusan",
        action="append",
        metavar="JABATAN",
        help="tembusan, satu jabatan per opsi (dapat diulang); menggantikan tembusan dari rute persetujuan",
    )
    _indonesiakan(
        surat_sub.add_parser(
            "daftar",
            parents=[db],
            add_help=False,
            formatter_class=_Format,
            help="register surat yang telah diterbitkan",
        )
    )
    ulang = _indonesiakan(
        surat_sub.add_parser(
            "ulang",
            parents=[db],
            add_help=False,
            formatter_class=_Format,
            help="ekspor ulang surat dari register, sama persis",
        )
    )
    ulang.add_argument("nomor", metavar="NOMOR", help="nomor surat, misalnya 800/12/DINKES/2026")
    ulang.add_argument(
        "--format", choices=FORMAT_SURAT, default="txt", help="format berkas (bawaan txt; pdf lewat LibreOffice)"
    )
    ulang.add_argument("--keluaran", metavar="DIR", help="folder keluaran (bawaan: folder dokumen pengguna)")

    laporan = _indonesiakan(
        sub.add_parser(
            "laporan",
            parents=[db],
            add_help=False,
            formatter_class=_Format,
            help="laporan: pemantauan semesteran, matriks peran (MPPH)",
        )
    )
    laporan_sub = laporan.add_subparsers(dest="aksi_laporan", metavar="AKSI", required=True)
    pantau = _indonesiakan(
        laporan_sub.add_parser(
            "pemantauan",
            parents=[db],
            add_help=False,
            formatter_class=_Format,
            help="laporan pemantauan dan evaluasi sistem kerja per semester (Perwal Madiun 73/2023 Pasal 49)",
        )
    )
    pantau.add_argument("--unit", required=True, metavar="KODE", help="kode unit, misalnya DINKES")
    pantau.add_argument(
        "--semester", required=True, metavar="TAHUN-N", help="2026-1 (Januari–Juni) atau 2026-2 (Juli–Desember)"
    )
    pantau.add_argument("--format", choices=("md", "txt"), default="md", help="format berkas (bawaan md)")
    pantau.add_argument("--keluaran", metavar="DIR", help="folder keluaran (bawaan: folder dokumen pengguna)")
    mpph = _indonesiakan(
        laporan_sub.add_parser(
            "mpph",
            parents=[db],
            add_help=False,
            formatter_class=_Format,
            help="Matriks Pembagian Peran dan Hasil: pegawai × tim/kegiatan",
        )
    )
    mpph.add_argument("--unit", required=True, metavar="KODE", help="kode unit, misalnya DINKES")
    mpph.add_argument("--format", choices=("xlsx", "csv"), default="xlsx", help="format berkas (bawaan xlsx)")
    mpph.add_argument("--keluaran", metavar="DIR", help="folder keluaran (bawaan: folder dokumen pengguna)")

    _parser_impor(sub, db)
    anomali = _indonesiakan(
        laporan_sub.add_parser(
            "anomali",
            parents=[db],
            add_help=False,
            formatter_class=_Format,
            help="daftar anomali: NIP tidak sah, JF tanpa jenjang, unit tanpa pimpinan, PPK tidak sesuai",
        )
    )
    anomali.add_argument(
        "--penilaian",
        metavar="BERKAS",
        help="ekspor Penilaian SKP e-Kinerja (.xlsx, .xls, .ods, CSV): bandingkan pegawai_atasan_nip dengan PPK",
    )

    nip = _indonesiakan(
        sub.add_parser("nip", add_help=False, formatter_class=_Format, help="periksa dan uraikan sebuah NIP")
    )
    nip.add_argument("nip", metavar="NIP", help='18 angka, spasi boleh: "19670416 199303 1 015"')
    _parser_serve(sub, db)
    _parser_akun(sub, db)
    return p


# --- impor: pegawai and unit files (SIASN, e-Kinerja, DUK) -------------------------------------------


def _parser_impor(sub, db: argparse.ArgumentParser) -> None:
    impor = _indonesiakan(
        sub.add_parser(
            "impor",
            parents=[db],
            add_help=False,
            formatter_class=_Format,
            help="impor pegawai atau unit dari berkas SIASN, e-Kinerja atau DUK",
            description="Membaca berkas .csv, .xlsx, .xls atau .ods, menampilkan pratinjau, lalu menerapkannya "
            "dalam satu transaksi. Kode keluar: 0 selesai, 1 ada baris ditolak (tanpa --lewati-galat; tidak ada "
            "yang ditulis), 2 galat pemakaian atau berkas.",
        )
    )
    impor_sub = impor.add_subparsers(dest="jenis_impor", metavar="JENIS", required=True)
    for jenis, bantuan in (
        ("pegawai", "impor pegawai (SIASN Export Data ASN, e-Kinerja, DUK/nominatif)"),
        ("unit", "impor pohon unit organisasi (SIASN ref-unor dan sejenisnya); impor ini dulu sebelum pegawai"),
    ):
        p = _indonesiakan(
            impor_sub.add_parser(jenis, parents=[db], add_help=False, formatter_class=_Format, help=bantuan)
        )
        p.add_argument("berkas", metavar="BERKAS", help="berkas .csv, .xlsx, .xls atau .ods")
        p.add_argument("--pratinjau", action="store_true", help="hanya tampilkan apa yang akan berubah; tidak menulis")
        p.add_argument(
            "--lewati-galat", action="store_true", help="terapkan baris yang sah saja, lewati baris yang ditolak"
        )
        p.add_argument("--laporan", metavar="BERKAS", help="tulis laporan hasil impor ke berkas .md atau .csv")
        p.add_argument(
            "--penuh",
            action="store_true",
            help="berkas memuat SEMUA pegawai Pemda: pegawai yang tidak tercantum ditandai tidak aktif"
            if jenis == "pegawai"
            else "berkas memuat SEMUA unit Pemda: unit yang tidak tercantum ditutup (tidak dihapus; pegawai dan "
            "riwayatnya tetap); unit yang masih berpegawai aktif tidak dapat ditutup",
        )


_TAMPIL_MAKS = 50  # changed rows printed before "… lihat --laporan"


def _impor(args) -> int:
    """`sistemkerja impor pegawai|unit BERKAS`: read, preview, apply; exit 0 / 1 (refused rows) / 2 (file, usage)."""
    from pathlib import Path
    from typing import Any

    from sistemkerja_tui.layanan.galat import DatabaseError, Ditolak
    from sistemkerja_tui.layanan.impor import ImporDibatalkan, ImporDitolak, tulis_laporan
    from sistemkerja_tui.layanan.mulai import GagalBuka, buka_database

    berkas = Path(args.berkas).expanduser()
    if not berkas.is_file():
        return _galat(f"berkas {berkas} tidak ditemukan; periksa path dan nama berkasnya.")
    if args.laporan and Path(args.laporan).suffix.lower() not in (".md", ".csv"):
        return _galat(f"--laporan {args.laporan}: nama berkas laporan harus berakhiran .md atau .csv.")
    penuh = args.penuh
    try:
        layanan = buka_database(getattr(args, "db", None), demo_jika_kosong=False).layanan
    except (GagalBuka, DatabaseError) as e:
        return _galat(str(e))
    try:
        with _Kemajuan() as kemajuan:
            hasil: Any  # HasilBaca of pegawai or of units
            if args.jenis_impor == "pegawai":
                hasil = layanan.impor.baca_pegawai(berkas, kemajuan=kemajuan.dibaca)
            else:
                hasil = layanan.impor.baca_unit(berkas, kemajuan=kemajuan.dibaca)
            _cetak_pemetaan(hasil)
            if hasil.kolom_wajib_hilang:
                return _galat(
                    f"berkas {berkas.name} tidak dapat diimpor: "
                    + (
                        " ".join(hasil.catatan)
                        or f"kolom wajib tidak ditemukan: {', '.join(hasil.kolom_wajib_hilang)}. Tambahkan kolom itu "
                        "atau ganti judul kolomnya dengan nama yang dikenal (lihat pemetaan di atas)."
                    )
                )
            if args.pratinjau:
                if args.jenis_impor == "pegawai":
                    p = layanan.impor.pratinjau_pegawai(hasil, penuh=penuh, kemajuan=kemajuan.tahap)
                else:
                    p = layanan.impor.pratinjau_unit(hasil, penuh=penuh, kemajuan=kemajuan.tahap)
                kemajuan.selesai()
                _cetak_pratinjau(p)
                if args.laporan:
                    print(f"Laporan: {tulis_laporan(p, args.laporan)}")
                return 1 if p.ada_galat and not args.lewati_galat else 0
            hasil_impor = _terapkan(layanan, args, hasil, penuh, kemajuan)
            kemajuan.selesai()
    except ImporDitolak as e:
        _cetak_pratinjau(e.pratinjau)
        if args.laporan:
            print(f"Laporan: {tulis_laporan(e.pratinjau, args.laporan)}")
        print(f"galat: {e.pesan}", file=sys.stderr)
        return 1
    except ImporDibatalkan as e:
        print(e.pesan, file=sys.stderr)
        return 130
    except KeyboardInterrupt:  # while reading: nothing was written yet
        print("Impor dibatalkan; database tidak diubah.", file=sys.stderr)
        return 130
    except (Ditolak, DatabaseError) as e:
        return _galat(e.pesan if isinstance(e, Ditolak) else str(e))
    finally:
        layanan.tutup()
    _cetak_pratinjau(hasil_impor.pratinjau, diterapkan=True)
    print(
        f"Selesai: {hasil_impor.baru} baru, {hasil_impor.diubah} diubah, {hasil_impor.pratinjau.tetap} tetap, "
        f"{hasil_impor.dinonaktifkan} {'ditutup' if hasil_impor.pratinjau.jenis == 'unit' else 'dinonaktifkan'}, "
        f"{hasil_impor.dilewati} dilewati"
        + (f"; {hasil_impor.unit_baru} unit baru dari berkas." if hasil_impor.unit_baru else ".")
    )
    if hasil_impor.anggota_nonaktif:
        print("Anggota tim yang tidak aktif lagi (perlu diganti oleh pimpinan unit):")
        for a in hasil_impor.anggota_nonaktif:
            print(f"  {a.tim}: {a.nama} ({a.peran}) — {a.alasan}")
    if args.laporan:
        try:
            print(f"Laporan: {tulis_laporan(hasil_impor, args.laporan)}")
        except Ditolak as e:
            return _galat(f"impor sudah diterapkan, tetapi {e.pesan[0].lower()}{e.pesan[1:]}")
    return 0


def _terapkan(layanan, args, hasil, penuh: bool, kemajuan):
    """Apply in a worker thread so Ctrl+C in the main thread can cancel it (the transaction is rolled back)."""
    import threading

    batal = threading.Event()
    keluaran: dict[str, object] = {}

    def kerja() -> None:
        try:
            if args.jenis_impor == "pegawai":
                keluaran["hasil"] = layanan.impor.terapkan_pegawai(
                    hasil,
                    oleh_id=None,
                    lewati_galat=args.lewati_galat,
                    penuh=penuh,
                    batal=batal,
                    kemajuan=kemajuan.tahap,
                )
            else:
                keluaran["hasil"] = layanan.impor.terapkan_unit(
                    hasil,
                    oleh_id=None,
                    lewati_galat=args.lewati_galat,
                    penuh=penuh,
                    batal=batal,
                    kemajuan=kemajuan.tahap,
                )
        except BaseException as e:  # handed to the main thread, which reports it
            keluaran["galat"] = e

    pekerja = threading.Thread(target=kerja, name="impor", daemon=True)
    pekerja.start()
    try:
        while pekerja.is_alive():
            pekerja.join(0.1)
    except KeyboardInterrupt:
        batal.set()
        pekerja.join()
    if "galat" in keluaran:
        raise keluaran["galat"]  # type: ignore[misc]
    return keluaran["hasil"]


def _cetak_pemetaan(hasil) -> None:
    if hasil.pemetaan:
        print(f"Pemetaan kolom (judul di baris {hasil.baris_header}):")
        for kolom, bidang in hasil.pemetaan.items():
            print(f"  {kolom:28} → {bidang}")


def _cetak_pratinjau(p, *, diterapkan: bool = False) -> None:
    akibat_hilang = "ditutup" if p.jenis == "unit" else "dinonaktifkan"
    if not diterapkan:
        print(
            f"Pratinjau {p.berkas}: {p.jumlah_baris} baris; {len(p.baru)} baru, {len(p.diubah)} diubah, "
            f"{p.tetap} tetap"
            + (f", {len(p.hilang)} tidak ada di berkas (akan {akibat_hilang})" if p.penuh else "")
            + (f"; {len(p.unit_baru)} unit baru dari berkas" if p.unit_baru else "")
        )
    for u in p.diubah[:_TAMPIL_MAKS]:
        rincian = "; ".join(f"{k}: {lama} → {baru}" if lama else f"{k} {baru}" for k, lama, baru in u.kolom)
        print(f"  diubah baris {u.baris} {u.nama}: {rincian}")
    if len(p.diubah) > _TAMPIL_MAKS:
        print(f"  … dan {len(p.diubah) - _TAMPIL_MAKS} lagi (rincian lengkap: --laporan BERKAS.md)")
    if not diterapkan:
        for h in p.hilang[:_TAMPIL_MAKS]:
            letak = f"induk {h.unit}" if p.jenis == "unit" else h.unit
            print(f"  tidak ada di berkas, akan {akibat_hilang}: {h.nama} ({letak})")
        if len(p.hilang) > _TAMPIL_MAKS:
            print(f"  … dan {len(p.hilang) - _TAMPIL_MAKS} lagi (rincian lengkap: --laporan BERKAS.md)")
    for t in p.tanpa_unit:
        akibat = "tidak dapat diimpor" if t.baru else "unitnya tetap"
        print(f"  unit tidak cocok baris {t.baris} {t.nama}: {t.unit} ({akibat}); impor berkas unit dulu")
    for w in p.pimpinan:
        print(f"  pimpinan unit{' ditetapkan' if diterapkan else ''}: {w}")
    for w in p.peringatan:
        print(f"  peringatan: {w}")
    if p.ditolak:
        print(f"Baris ditolak ({len(p.ditolak)}):", file=sys.stderr)
        for t in p.ditolak:
            print(f"  {f'baris {t.baris}, ' if t.baris else ''}kolom {t.kolom}: {t.alasan}", file=sys.stderr)


class _Kemajuan:
    """Rich progress bars on stderr (rows read, checked, written) when it is a terminal; silent otherwise."""

    def __init__(self) -> None:
        self._progres = None
        self._tugas: dict[str, object] = {}
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._progres = Progress(
                TextColumn("{task.description:10}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
                redirect_stdout=sys.stdout.isatty(),  # printed above the bars on the same terminal; a file stays a file
            )

    def __enter__(self) -> _Kemajuan:
        if self._progres is not None:
            self._progres.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.selesai()

    def selesai(self) -> None:
        if self._progres is not None:
            self._progres.stop()
            self._progres = None

    def _perbarui(self, nama: str, selesai: int, total: int | None) -> None:
        if self._progres is None:
            return
        if nama not in self._tugas:
            self._tugas[nama] = self._progres.add_task(nama, total=total)
        self._progres.update(self._tugas[nama], completed=selesai, total=total)  # type: ignore[arg-type]

    def dibaca(self, n: int) -> None:
        self._perbarui("dibaca", n, None)

    def tahap(self, tahap: str, selesai: int, total: int) -> None:
        self._perbarui({"periksa": "diperiksa", "tulis": "ditulis"}.get(tahap, tahap), selesai, total)


def _parser_init(sub, db: argparse.ArgumentParser) -> None:
    """`sistemkerja init`: the Pemda's own instansi in an empty database (the demo only comes from `demo`)."""
    from sistemkerja_tui.aturan.enums import JenisInstansi

    init = _indonesiakan(
        sub.add_parser(
            "init",
            parents=[db],
            add_help=False,
            formatter_class=_Format,
            help="siapkan database kosong untuk Pemda sendiri",
            description="Mencatat instansi (Pemda) Anda di database kosong; unit dan pegawai lalu diimpor "
            "(sistemkerja impor pegawai BERKAS) atau diisi di aplikasi. Pengaturan lain diubah di layar "
            "Instansi (tombol i di layar Struktur).",
        )
    )
    init.add_argument(
        "--instansi", required=True, metavar="NAMA", help='nama lengkap, misalnya "Pemerintah Kabupaten Klaten"'
    )
    init.add_argument(
        "--jenis", required=True, choices=[j.value for j in JenisInstansi], help="kabupaten, kota, atau provinsi"
    )
    init.add_argument("--profil", required=True, metavar="P", help="profil regulasi (lihat: sistemkerja profil)")
    init.add_argument(
        "--tempat", default="", metavar="TEMPAT", help="tempat penandatanganan surat (bawaan: dari nama instansi)"
    )


def _init(args) -> int:
    from sistemkerja_tui.layanan.galat import DatabaseError, Ditolak
    from sistemkerja_tui.layanan.instansi import DataInstansi, JenisInstansi, periksa
    from sistemkerja_tui.layanan.mulai import GagalBuka, buka_database

    data = DataInstansi(nama=args.instansi, jenis=JenisInstansi(args.jenis), profil=args.profil, tempat=args.tempat)
    try:
        periksa(data)  # before the database is opened: a refused init creates no file
    except Ditolak as e:
        return _galat(e.pesan)
    try:
        layanan = buka_database(getattr(args, "db", None)).layanan
    except (GagalBuka, DatabaseError) as e:
        return _galat(str(e))
    try:
        instansi, peringatan = layanan.instansi.siapkan_instansi(data)
    except Ditolak as e:
        return _galat(e.pesan)
    except DatabaseError as e:
        return _galat(str(e))
    finally:
        layanan.tutup()
    for p in peringatan:
        print(f"peringatan: {p}", file=sys.stderr)
    print(
        f"Instansi {instansi.data.nama} ({instansi.data.jenis.label}, profil {instansi.data.profil}, "
        f"tempat {instansi.data.tempat}) dicatat di {layanan.url}.\n"
        "Berikutnya: impor pegawai (sistemkerja impor pegawai BERKAS), atau buka aplikasi (sistemkerja)."
    )
    return 0


def _galat(pesan: str) -> int:
    print(f"galat: {pesan}", file=sys.stderr)
    return 2


def _demo(args) -> int:
    from sistemkerja_tui.aturan.profil import daftar_profil
    from sistemkerja_tui.layanan.demo import DemoDitolak, buat_demo
    from sistemkerja_tui.store.db import DatabaseError, siapkan_database, url_database

    if args.profil not in daftar_profil():
        return _galat(f"profil '{args.profil}' tidak dikenal; pilihan: {', '.join(daftar_profil())}.")
    url = url_database(getattr(args, "db", None))
    try:
        engine = siapkan_database(url)
        ringkas = buat_demo(engine, jumlah_pegawai=args.pegawai, profil=args.profil, benih=args.benih)
    except (DatabaseError, DemoDitolak) as e:
        return _galat(str(e))
    print(
        f"Pemda demo dibuat di {url}: {ringkas.instansi} instansi, {ringkas.unit} unit, "
        f"{ringkas.pegawai} pegawai, {ringkas.tim} tim kerja, {ringkas.kegiatan} kegiatan."
    )
    return 0


def _profil() -> int:
    from sistemkerja_tui.aturan.profil import ProfilTidakSah, daftar_profil, muat_profil

    for nama in daftar_profil():
        try:
            print(f"{nama:15} {muat_profil(nama).judul}")
        except ProfilTidakSah as e:
            return _galat(str(e))
    return 0


def _nip(args) -> int:
    from sistemkerja_tui.aturan.nip import NIPTidakSah, urai_nip

    try:
        n = urai_nip(args.nip)
    except NIPTidakSah as e:
        return _galat(e.pesan)
    print(f"NIP            {n.berkelompok}")
    print(f"Tanggal lahir  {n.tanggal_lahir:%d-%m-%Y}")
    print(f"TMT CPNS       {n.tmt_label}")
    print(f"Jenis kelamin  {n.jenis_kelamin_label}")
    print(f"Nomor urut     {n.urut:03d}")
    return 0


def _dengan_layanan(args, kerja) -> int:
    """Open the database of `--db`, run `kerja(layanan)`; a refusal becomes an exit-2 message."""
    from sistemkerja_tui.layanan.galat import DatabaseError, Ditolak
    from sistemkerja_tui.layanan.mulai import GagalBuka, buka_database

    try:
        layanan = buka_database(getattr(args, "db", None), demo_jika_kosong=False).layanan
    except (GagalBuka, DatabaseError) as e:  # DatabaseError: a damaged page met while loading the structure
        return _galat(str(e))
    try:
        return kerja(layanan)
    except Ditolak as e:
        return _galat(e.pesan)
    except DatabaseError as e:
        return _galat(str(e))
    finally:
        layanan.tutup()


def _folder_keluaran(args):
    from pathlib import Path

    from sistemkerja_tui.layanan.surat import folder_dokumen

    return Path(args.keluaran).expanduser() if args.keluaran else folder_dokumen()


def _surat(args) -> int:
    from sistemkerja_tui.layanan.sebutan import tanggal_singkat
    from sistemkerja_tui.layanan.surat import JenisSurat

    if args.aksi_surat == "buat":
        try:
            jenis = JenisSurat.dari(args.jenis)
        except ValueError as e:
            return _galat(str(e))

    def kerja(layanan) -> int:
        if args.aksi_surat == "daftar":
            for s in layanan.surat.daftar():
                print(f"{s.nomor:28} {tanggal_singkat(s.tanggal)}  {s.jenis}: {s.perihal}")
            return 0
        folder = _folder_keluaran(args)
        if args.aksi_surat == "ulang":
            print(layanan.surat.ekspor(nomor=args.nomor, folder=folder, format=args.format))
            return 0
        penandatangan = layanan.surat.penandatangan_nip(args.penandatangan) if args.penandatangan else None
        tim, permohonan = args.tim or [], args.permohonan or []
        if len(tim) + len(permohonan) > 1:  # a batch: all numbered and registered in one transaction, or none
            if args.tembusan:
                return _galat("--tembusan hanya untuk satu surat; untuk satu batch tembusan diambil dari rute.")
            semua = layanan.surat.buat_banyak(
                jenis,
                tim_id=tuple(tim),
                permohonan_id=tuple(permohonan),
                penandatangan_id=penandatangan,
                folder=folder,
                format=args.format,
            )
            for hasil in semua:
                for p in hasil.peringatan:
                    print(f"peringatan {hasil.nomor}: {p}", file=sys.stderr)
                print(hasil.berkas)
            return 0
        hasil = layanan.surat.buat(
            jenis,
            tim_id=tim[0] if tim else None,
            permohonan_id=permohonan[0] if permohonan else None,
            penilaian_id=args.penilaian,
            folder=folder,
            format=args.format,
            penandatangan_id=penandatangan,
            tembusan=tuple(args.tembusan) if args.tembusan else None,
        )
        for p in hasil.peringatan:
            print(f"peringatan: {p}", file=sys.stderr)
        print(hasil.berkas)
        return 0

    return _dengan_layanan(args, kerja)


def _laporan(args) -> int:
    from sistemkerja_tui.layanan.laporan import periode_semester

    if args.aksi_laporan == "anomali":
        return _laporan_anomali(args)

    if args.aksi_laporan == "pemantauan":
        try:
            mulai, selesai = periode_semester(args.semester)
        except ValueError as e:
            return _galat(str(e))

    def kerja(layanan) -> int:
        unit_id = layanan.laporan.cari_unit(args.unit)
        folder = _folder_keluaran(args)
        if args.aksi_laporan == "pemantauan":
            print(layanan.laporan.tulis_pemantauan(unit_id, mulai, selesai, folder, args.format))
        else:
            print(layanan.laporan.tulis_mpph(unit_id, folder, args.format))
        return 0

    return _dengan_layanan(args, kerja)


def _laporan_anomali(args) -> int:
    """Print the anomaly list as a table; exit 0 whatever it finds (a report, not a check)."""
    from pathlib import Path

    from rich.console import Console
    from rich.table import Table

    def kerja(layanan) -> int:
        berkas = Path(args.penilaian).expanduser() if args.penilaian else None
        hasil = layanan.anomali.daftar(berkas)
        konsol = Console()
        if not hasil.anomali:
            konsol.print("Tidak ada anomali.")
            return 0
        tabel = Table(title="Daftar anomali", show_lines=False)
        for kolom in ("Jenis", "Pegawai / unit", "Unit", "Keterangan", "Rujukan"):
            tabel.add_column(kolom, overflow="fold")
        for a in hasil.anomali:
            tabel.add_row(a.jenis, a.nama, a.unit, a.keterangan, a.rujukan)
        konsol.print(tabel)
        ringkas = ", ".join(f"{jenis}: {n}" for jenis, n in hasil.jumlah().items())
        if hasil.dengan_penilaian:
            ringkas += f" (dibandingkan dengan {hasil.baris_penilaian} baris penilaian e-Kinerja)"
        konsol.print(f"{len(hasil.anomali)} anomali — {ringkas}.")
        return 0

    return _dengan_layanan(args, kerja)


def _parser_serve(sub, db: argparse.ArgumentParser) -> None:
    """`sistemkerja serve`: the app in a browser, one app process per browser tab."""
    from sistemkerja_tui.web import HOST_BAWAAN, PORT_BAWAAN

    serve = _indonesiakan(
        sub.add_parser(
            "serve",
            parents=[db],
            add_help=False,
            formatter_class=_Format,
            help="buka aplikasi di peramban (browser) lewat http://HOST:PORT",
            description="Menjalankan aplikasi untuk peramban: setiap tab mendapat aplikasinya sendiri pada "
            "database yang sama. Hentikan dengan Ctrl+C.",
        )
    )
    serve.add_argument("--host", default=HOST_BAWAAN, metavar="HOST", help=f"alamat (bawaan {HOST_BAWAAN})")
    serve.add_argument(
        "--port",
        type=_antara(1, 65535, "port"),
        default=PORT_BAWAAN,
        metavar="PORT",
        help=f"port (bawaan {PORT_BAWAAN})",
    )
    serve.add_argument(
        "--url-publik",
        metavar="URL",
        help="alamat yang dibuka peramban bila server di belakang proksi balik HTTPS, misalnya "
        "https://sistemkerja.kantor.go.id (hanya mode bersama)",
    )


def _serve(args) -> int:
    from sistemkerja_tui.aturan.enums import ModeKerja
    from sistemkerja_tui.layanan.galat import DatabaseError
    from sistemkerja_tui.layanan.mulai import GagalBuka, buka_database
    from sistemkerja_tui.web import TidakDapatDilayani, hanya_lokal, layani, periksa_port

    try:  # opened (and migrated) once here, so a wrong --db is told before the server starts
        hasil = buka_database(getattr(args, "db", None))
        mode = hasil.layanan.akun.mode()
    except (GagalBuka, DatabaseError) as e:
        return _galat(str(e))
    url = hasil.layanan.url
    hasil.layanan.tutup()
    publik = args.url_publik
    if publik is not None and not re.fullmatch(r"https?://[^/\s]+(/\S*)?", publik):
        return _galat(f"--url-publik {publik}: harus alamat lengkap, misalnya https://sistemkerja.kantor.go.id.")
    lewat = f"--host {args.host}" if not hanya_lokal(args.host) else f"--url-publik {publik}" if publik else None
    if lewat is not None and mode is not ModeKerja.BERSAMA:
        return _galat(
            f"{lewat}: database ini dalam mode sendiri (tanpa akun), jadi hanya dilayani untuk komputer "
            "ini (127.0.0.1 atau localhost); di jaringan siapa pun akan dapat bertindak sebagai pimpinan mana pun. "
            "Untuk kantor bersama: buat akun (sistemkerja akun buat --nip NIP --admin), lalu "
            "sistemkerja akun mode bersama."
        )
    publik = publik.rstrip("/") if publik else None
    try:
        periksa_port(args.host, args.port)
        alamat = publik or f"http://{args.host}:{args.port}"
        print(f"Sistem Kerja dilayani di {alamat} — hentikan dengan Ctrl+C.", flush=True)
        layani(url, host=args.host, port=args.port, url_publik=publik, log_level=getattr(args, "log_level", None))
    except TidakDapatDilayani as e:
        return _galat(str(e))
    return 0


def _parser_akun(sub, db: argparse.ArgumentParser) -> None:
    """`sistemkerja akun`: accounts of mode "bersama", made and reset by an administrator."""
    akun = _indonesiakan(
        sub.add_parser(
            "akun",
            parents=[db],
            add_help=False,
            formatter_class=_Format,
            help="akun pimpinan untuk mode bersama: buat, reset, daftar, mode",
            description="Mode bersama: satu database untuk seluruh Pemda, setiap pimpinan masuk dengan NIP dan "
            "kata sandinya sendiri. Kata sandi sementara ditampilkan sekali dan wajib diganti saat masuk pertama.",
        )
    )
    aksi = akun.add_subparsers(dest="aksi_akun", metavar="AKSI", required=True)
    for nama, bantuan in (("buat", "buat akun untuk pegawai ber-NIP ini"), ("reset", "kata sandi sementara baru")):
        p = _indonesiakan(aksi.add_parser(nama, parents=[db], add_help=False, formatter_class=_Format, help=bantuan))
        p.add_argument("--nip", required=True, metavar="NIP", help="NIP pegawai pemilik akun")
        if nama == "buat":
            p.add_argument(
                "--admin",
                action="store_true",
                help="administrator (Bagian Organisasi / BKPSDM): impor dan ubah struktur",
            )
    _indonesiakan(aksi.add_parser("daftar", parents=[db], add_help=False, formatter_class=_Format, help="daftar akun"))
    mode = _indonesiakan(
        aksi.add_parser("mode", parents=[db], add_help=False, formatter_class=_Format, help="mode kerja database ini")
    )
    mode.add_argument("mode", nargs="?", choices=("sendiri", "bersama"), help="tetapkan mode (tanpa ini: tampilkan)")


def _akun(args) -> int:
    from sistemkerja_tui.aturan.enums import ModeKerja

    def kerja(layanan) -> int:
        if args.aksi_akun in ("buat", "reset"):
            if args.aksi_akun == "buat":
                sandi = layanan.akun.buat(args.nip, admin=args.admin)
            else:
                sandi = layanan.akun.reset(args.nip)
            print(f"Kata sandi sementara: {sandi}")
            print("Sampaikan langsung kepada pemiliknya; wajib diganti saat masuk pertama. Tidak ditampilkan lagi.")
            return 0
        if args.aksi_akun == "mode":
            if args.mode:
                layanan.akun.tetapkan_mode(ModeKerja(args.mode))
            print(f"Mode: {layanan.akun.mode().label}")
            return 0
        from rich.console import Console
        from rich.table import Table

        from sistemkerja_tui.aturan.nip import kelompokkan_nip

        tabel = Table(title="Akun")
        tabel.add_column("NIP", no_wrap=True)
        for kolom in ("Nama", "Jabatan", "Peran", "Status", "Masuk terakhir"):
            tabel.add_column(kolom, overflow="fold")
        for a in layanan.akun.daftar():
            status = "aktif" if a.aktif else "nonaktif"
            if a.harus_ganti:
                status += ", kata sandi sementara"
            tabel.add_row(
                kelompokkan_nip(a.nip),
                a.nama,
                a.jabatan,
                "administrator" if a.admin else "pimpinan",
                status,
                a.masuk_terakhir,
            )
        Console().print(tabel)
        return 0

    return _dengan_layanan(args, kerja)


def _tui(args) -> int:
    import gc

    # no collections while start-up allocates (Textual, the rules, the first screen: each full pass walks all of
    # it, ~50 ms of CPU in all); the app enables the collector again, the start-up objects frozen, once it is shown
    gc.disable()
    from sistemkerja_tui.tui.awal import PembukaAwal

    # opens the database, and forks the child that reads the first screen, while Textual is imported below
    pembuka = PembukaAwal(getattr(args, "db", None), anak=True)
    from sistemkerja_tui.layanan.konfigurasi import Konfigurasi, KonfigurasiTidakSah, muat_konfigurasi

    galat_konfigurasi = None
    try:
        konfigurasi = muat_konfigurasi()
    except KonfigurasiTidakSah as e:
        konfigurasi, galat_konfigurasi = Konfigurasi(), str(e)
    from sistemkerja_tui.tui.app import SistemKerjaApp

    app = SistemKerjaApp(
        url=getattr(args, "db", None),
        konfigurasi=konfigurasi,
        galat_konfigurasi=galat_konfigurasi,
        waktu_mulai=WAKTU_MULAI,
        pembuka=pembuka,
    )
    app.run()
    return app.return_code or 0


def _argumen_tui(argv: list[str]) -> argparse.Namespace | None:
    """`argv` that only opens the TUI (`--db URL`, `--log-level TINGKAT`, in either `--opsi nilai` or
    `--opsi=nilai` form) read without building the subcommands' parsers, which costs ~12 ms of every start-up;
    None for anything else, which the full parser reads (and explains, when it is wrong)."""
    nilai: dict[str, str] = {}
    sisa = list(argv)
    while sisa:
        opsi, sama, isi = sisa.pop(0).partition("=")
        if opsi not in ("--db", "--log-level") or opsi in nilai:
            return None
        if not sama:
            if not sisa or sisa[0].startswith("-"):  # argparse: "perlu satu nilai"
                return None
            isi = sisa.pop(0)
        nilai[opsi] = isi
    if nilai.get("--log-level", TINGKAT_LOG[0]) not in TINGKAT_LOG:
        return None
    args = argparse.Namespace(perintah=None)
    if "--db" in nilai:
        args.db = nilai["--db"]
    if "--log-level" in nilai:
        args.log_level = nilai["--log-level"]
    return args


def main(argv: list[str] | None = None) -> int:
    """Run the command of `argv`; an unexpected error is a short notice (exit 1), its traceback goes to the log."""
    argv = sys.argv[1:] if argv is None else argv
    args = _argumen_tui(argv) or _parser().parse_args(argv)
    import logging

    from sistemkerja_tui import catatan

    catatan.siapkan(getattr(args, "log_level", catatan.TINGKAT_BAWAAN))
    logging.getLogger(__name__).info("perintah %s", args.perintah or "tui")
    try:
        kode = _jalankan(args)
        sys.stdout.flush()  # here, not at exit, so a closed pipe is caught below
        return kode
    except BrokenPipeError:  # the reader (`| head`) has what it wanted: stop quietly
        _tutup_stdout()
        return 0
    except KeyboardInterrupt:
        print("dibatalkan.", file=sys.stderr)
        return 130
    except Exception as e:  # the user gets a notice, the log gets the traceback
        berkas = catatan.catat_galat(e, f"perintah {args.perintah or 'tui'}")
        print(f"galat: {catatan.pemberitahuan(berkas)}", file=sys.stderr)
        return 1


def _tutup_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    import os

    try:
        nol = os.open(os.devnull, os.O_WRONLY)
        os.dup2(nol, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _jalankan(args) -> int:
    if args.perintah == "init":
        return _init(args)
    if args.perintah == "demo":
        return _demo(args)
    if args.perintah == "profil":
        return _profil()
    if args.perintah == "nip":
        return _nip(args)
    if args.perintah == "surat":
        return _surat(args)
    if args.perintah == "laporan":
        return _laporan(args)
    if args.perintah == "impor":
        return _impor(args)
    if args.perintah == "serve":
        return _serve(args)
    if args.perintah == "akun":
        return _akun(args)
    return _tui(args)
