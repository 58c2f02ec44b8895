"""The letter checker: findings on a context before it is rendered."""

from __future__ import annotations

from sistemkerja_tui.aturan.temuan import Temuan, Tingkat
from sistemkerja_tui.surat.konteks import (
    IsiPermohonan,
    JenisSurat,
    Konteks,
    KonteksKeputusanTim,
    KonteksNotaDinas,
    KonteksPenolakan,
    KonteksPermohonanLintasInstansi,
    KonteksPermohonanPelibatan,
    KonteksPersetujuan,
    KonteksRekomendasiPenilaian,
    KonteksSukarelaLintasUnit,
    KonteksSuratTugas,
    Penandatangan,
)

PERBUP = "Perbup Luwu Utara 59/2023"
PASAL_44 = "Permendagri 1/2023 Pasal 44"
R_LINTAS_UNIT = f"{PERBUP}, Lampiran Bab II huruf B angka 2 huruf a angka 2) huruf a)"
R_PENOLAKAN = f"{PERBUP}, Lampiran Bab II huruf B angka 2 huruf a angka 2) huruf d)"
R_LINTAS_INSTANSI = f"{PERBUP}, Lampiran Bab II huruf B angka 2 huruf a angka 3) huruf a)"
R_ISI_PERMOHONAN = f"{PERBUP}, Lampiran Bab II huruf B angka 2 huruf a (isi surat permohonan pelibatan)"
R_SUKARELA = f"{PERBUP}, Lampiran Bab II huruf B angka 2 huruf b angka 2) huruf a)"

RUJUKAN_FORMAT = {
    JenisSurat.KEPUTUSAN_TIM: f"{PERBUP}, Format Naskah Dinas huruf a",
    JenisSurat.SURAT_TUGAS: f"{PERBUP}, Format Naskah Dinas huruf b",
    JenisSurat.PERMOHONAN_PELIBATAN: f"{PERBUP}, Format Naskah Dinas huruf d",
    JenisSurat.NOTA_DINAS: f"{PERBUP}, Format Naskah Dinas huruf e",
    JenisSurat.PERSETUJUAN_ANGGOTA: f"{PERBUP}, Format Naskah Dinas huruf f",
    JenisSurat.PENOLAKAN: R_PENOLAKAN,
    JenisSurat.PERMOHONAN_LINTAS_INSTANSI: R_LINTAS_INSTANSI,
    JenisSurat.SUKARELA_LINTAS_UNIT: R_SUKARELA,
    JenisSurat.REKOMENDASI_PENILAIAN: f"{PERBUP}, Format Naskah Dinas huruf g",
}

_ISI = (
    ("maksud_tujuan", "maksud dan tujuan"),
    ("kompetensi", "kompetensi, keahlian, dan/atau keterampilan yang dibutuhkan"),
    ("ekspektasi", "ekspektasi/target kinerja"),
    ("durasi", "durasi pelibatan"),
)


def _kosong(kode: str, isian: str, pesan: str, rujukan: str, tingkat: Tingkat = "error") -> Temuan:
    return Temuan(kode, f"Isian '{isian}' kosong: {pesan}", rujukan, tingkat)


def _penandatangan(p: Penandatangan | None, rujukan: str) -> list[Temuan]:
    if p is None:
        return [_kosong("penandatangan_kosong", "penandatangan", "surat harus ditandatangani pejabat.", rujukan)]
    nama = p.orang.nama_bergelar
    if p.plt_plh not in (None, "Pj.", "Plt.", "Plh."):
        return [
            Temuan(
                "awalan_tidak_dikenal",
                f"Awalan jabatan '{p.plt_plh}' tidak dikenal; pakai Pj., Plt., atau Plh.",
                PASAL_44,
            )
        ]
    if not p.cantumkan_nip:
        if p.orang.nip or p.orang.pangkat_golongan:
            return [
                Temuan(
                    "nip_tidak_dicantumkan",
                    f"{nama} menandatangani sebagai Kepala Daerah/Wakil/Sekretaris Daerah: NIP dan "
                    "pangkat/golongan tidak dicantumkan pada blok tanda tangan.",
                    f"{PASAL_44} ayat (3)-(5)",
                    "peringatan",
                )
            ]
        return []
    temuan = []
    if not p.orang.nip:
        temuan.append(
            _kosong(
                "nip_penandatangan_kosong",
                "penandatangan.nip",
                f"NIP {nama} wajib dicantumkan di bawah nama penanda tangan.",
                f"{PASAL_44} ayat (3)",
                "peringatan",
            )
        )
    if not p.orang.pangkat_golongan:
        temuan.append(
            _kosong(
                "pangkat_penandatangan_kosong",
                "penandatangan.pangkat_golongan",
                f"pangkat/golongan {nama} wajib dicantumkan di bawah nama penanda tangan.",
                f"{PASAL_44} ayat (3)",
                "peringatan",
            )
        )
    if p.untuk_beliau and not p.atas_nama:
        temuan.append(
            Temuan(
                "ub_tanpa_an",
                "u.b. dipakai tanpa a.n.: isikan jabatan yang diwakili (atas nama).",
                PASAL_44,
                "peringatan",
            )
        )
    return temuan


def _isi_permohonan(isi: IsiPermohonan) -> list[Temuan]:
    return [
        _kosong(
            "isi_permohonan_kosong",
            f"isi.{kunci}",
            f"surat permohonan pelibatan paling sedikit memuat {label}.",
            R_ISI_PERMOHONAN,
        )
        for kunci, label in _ISI
        if not getattr(isi, kunci).strip()
    ]


def _wajib(konteks: Konteks, rujukan: str, *isian: str) -> list[Temuan]:
    return [
        _kosong(f"{nama}_kosong", nama, "isian ini wajib ada dalam surat.", rujukan)
        for nama in isian
        if not getattr(konteks, nama)
    ]


def _sukarela(konteks: KonteksSukarelaLintasUnit, rujukan: str) -> list[Temuan]:
    temuan = _wajib(konteks, rujukan, "pemohon", "nama_tim", "kinerja", "kompetensi")
    if len(konteks.kepala.tembusan) < 2:
        temuan.append(
            Temuan(
                "tembusan_kurang",
                "Tembusan kurang: surat pengajuan sukarela lintas unit ditembuskan kepada Pejabat Penilai "
                "Kinerja dan Pimpinan Unit Organisasi pemohon.",
                R_SUKARELA,
                "peringatan",
            )
        )
    if konteks.penyetuju is not None:
        temuan += _penandatangan(konteks.penyetuju, rujukan)
    return temuan


def _belum_dibuat(konteks: KonteksSuratTugas | KonteksPersetujuan | KonteksPenolakan, rujukan: str) -> list[Temuan]:
    """A letter this one cites that is not in the register yet: say which to make first."""
    return [
        Temuan(
            "rujukan_belum_dibuat",
            f"Surat yang dirujuk belum dibuat: buat dan daftarkan dahulu {nama}, lalu buat surat ini agar nomor "
            "dan tanggalnya dapat dikutip.",
            rujukan,
        )
        for nama in konteks.rujukan_belum_dibuat
    ]


def periksa(jenis: JenisSurat, konteks: Konteks) -> list[Temuan]:
    """Findings for `konteks` as a letter of kind `jenis`; errors block the export."""
    rujukan = RUJUKAN_FORMAT[jenis]
    k = konteks.kepala
    temuan: list[Temuan] = []
    if k.tanggal is None:
        temuan.append(_kosong("tanggal_kosong", "kepala.tanggal", "surat harus bertanggal.", rujukan))
    if jenis is not JenisSurat.SUKARELA_LINTAS_UNIT and not k.nomor.strip():
        temuan.append(_kosong("nomor_kosong", "kepala.nomor", "surat harus bernomor.", rujukan))
    if jenis not in (JenisSurat.KEPUTUSAN_TIM, JenisSurat.SURAT_TUGAS):
        if not k.kepada:
            temuan.append(_kosong("kepada_kosong", "kepala.kepada", "sebutkan pejabat yang dituju.", rujukan))
        if not k.hal.strip():
            temuan.append(_kosong("hal_kosong", "kepala.hal", "sebutkan hal surat.", rujukan))

    if isinstance(konteks, KonteksSukarelaLintasUnit):
        return temuan + _sukarela(konteks, rujukan)
    temuan += _penandatangan(konteks.penandatangan, rujukan)

    match konteks:
        case KonteksKeputusanTim():
            temuan += _wajib(konteks, rujukan, "penetap", "nama_tim", "menimbang", "mengingat", "tugas")
            if konteks.ketua is None:
                temuan.append(
                    _kosong("ketua_kosong", "ketua", "Keputusan pembentukan tim harus menyebut Ketua Tim.", rujukan)
                )
            if not konteks.anggota:
                temuan.append(_kosong("anggota_kosong", "anggota", "tim harus beranggota.", rujukan))
        case KonteksSuratTugas():
            temuan += _wajib(konteks, rujukan, "dasar", "pegawai", "untuk") + _belum_dibuat(konteks, rujukan)
            if konteks.selesai < konteks.mulai:
                temuan.append(Temuan("masa_tugas_terbalik", "Tanggal selesai tugas mendahului tanggal mulai.", rujukan))
            if konteks.ppk is None and not konteks.ppk_masing_masing:
                temuan.append(
                    _kosong(
                        "ppk_kosong",
                        "ppk",
                        "sebutkan Pejabat Penilai Kinerja tempat hasil tugas dilaporkan.",
                        rujukan,
                        "peringatan",
                    )
                )
        case KonteksPermohonanPelibatan():
            temuan += _isi_permohonan(konteks.isi)
            if not k.tembusan:
                temuan.append(
                    Temuan(
                        "tembusan_kosong",
                        "Tembusan kosong: surat permohonan pelibatan lintas unit ditembuskan kepada Pejabat "
                        "Penilai Kinerja bersangkutan.",
                        R_LINTAS_UNIT,
                        "peringatan",
                    )
                )
        case KonteksPermohonanLintasInstansi():
            temuan += _isi_permohonan(konteks.isi) + _wajib(konteks, rujukan, "instansi_tujuan")
            if not k.tembusan:
                temuan.append(
                    Temuan(
                        "tembusan_kosong",
                        "Tembusan kosong: surat permohonan pelibatan lintas instansi kepada Pejabat yang Berwenang "
                        "ditembuskan kepada Pejabat Penilai Kinerja bersangkutan di instansi sendiri.",
                        R_LINTAS_INSTANSI,
                        "peringatan",
                    )
                )
        case KonteksNotaDinas():
            temuan += _isi_permohonan(konteks.isi) + _wajib(konteks, rujukan, "dari")
        case KonteksPersetujuan():
            temuan += _wajib(konteks, rujukan, "pegawai", "nama_tim") + _belum_dibuat(konteks, rujukan)
        case KonteksPenolakan():
            temuan += _wajib(konteks, rujukan, "nama_tim") + _belum_dibuat(konteks, rujukan)
            if not any(a.strip() for a in konteks.alasan):
                temuan.append(
                    _kosong(
                        "alasan_kosong",
                        "alasan",
                        "penolakan permohonan pelibatan harus menyebut alasannya.",
                        R_PENOLAKAN,
                    )
                )
        case KonteksRekomendasiPenilaian():
            temuan += _wajib(konteks, rujukan, "nama_tim", "rekomendasi")
            if konteks.selesai < konteks.mulai:
                temuan.append(
                    Temuan("masa_tugas_terbalik", "Tanggal berakhirnya tugas tim mendahului tanggal mulai.", rujukan)
                )
    return temuan
