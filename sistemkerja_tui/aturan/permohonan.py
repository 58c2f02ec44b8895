"""Penugasan requests as a pure state machine: penunjukan and pengajuan sukarela through their approvals.

Each (jenis, lingkup) has an `Alur` read from the profile: the approvals in order (`langkah`), whether the
request is written, its copies and its passage. `transisi` takes a `Keadaan` and an `Aksi` and returns the
next `Keadaan` with the findings; a refused action leaves the state as it was. No IO: the caller stores the
state (status, `langkah_disetujui` and the recorded texts) and writes the history.

    draf ──ajukan──▶ diajukan ──setujui × n──▶ disetujui ──terbitkan surat tugas (lintas)──▶ surat_tugas_terbit
      │  (no steps: straight to disetujui)│
      │                                  ├──tolak (with reason)──▶ ditolak
      └──────────batalkan────────────────┴──batalkan──▶ dibatalkan
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sistemkerja_tui.aturan.enums import (
    JenisPermohonan,
    KodeEnum,
    LingkupPenugasan,
    StatusKeanggotaan,
    StatusPermohonan,
)
from sistemkerja_tui.aturan.profil_model import IsiPermohonan, LangkahPersetujuan, Pihak, Profil, Rute
from sistemkerja_tui.aturan.temuan import Temuan

_S = StatusPermohonan
_J = JenisPermohonan
_L = LingkupPenugasan

#: One approval step of a route (from the profile): pihak, sebutan, rujukan, uraian, wajib_jawaban_ketersediaan.
Langkah = LangkahPersetujuan


class Aksi(KodeEnum):
    AJUKAN = ("ajukan", "Ajukan")
    SETUJUI = ("setujui", "Setujui")
    TOLAK = ("tolak", "Tolak")
    BATALKAN = ("batalkan", "Batalkan")
    TERBITKAN_SURAT_TUGAS = ("terbitkan_surat_tugas", "Terbitkan surat tugas")


class AlurTidakDikenal(ValueError):
    """A (jenis, lingkup) pair the regulations do not know (pengajuan sukarela lintas instansi)."""


#: The kinds of request the regulations know, each with its route key in `[persetujuan]`.
KUNCI_RUTE: dict[tuple[JenisPermohonan, LingkupPenugasan], str] = {
    (_J.PENUNJUKAN, _L.DALAM_UNIT): "penunjukan_dalam_unit",
    (_J.PENUNJUKAN, _L.LINTAS_UNIT): "penunjukan_lintas_unit",
    (_J.PENUNJUKAN, _L.LINTAS_INSTANSI): "penunjukan_lintas_instansi",
    (_J.PENGAJUAN_SUKARELA, _L.DALAM_UNIT): "sukarela_dalam_unit",
    (_J.PENGAJUAN_SUKARELA, _L.LINTAS_UNIT): "sukarela_lintas_unit",
}
JENIS_LINGKUP: tuple[tuple[JenisPermohonan, LingkupPenugasan], ...] = tuple(KUNCI_RUTE)


# --- the route -------------------------------------------------------------------


@dataclass(frozen=True)
class Alur:
    """The route of one request kind under a profile; `langkah` empty: effective at once."""

    jenis: JenisPermohonan
    lingkup: LingkupPenugasan
    langkah: tuple[Langkah, ...]
    tertulis: bool
    tembusan: tuple[str, ...]
    rujukan: str
    kepada: Pihak | None = None
    sebutan: str = ""
    isi_permohonan: IsiPermohonan | None = None

    @property
    def lintas(self) -> bool:
        return self.lingkup is not _L.DALAM_UNIT

    @property
    def wajib_isi(self) -> bool:
        """The four contents of the surat permohonan pelibatan are needed (written or cross-boundary)."""
        return self.tertulis or self.lintas

    @property
    def wajib_catatan_lisan(self) -> bool:
        """A pengajuan sukarela made by word of mouth: the app records what was said."""
        return self.jenis is _J.PENGAJUAN_SUKARELA and not self.tertulis

    @property
    def berlaku_seketika(self) -> bool:
        return not self.langkah

    def wajib_jawaban(self, indeks: int) -> bool:
        """Step `indeks` needs the availability answer and the list of pegawai assigned."""
        langkah = self.langkah[indeks]
        terakhir_lintas_instansi = self.lingkup is _L.LINTAS_INSTANSI and indeks == len(self.langkah) - 1
        return langkah.wajib_jawaban_ketersediaan or terakhir_lintas_instansi


def alur(jenis: JenisPermohonan, lingkup: LingkupPenugasan, profil: Profil) -> Alur:
    """The route of a request of this kind under `profil`."""
    kunci = KUNCI_RUTE.get((jenis, lingkup))
    if kunci is None:
        raise AlurTidakDikenal(
            f"{jenis.label} {lingkup.label.lower()} tidak dikenal dalam {profil.singkatan}: pengajuan sukarela "
            "hanya dapat dilakukan di dalam unit organisasi atau lintas unit organisasi di dalam Instansi "
            "Pemerintah bersangkutan; untuk pegawai instansi lain gunakan penunjukan lintas instansi."
        )
    rute: Rute = getattr(profil.persetujuan, kunci)
    return Alur(
        jenis=jenis,
        lingkup=lingkup,
        langkah=rute.langkah,
        tertulis=rute.tertulis,
        tembusan=rute.tembusan,
        rujukan=rute.rujukan,
        kepada=rute.kepada,
        sebutan=rute.sebutan,
        isi_permohonan=profil.persetujuan.isi_permohonan,
    )


def alur_semua(profil: Profil) -> tuple[Alur, ...]:
    """Every route of `profil`, in the order of `JENIS_LINGKUP`."""
    return tuple(alur(j, lk, profil) for j, lk in JENIS_LINGKUP)


# --- the four contents -----------------------------------------------------------


@dataclass(frozen=True)
class IsiSuratPermohonan:
    """What a surat permohonan pelibatan must state (at least these four)."""

    maksud_tujuan: str = ""
    kompetensi: str = ""
    ekspektasi: str = ""
    durasi: str = ""
    tembusan: tuple[str, ...] = ()  # the letter's copies as typed; empty: those of the route


# Field, the name the user sees in the form; in the order of the profile's `isi_permohonan.butir`.
_BIDANG_ISI = (
    ("maksud_tujuan", "maksud dan tujuan"),
    ("kompetensi", "kompetensi yang dibutuhkan"),
    ("ekspektasi", "ekspektasi/target kinerja"),
    ("durasi", "durasi pelibatan"),
)


def periksa_isi(isi: IsiSuratPermohonan | None, profil: Profil) -> list[Temuan]:
    """One error per empty content, naming the field, with the profile's passage."""
    aturan = profil.persetujuan.isi_permohonan
    return _periksa_isi(isi, aturan, aturan.rujukan)


def _periksa_isi(isi: IsiSuratPermohonan | None, aturan: IsiPermohonan | None, rujukan: str) -> list[Temuan]:
    butir = aturan.butir if aturan is not None and len(aturan.butir) == len(_BIDANG_ISI) else None
    if aturan is not None:
        rujukan = aturan.rujukan
    hasil = []
    for i, (nama, label) in enumerate(_BIDANG_ISI):
        if isi is not None and getattr(isi, nama).strip():
            continue
        uraian = butir[i] if butir else label
        hasil.append(
            Temuan(
                f"isi_{nama}_kosong",
                f"Kolom {label} wajib diisi: surat permohonan pelibatan paling sedikit memuat {uraian}. "
                f"Lengkapi kolom {label} sebelum mengajukan.",
                rujukan,
            )
        )
    return hasil


# --- state and transitions --------------------------------------------------------


@dataclass(frozen=True)
class Keadaan:
    """Where a request stands, with what was recorded along the way."""

    status: StatusPermohonan
    langkah_disetujui: int = 0
    alasan: str = ""
    catatan_lisan: str = ""
    jawaban_ketersediaan: str = ""
    daftar_pegawai: tuple[str, ...] = ()

    @classmethod
    def baru(cls) -> Keadaan:
        return cls(_S.DRAF)


@dataclass(frozen=True)
class HasilTransisi:
    """The state after an action (unchanged when refused), the findings, and whether the approvals just
    completed (`selesai`: the member becomes active now)."""

    keadaan: Keadaan
    temuan: tuple[Temuan, ...]
    selesai: bool

    @property
    def ok(self) -> bool:
        return not any(t.memblokir for t in self.temuan)

    @property
    def pesan(self) -> str:
        return "\n".join(str(t) for t in self.temuan)


# Statuses each action may start from.
_BOLEH: dict[Aksi, frozenset[StatusPermohonan]] = {
    Aksi.AJUKAN: frozenset({_S.DRAF}),
    Aksi.SETUJUI: frozenset({_S.DIAJUKAN}),
    Aksi.TOLAK: frozenset({_S.DIAJUKAN}),
    Aksi.BATALKAN: frozenset({_S.DRAF, _S.DIAJUKAN}),
    Aksi.TERBITKAN_SURAT_TUGAS: frozenset({_S.DISETUJUI}),
}
_KATA_KERJA = {
    Aksi.AJUKAN: ("mengajukan", "diajukan"),
    Aksi.SETUJUI: ("menyetujui", "disetujui"),
    Aksi.TOLAK: ("menolak", "ditolak"),
    Aksi.BATALKAN: ("membatalkan", "dibatalkan"),
    Aksi.TERBITKAN_SURAT_TUGAS: ("menerbitkan surat tugas untuk", "diterbitkan surat tugasnya"),
}


def aksi_tersedia(keadaan: Keadaan, alur: Alur) -> tuple[Aksi, ...]:
    """Actions the status allows (who may take them is checked by `transisi`)."""
    return tuple(a for a in Aksi if _status_membolehkan(a, keadaan.status, alur))


def langkah_berikut(keadaan: Keadaan, alur: Alur) -> Langkah | None:
    """The approval the request is waiting for, if any."""
    if keadaan.status is _S.DIAJUKAN and 0 <= keadaan.langkah_disetujui < len(alur.langkah):
        return alur.langkah[keadaan.langkah_disetujui]
    return None


def status_keanggotaan(keadaan: Keadaan, alur: Alur) -> StatusKeanggotaan:
    """The membership status the request gives: waiting until the last approval of `alur`, active after it
    (a route without steps is approved on submission, so it is never waiting)."""
    return _KEANGGOTAAN[keadaan.status]


_KEANGGOTAAN = {
    _S.DRAF: StatusKeanggotaan.USULAN,
    _S.DIAJUKAN: StatusKeanggotaan.MENUNGGU,
    _S.DISETUJUI: StatusKeanggotaan.AKTIF,
    _S.SURAT_TUGAS_TERBIT: StatusKeanggotaan.AKTIF,
    _S.DITOLAK: StatusKeanggotaan.DITOLAK,
    _S.DIBATALKAN: StatusKeanggotaan.DIBATALKAN,
}


def transisi(
    keadaan: Keadaan,
    aksi: Aksi,
    alur: Alur,
    *,
    pihak_pelaku: Pihak | None = None,
    alasan: str = "",
    isi: IsiSuratPermohonan | None = None,
    catatan_lisan: str = "",
    jawaban_ketersediaan: str = "",
    daftar_pegawai: Sequence[str] | str = (),
    profil: Profil | None = None,
) -> HasilTransisi:
    """Apply `aksi` to `keadaan` along `alur`; refused actions return the same state with errors.

    `pihak_pelaku`: who decides (SETUJUI, TOLAK): must be the party of the step awaited.
    `jawaban_ketersediaan`, `daftar_pegawai`: the availability answer and the pegawai assigned (a sequence,
    or a text with one pegawai per line), needed at the steps that carry them (lintas instansi); once given
    they are kept in the state, so a later step may use the ones on record.
    `profil`: where the four contents' rule comes from (default: the one `alur` was built with).
    """
    aksi = aksi if isinstance(aksi, Aksi) else Aksi.dari(str(aksi))
    salah = _periksa_keadaan(keadaan, alur)
    if salah:
        return _tolak(keadaan, [salah])
    if not _status_membolehkan(aksi, keadaan.status, alur):
        return _tolak(keadaan, [_temuan_status(keadaan, aksi, alur)])
    if aksi is Aksi.AJUKAN:
        aturan_isi = profil.persetujuan.isi_permohonan if profil is not None else alur.isi_permohonan
        return _ajukan(keadaan, alur, isi, catatan_lisan, aturan_isi)
    if aksi is Aksi.SETUJUI:
        return _setujui(keadaan, alur, pihak_pelaku, jawaban_ketersediaan, daftar_pegawai)
    if aksi is Aksi.TOLAK:
        return _tolak_permohonan(keadaan, alur, pihak_pelaku, alasan)
    if aksi is Aksi.BATALKAN:
        return HasilTransisi(replace(keadaan, status=_S.DIBATALKAN, alasan=alasan.strip()), (), False)
    return HasilTransisi(replace(keadaan, status=_S.SURAT_TUGAS_TERBIT), (), False)


def _ajukan(
    keadaan: Keadaan,
    alur: Alur,
    isi: IsiSuratPermohonan | None,
    catatan_lisan: str,
    aturan_isi: IsiPermohonan | None,
) -> HasilTransisi:
    temuan: list[Temuan] = []
    if alur.wajib_isi:
        temuan += _periksa_isi(isi, aturan_isi, alur.rujukan)
    catatan = catatan_lisan.strip()
    if alur.wajib_catatan_lisan and not catatan:
        temuan.append(
            Temuan(
                "catatan_lisan_kosong",
                f"Kolom catatan lisan wajib diisi: pengajuan sukarela ini disampaikan secara lisan kepada "
                f"{alur.sebutan}; catat apa yang disampaikan pegawai dan kapan.",
                alur.rujukan,
            )
        )
    if temuan:
        return _tolak(keadaan, temuan)
    baru = replace(keadaan, status=_S.DIAJUKAN, langkah_disetujui=0, catatan_lisan=catatan)
    if alur.berlaku_seketika:
        return HasilTransisi(replace(baru, status=_S.DISETUJUI), (), True)
    return HasilTransisi(baru, (), False)


def _setujui(
    keadaan: Keadaan,
    alur: Alur,
    pihak: Pihak | None,
    jawaban_ketersediaan: str,
    daftar_pegawai: Sequence[str] | str,
) -> HasilTransisi:
    i = keadaan.langkah_disetujui
    langkah = alur.langkah[i]
    temuan = _periksa_pihak(keadaan, alur, pihak, "menyetujui")
    jawaban = jawaban_ketersediaan.strip() or keadaan.jawaban_ketersediaan
    if isinstance(daftar_pegawai, str):  # as stored: one pegawai per line
        daftar_pegawai = daftar_pegawai.splitlines()
    daftar = tuple(d.strip() for d in daftar_pegawai if d.strip()) or keadaan.daftar_pegawai
    if alur.wajib_jawaban(i):
        if not jawaban:
            temuan.append(
                Temuan(
                    "jawaban_ketersediaan_kosong",
                    f"Kolom jawaban ketersediaan wajib diisi: keputusan {langkah.sebutan} pada langkah {i + 1} dari "
                    f"{len(alur.langkah)} disertai jawaban ketersediaan Pejabat Fungsional atau pelaksana yang sesuai "
                    "kriteria. Isi jawabannya sebelum menyetujui; bila tidak tersedia, tolak permohonan dengan alasan.",
                    langkah.rujukan,
                )
            )
        if not daftar:
            temuan.append(
                Temuan(
                    "daftar_pegawai_kosong",
                    f"Kolom daftar pegawai yang ditugaskan wajib diisi: jawaban pada langkah {i + 1} dari "
                    f"{len(alur.langkah)} disertai daftar Pejabat Fungsional atau pelaksana yang ditugaskan.",
                    langkah.rujukan,
                )
            )
    if temuan:
        return _tolak(keadaan, temuan)
    baru = replace(keadaan, langkah_disetujui=i + 1, jawaban_ketersediaan=jawaban, daftar_pegawai=daftar)
    if i + 1 == len(alur.langkah):
        return HasilTransisi(replace(baru, status=_S.DISETUJUI), (), True)
    return HasilTransisi(baru, (), False)


def _tolak_permohonan(keadaan: Keadaan, alur: Alur, pihak: Pihak | None, alasan: str) -> HasilTransisi:
    langkah = alur.langkah[keadaan.langkah_disetujui]
    temuan = _periksa_pihak(keadaan, alur, pihak, "menolak")
    if not alasan.strip():
        temuan.append(
            Temuan(
                "alasan_penolakan_kosong",
                f"Kolom alasan penolakan wajib diisi: {langkah.sebutan} menjawab permohonan dengan alasan mengapa "
                "tidak dapat menyetujuinya.",
                langkah.rujukan,
            )
        )
    if temuan:
        return _tolak(keadaan, temuan)
    return HasilTransisi(replace(keadaan, status=_S.DITOLAK, alasan=alasan.strip()), (), False)


def _periksa_pihak(keadaan: Keadaan, alur: Alur, pihak: Pihak | None, kata_kerja: str) -> list[Temuan]:
    i = keadaan.langkah_disetujui
    langkah = alur.langkah[i]
    if pihak is langkah.pihak:
        return []
    pelaku = f"bukan {pihak.label}" if pihak is not None else "sedangkan pihak yang memutus tidak disebut"
    return [
        Temuan(
            "pihak_tidak_berwenang",
            f"Yang berwenang {kata_kerja} pada langkah {i + 1} dari {len(alur.langkah)} adalah {langkah.sebutan} "
            f"({langkah.pihak.label}), {pelaku}. Mintakan keputusan kepada {langkah.sebutan}.",
            langkah.rujukan,
        )
    ]


def _status_membolehkan(aksi: Aksi, status: StatusPermohonan, alur: Alur) -> bool:
    if status not in _BOLEH[aksi]:
        return False
    return aksi is not Aksi.TERBITKAN_SURAT_TUGAS or alur.lintas


def _temuan_status(keadaan: Keadaan, aksi: Aksi, alur: Alur) -> Temuan:
    aktif, pasif = _KATA_KERJA[aksi]
    status = keadaan.status
    if aksi is Aksi.TERBITKAN_SURAT_TUGAS and status is _S.DISETUJUI:
        return Temuan(
            "surat_tugas_bukan_lintas",
            f"Surat tugas dari permohonan hanya diterbitkan untuk penugasan lintas unit atau lintas instansi; "
            f"{alur.jenis.label.lower()} {alur.lingkup.label.lower()} sudah berlaku sejak disetujui.",
            alur.rujukan,
        )
    boleh = " atau ".join(s.label.lower() for s in _S if s in _BOLEH[aksi])
    return Temuan(
        "status_tidak_sesuai",
        f"Tidak dapat {aktif} permohonan berstatus {status.label.lower()}: hanya permohonan berstatus {boleh} "
        f"yang dapat {pasif}. {_saran(keadaan, alur)}",
        alur.rujukan,
    )


def _saran(keadaan: Keadaan, alur: Alur) -> str:
    status = keadaan.status
    if status is _S.DRAF:
        return "Ajukan permohonan terlebih dahulu."
    if status is _S.DIAJUKAN:
        langkah = alur.langkah[keadaan.langkah_disetujui]
        return (
            f"Permohonan sedang menunggu keputusan {langkah.sebutan} "
            f"(langkah {keadaan.langkah_disetujui + 1} dari {len(alur.langkah)})."
        )
    if status is _S.DISETUJUI:
        if alur.lintas:
            return "Permohonan sudah disetujui; lanjutkan dengan menerbitkan surat tugas."
        return "Permohonan sudah disetujui dan penugasan sudah berlaku."
    if status is _S.SURAT_TUGAS_TERBIT:
        return "Surat tugas sudah terbit; permohonan ini sudah selesai."
    kata = "ditolak" if status is _S.DITOLAK else "dibatalkan"
    return f"Permohonan sudah {kata}; buat permohonan baru bila pegawai masih dibutuhkan."


def _periksa_keadaan(keadaan: Keadaan, alur: Alur) -> Temuan | None:
    n, i = len(alur.langkah), keadaan.langkah_disetujui
    if 0 <= i <= n and not (keadaan.status is _S.DIAJUKAN and i == n) and not (keadaan.status is _S.DRAF and i):
        return None
    return Temuan(
        "keadaan_tidak_sah",
        f"Keadaan permohonan tidak sah: berstatus {keadaan.status.label.lower()} dengan {i} langkah tercatat "
        f"disetujui, padahal alurnya memuat {n} langkah persetujuan. Periksa data permohonan ini.",
        alur.rujukan,
    )


def _tolak(keadaan: Keadaan, temuan: Sequence[Temuan]) -> HasilTransisi:
    return HasilTransisi(keadaan, tuple(temuan), False)
