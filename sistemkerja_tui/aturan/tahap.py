"""The stage machine of a kegiatan (target kinerja): perencanaan → pelaksanaan → evaluasi → selesai.

Pure rules (DESIGN §5). The three stages follow Perwal Madiun 73/2023, Lampiran Bab III
huruf A; the steps of perencanaan and pelaksanaan are the profile's list for the owner
unit's type (`Profil.tahapan_untuk`), and the reviewers of the evaluation stage come from
the profile's review chain for that type (`Profil.alur_reviu`), resolved here against the
unit chain (own unit first, up to the Perangkat Daerah) into the pegawai who review.

- `peninjau(rantai, profil)`: ordered reviewers (last one declares the kegiatan selesai).
- `sub_tahap(tahapan, tahap)`: the steps of a stage — the kegiatan's checklist.
- `transisi_kegiatan(keadaan, aksi, ...)`: one step of the machine, refused with `Temuan`.
- `boleh_catatan(keadaan)`: whether a note may still be added.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sistemkerja_tui.aturan.enums import JenisCatatan, JenisUnit, KodeEnum, PeranTim, Tahap
from sistemkerja_tui.aturan.profil_model import LangkahReviu, LangkahTahap, Profil, Tahapan
from sistemkerja_tui.aturan.temuan import Temuan

# --- passages ------------------------------------------------------------------

RUJUKAN_TAHAPAN = "Perwal Madiun 73/2023, Lampiran Bab III huruf A (Mekanisme Kerja: 3 tahapan)"
RUJUKAN_PERENCANAAN = (
    "Perwal Madiun 73/2023, Lampiran Bab III huruf A angka 1 (Tahapan Perencanaan: "
    "perjanjian kinerja, strategi, penugasan, rencana kegiatan dan anggaran)"
)
RUJUKAN_PELAKSANAAN = (
    "Perwal Madiun 73/2023, Lampiran Bab III huruf A angka 2 (Tahapan Pelaksanaan: "
    "rincian kegiatan, pembagian peran, monitoring, penyampaian hasil kepada Pejabat Level 2)"
)
RUJUKAN_EVALUASI = (
    "Perwal Madiun 73/2023, Lampiran Bab III huruf A angka 3 (Tahapan Evaluasi: reviu oleh "
    "Pejabat Level 2 dan Pejabat Level 1; selesai setelah Pejabat Level 1 menerima hasil)"
)
RUJUKAN_PENGEMBALIAN = (
    "Perwal Madiun 73/2023, Lampiran Bab III huruf B (Tahap Evaluasi: hasil yang belum sesuai "
    "dengan target dan ekspektasi dikembalikan untuk disesuaikan kembali, secara berjenjang)"
)

# --- stages and sub-steps ------------------------------------------------------
# The perencanaan and pelaksanaan steps come from the profile's `[tahapan.<jenis unit>]`
# (`Profil.tahapan_untuk`): the mechanism the seed lists for the owner unit's type. A
# kegiatan keeps the steps it was planned with (`tahapan_ke_json` / `tahapan_dari_json`).

SUB_SELESAI = "selesai"


def sub_reviu(ke: int) -> str:
    return f"reviu_{ke}"


def ke_reviu(sub: str) -> int:
    """Which review step (1-based) a sub-step is; 0 for a step that is not a review."""
    return int(sub[6:]) if sub.startswith("reviu_") and sub[6:].isdigit() else 0


def _langkah(tahapan: Tahapan, tahap: Tahap) -> tuple[LangkahTahap, ...]:
    return tahapan.perencanaan if tahap is Tahap.PERENCANAAN else tahapan.pelaksanaan


def sub_tahap(tahapan: Tahapan, tahap: Tahap, jumlah_reviu: int = 0) -> tuple[str, ...]:
    """The sub-steps of a stage in order; EVALUASI has one per reviewer of the chain."""
    if tahap in (Tahap.PERENCANAAN, Tahap.PELAKSANAAN):
        return tuple(x.kunci for x in _langkah(tahapan, tahap))
    if tahap is Tahap.EVALUASI:
        return tuple(sub_reviu(i) for i in range(1, jumlah_reviu + 1))
    return (SUB_SELESAI,)


def cari_langkah(tahapan: Tahapan, kunci: str) -> LangkahTahap | None:
    return next((x for x in tahapan.perencanaan + tahapan.pelaksanaan if x.kunci == kunci), None)


def label_sub_tahap(sub: str, tahapan: Tahapan, peninjau_: Sequence[Peninjau] = ()) -> str:
    if ke := ke_reviu(sub):
        if ke <= len(peninjau_):
            return f"Reviu ke-{ke} oleh {peninjau_[ke - 1].sebutan}"
        return f"Reviu ke-{ke}"
    if sub == SUB_SELESAI:
        return Tahap.SELESAI.label
    langkah = cari_langkah(tahapan, sub)
    return langkah.label if langkah is not None else sub


def tahapan_ke_json(mekanisme: str, tahapan: Tahapan) -> str:
    """The steps a kegiatan is planned with, kept on the kegiatan (column `ceklis`)."""

    def daftar(xs: Sequence[LangkahTahap]) -> list[dict[str, str]]:
        return [{"kunci": x.kunci, "label": x.label, "pelaku": x.pelaku, "rujukan": x.rujukan} for x in xs]

    return json.dumps(
        {
            "mekanisme": mekanisme,
            "rujukan": tahapan.rujukan,
            "kembali": tahapan.kembali,
            "perencanaan": daftar(tahapan.perencanaan),
            "pelaksanaan": daftar(tahapan.pelaksanaan),
        },
        ensure_ascii=False,
    )


def tahapan_dari_json(teks: str) -> tuple[str, Tahapan] | None:
    """Inverse of `tahapan_ke_json`; None for a kegiatan saved before steps were kept (`[]`)."""
    data = json.loads(teks or "[]")
    if not data:
        return None

    def daftar(xs: list[dict[str, str]]) -> tuple[LangkahTahap, ...]:
        return tuple(LangkahTahap(x["kunci"], x["label"], x["pelaku"], x["rujukan"]) for x in xs)

    return data["mekanisme"], Tahapan(
        daftar(data["perencanaan"]), daftar(data["pelaksanaan"]), data["kembali"], data["rujukan"]
    )


@dataclass(frozen=True)
class KeadaanKegiatan:
    """Where a kegiatan stands: stage, sub-step and (in EVALUASI) which review step (1-based)."""

    tahap: Tahap
    sub_tahap: str
    reviu_ke: int = 0

    @classmethod
    def awal(cls, tahapan: Tahapan) -> KeadaanKegiatan:
        return cls(Tahap.PERENCANAAN, tahapan.perencanaan[0].kunci)

    @property
    def selesai(self) -> bool:
        return self.tahap is Tahap.SELESAI

    def uraian(self, tahapan: Tahapan, peninjau_: Sequence[Peninjau] = ()) -> str:
        """`Evaluasi — Reviu ke-1 oleh Kepala Bagian`."""
        if self.tahap is Tahap.SELESAI:
            return Tahap.SELESAI.label
        return f"{self.tahap.label} — {label_sub_tahap(self.sub_tahap, tahapan, peninjau_)}"


class AksiTahap(KodeEnum):
    MAJU = ("maju", "Lanjutkan ke langkah berikutnya")
    KEMBALIKAN = ("kembalikan", "Kembalikan ke pelaksanaan")
    SETUJUI_REVIU = ("setujui_reviu", "Setujui reviu")


@dataclass(frozen=True)
class DataKegiatan:
    """The fields of a kegiatan the stage rules look at."""

    judul: str = ""
    indikator: str = ""
    target: str = ""
    satuan: str = ""
    tenggat: date | None = None
    mulai: date | None = None
    progres: int = 0
    rencana_anggaran: int | None = None  # rupiah


@dataclass(frozen=True)
class HasilTahap:
    """Outcome of a transition: the new state (unchanged when refused), findings, and whether it is done."""

    keadaan: KeadaanKegiatan
    temuan: tuple[Temuan, ...]
    selesai: bool = False

    @property
    def sah(self) -> bool:
        return not any(t.memblokir for t in self.temuan)

    @property
    def berubah(self) -> bool:
        return self.sah


# --- reviewers -----------------------------------------------------------------


@dataclass(frozen=True)
class Peninjau:
    """One reviewer of the evaluation stage, resolved to the leader of a unit in the chain."""

    pegawai_id: int | None
    sebutan: str
    rujukan: str
    jabatan: str = ""
    jenis_unit: JenisUnit | None = None

    @property
    def nama_tampil(self) -> str:
        return f"{self.sebutan} ({self.jabatan})" if self.jabatan and self.jabatan != self.sebutan else self.sebutan


def _indeks_langkah(langkah: LangkahReviu, jenis: Sequence[JenisUnit], mulai: int) -> int | None:
    if langkah.naik is not None:
        i = langkah.naik
        return i if mulai <= i < len(jenis) else None
    for i in range(mulai, len(jenis)):
        if jenis[i] in langkah.unit:
            return i
    return None


def peninjau(
    rantai: Sequence[tuple[JenisUnit, int | None, str]],
    profil: Profil,
    pemegang: Mapping[PeranTim, tuple[int, str]] | None = None,
) -> tuple[Peninjau, ...]:
    """Ordered reviewers for a kegiatan of the first unit of `rantai`.

    `rantai`: (jenis unit, pimpinan pegawai id, jabatan pimpinan) from the owner unit up to
    the Perangkat Daerah. Each step of the profile's chain is the leader of the nearest unit
    of its kind above the previous reviewer's unit (or `naik` levels up); steps with no such
    unit in the chain are skipped (a kegiatan of the Dinas itself is reviewed by the Kepala
    Dinas alone). A step naming a `peran` is the holder of that role in the kegiatan's team
    (`pemegang`: role → (pegawai id, jabatan)), skipped when there is none (Madiun Setda: the
    Koordinator Tim Kerja reviews before the Kepala Bagian only where one is appointed). The
    last reviewer declares the kegiatan selesai.
    """
    if not rantai:
        return ()
    jenis = profil.jenis_setara([r[0] for r in rantai])
    alur = profil.alur_reviu(jenis)
    hasil: list[Peninjau] = []
    mulai = 0
    for langkah in alur.langkah:
        if langkah.peran is not None:
            ada = (pemegang or {}).get(langkah.peran)
            if ada is not None:
                hasil.append(Peninjau(ada[0], langkah.sebutan, alur.rujukan, ada[1], None))
            continue
        i = _indeks_langkah(langkah, jenis, mulai)
        if i is None:
            continue
        j, pid, jabatan = rantai[i]
        hasil.append(Peninjau(pid, langkah.sebutan, alur.rujukan, jabatan, j))
        mulai = i + 1
    if not any(p.jenis_unit is not None for p in hasil):  # no unit step applies: the owner unit's leader closes
        j, pid, jabatan = rantai[0]
        hasil.append(Peninjau(pid, jabatan or "Pimpinan Unit Organisasi", alur.rujukan, jabatan, j))
    return tuple(hasil)


# --- field checks --------------------------------------------------------------

_WAJIB_PERENCANAAN = (("indikator", "Indikator"), ("target", "Target"), ("satuan", "Satuan"))


def periksa_data(data: DataKegiatan) -> list[Temuan]:
    """Checks that hold in every stage: a title, a deadline not before the start, a budget not below zero,
    progress 0–100."""
    temuan: list[Temuan] = []
    if not data.judul.strip():
        temuan.append(Temuan("tahap.wajib.judul", "Judul kegiatan (judul) wajib diisi.", RUJUKAN_PERENCANAAN))
    if data.tenggat is not None and data.mulai is not None and data.tenggat < data.mulai:
        temuan.append(
            Temuan(
                "tahap.tenggat_sebelum_mulai",
                f"Tenggat (tenggat) {data.tenggat:%d-%m-%Y} tidak boleh sebelum tanggal mulai {data.mulai:%d-%m-%Y}.",
                RUJUKAN_PERENCANAAN,
            )
        )
    if data.rencana_anggaran is not None and data.rencana_anggaran < 0:
        temuan.append(
            Temuan(
                "tahap.anggaran_negatif",
                "Rencana anggaran tidak boleh negatif; kosongkan bila tidak ada anggaran.",
                RUJUKAN_PERENCANAAN,
            )
        )
    if not 0 <= data.progres <= 100:
        temuan.append(
            Temuan("tahap.progres", f"Progres (progres) harus 0–100 persen, bukan {data.progres}.", RUJUKAN_PELAKSANAAN)
        )
    return temuan


def _periksa_keluar_perencanaan(data: DataKegiatan) -> list[Temuan]:
    return [
        Temuan(
            f"tahap.wajib.{kunci}",
            f"{label} ({kunci}) wajib diisi sebelum kegiatan meninggalkan tahap Perencanaan.",
            RUJUKAN_PERENCANAAN,
        )
        for kunci, label in _WAJIB_PERENCANAAN
        if not str(getattr(data, kunci) or "").strip()
    ]


# --- the machine ---------------------------------------------------------------


def _tolak(keadaan: KeadaanKegiatan, *temuan: Temuan) -> HasilTahap:
    return HasilTahap(keadaan, tuple(temuan), keadaan.selesai)


def _tidak_sah(keadaan: KeadaanKegiatan, aksi: AksiTahap, tahapan: Tahapan, peninjau_: Sequence[Peninjau]) -> Temuan:
    if keadaan.tahap is Tahap.SELESAI:
        return Temuan(
            "tahap.sudah_selesai",
            f"Kegiatan sudah pada tahap {Tahap.SELESAI.label}; aksi '{aksi.label}' tidak dapat dilakukan.",
            RUJUKAN_EVALUASI,
        )
    saran = {
        Tahap.PERENCANAAN: "lanjutkan langkah perencanaan",
        Tahap.PELAKSANAAN: "lanjutkan pelaksanaan sampai hasil disampaikan",
        Tahap.EVALUASI: "peninjau menyetujui reviu atau mengembalikan dengan alasan",
    }[keadaan.tahap]
    return Temuan(
        "tahap.aksi_tidak_sah",
        f"Aksi '{aksi.label}' tidak dapat dilakukan pada tahap {keadaan.uraian(tahapan, peninjau_)}; {saran}.",
        RUJUKAN_TAHAPAN,
    )


def _keadaan_sah(keadaan: KeadaanKegiatan, tahapan: Tahapan, jumlah_reviu: int) -> Temuan | None:
    if keadaan.tahap is Tahap.EVALUASI:
        if not 1 <= keadaan.reviu_ke <= jumlah_reviu or keadaan.sub_tahap != sub_reviu(keadaan.reviu_ke):
            return Temuan(
                "tahap.reviu_tidak_dikenal",
                f"Langkah reviu '{keadaan.sub_tahap}' (ke-{keadaan.reviu_ke}) tidak ada dalam rantai "
                f"{jumlah_reviu} peninjau pada tahap {Tahap.EVALUASI.label}.",
                RUJUKAN_EVALUASI,
            )
        return None
    if keadaan.sub_tahap not in sub_tahap(tahapan, keadaan.tahap):
        return Temuan(
            "tahap.sub_tahap_tidak_dikenal",
            f"Langkah '{keadaan.sub_tahap}' tidak dikenal pada tahap {keadaan.tahap.label}.",
            RUJUKAN_TAHAPAN,
        )
    return None


def transisi_kegiatan(
    keadaan: KeadaanKegiatan,
    aksi: AksiTahap,
    *,
    tahapan: Tahapan,
    peninjau: tuple[Peninjau, ...],
    pelaku_id: int | None,
    alasan: str = "",
    data: DataKegiatan,
) -> HasilTahap:
    """Apply `aksi` to `keadaan`; a refused action returns the same state with blocking findings.

    `tahapan`: the kegiatan's perencanaan/pelaksanaan steps (its unit type's mechanism).
    `peninjau`: the reviewers from `peninjau()` for the kegiatan's owner unit.
    `pelaku_id`: the pegawai acting (checked against the current reviewer in EVALUASI).
    """
    daftar = peninjau
    rusak = _keadaan_sah(keadaan, tahapan, len(daftar)) if keadaan.tahap is not Tahap.SELESAI else None
    if rusak is not None:
        return _tolak(keadaan, rusak)

    if keadaan.tahap is Tahap.SELESAI:
        return _tolak(keadaan, _tidak_sah(keadaan, aksi, tahapan, daftar))

    if aksi is AksiTahap.MAJU and keadaan.tahap in (Tahap.PERENCANAAN, Tahap.PELAKSANAAN):
        langkah = sub_tahap(tahapan, keadaan.tahap)
        i = langkah.index(keadaan.sub_tahap)
        temuan = periksa_data(data)
        if i + 1 < len(langkah):
            baru = KeadaanKegiatan(keadaan.tahap, langkah[i + 1])
        elif keadaan.tahap is Tahap.PERENCANAAN:
            temuan += _periksa_keluar_perencanaan(data)
            baru = KeadaanKegiatan(Tahap.PELAKSANAAN, tahapan.pelaksanaan[0].kunci)
        else:
            if not daftar:
                temuan.append(
                    Temuan(
                        "tahap.tanpa_peninjau",
                        "Hasil tidak dapat disampaikan: rantai peninjau tahap Evaluasi kosong "
                        "(pimpinan unit pemilik kegiatan belum ditetapkan).",
                        RUJUKAN_EVALUASI,
                    )
                )
            baru = KeadaanKegiatan(Tahap.EVALUASI, sub_reviu(1), 1)
        if any(t.memblokir for t in temuan):
            return _tolak(keadaan, *temuan)
        return HasilTahap(baru, tuple(temuan))

    if keadaan.tahap is Tahap.EVALUASI and aksi in (AksiTahap.SETUJUI_REVIU, AksiTahap.KEMBALIKAN):
        ke = keadaan.reviu_ke
        p = daftar[ke - 1]
        galat: list[Temuan] = []
        if p.pegawai_id is None:
            galat.append(
                Temuan(
                    "tahap.peninjau_kosong",
                    f"Reviu ke-{ke} dilakukan oleh {p.nama_tampil}, tetapi jabatan itu belum terisi; "
                    f"tetapkan pimpinan unitnya terlebih dahulu.",
                    p.rujukan,
                )
            )
        elif pelaku_id != p.pegawai_id:
            kerja = "menyetujui" if aksi is AksiTahap.SETUJUI_REVIU else "mengembalikan"
            akhir = " dan menyatakan kegiatan selesai" if ke == len(daftar) and kerja == "menyetujui" else ""
            galat.append(
                Temuan(
                    "tahap.bukan_peninjau",
                    f"Pada tahap {keadaan.uraian(tahapan, daftar)}, "
                    f"hanya {p.nama_tampil} yang dapat {kerja} reviu{akhir}.",
                    p.rujukan,
                )
            )
        if aksi is AksiTahap.KEMBALIKAN:
            if not alasan.strip():
                galat.append(Temuan("tahap.alasan_wajib", "Alasan pengembalian wajib diisi.", RUJUKAN_PENGEMBALIAN))
            if galat:
                return _tolak(keadaan, *galat)
            return HasilTahap(KeadaanKegiatan(Tahap.PELAKSANAAN, tahapan.kembali), ())
        if galat:
            return _tolak(keadaan, *galat)
        if ke == len(daftar):
            return HasilTahap(KeadaanKegiatan(Tahap.SELESAI, SUB_SELESAI), (), True)
        return HasilTahap(KeadaanKegiatan(Tahap.EVALUASI, sub_reviu(ke + 1), ke + 1), ())

    return _tolak(keadaan, _tidak_sah(keadaan, aksi, tahapan, daftar))


def aksi_tersedia(keadaan: KeadaanKegiatan) -> tuple[AksiTahap, ...]:
    """Actions the machine accepts in this state (before checking who acts and the data)."""
    if keadaan.tahap in (Tahap.PERENCANAAN, Tahap.PELAKSANAAN):
        return (AksiTahap.MAJU,)
    if keadaan.tahap is Tahap.EVALUASI:
        return (AksiTahap.SETUJUI_REVIU, AksiTahap.KEMBALIKAN)
    return ()


def boleh_catatan(keadaan: KeadaanKegiatan, jenis: JenisCatatan | None = None) -> Temuan | None:
    """None when a note may be added; a kegiatan that is selesai takes no more notes."""
    if keadaan.tahap is Tahap.SELESAI:
        apa = f"Catatan {jenis.label.lower()}" if jenis is not None else "Catatan"
        return Temuan(
            "tahap.catatan_selesai",
            f"{apa} tidak dapat ditambahkan: kegiatan sudah pada tahap {Tahap.SELESAI.label}.",
            RUJUKAN_EVALUASI,
        )
    return None
