"""A DPMPTSP unit type, and the Sekda's recommendation among the Penanggungjawab candidates of a team.

`unit_organisasi.jenis` accepts `dpmptsp` (Perbup Klaten 34/2024 Pasal 1 angka 23 and Pasal 13 ayat (1): a
Penanggungjawab is appointed only there); `tim_kerja.rekomendasi_pj_id` / `rekomendasi_pj_catatan` hold the
Sekretaris Daerah's recommendation (Pasal 13 ayat (3) huruf c), as `rekomendasi_ketua_id` does for the ketua.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_JENIS_LAMA = (
    "jenis IN ('sekretariat_daerah', 'asisten', 'bagian', 'sekretariat_dprd', 'inspektorat', "
    "'inspektur_pembantu', 'dinas', 'badan', 'satuan', 'sekretariat', 'bidang', 'seksi', "
    "'subbagian', 'kecamatan', 'kelurahan', 'uptd', 'puskesmas', 'rsud', 'sekolah')"
)
_JENIS_BARU = (
    "jenis IN ('sekretariat_daerah', 'asisten', 'bagian', 'sekretariat_dprd', 'inspektorat', "
    "'inspektur_pembantu', 'dinas', 'dpmptsp', 'badan', 'satuan', 'sekretariat', 'bidang', 'seksi', "
    "'subbagian', 'kecamatan', 'kelurahan', 'uptd', 'puskesmas', 'rsud', 'sekolah')"
)


def upgrade() -> None:
    with op.batch_alter_table("unit_organisasi", schema=None) as batch_op:
        batch_op.drop_constraint("ck_jenis_sah", type_="check")
        batch_op.create_check_constraint("ck_jenis_sah", _JENIS_BARU)
    with op.batch_alter_table("tim_kerja", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rekomendasi_pj_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("rekomendasi_pj_catatan", sa.String(), nullable=False, server_default=""))
        batch_op.create_foreign_key(
            batch_op.f("fk_tim_kerja_rekomendasi_pj_id_pegawai"), "pegawai", ["rekomendasi_pj_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("tim_kerja", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_tim_kerja_rekomendasi_pj_id_pegawai"), type_="foreignkey")
        batch_op.drop_column("rekomendasi_pj_catatan")
        batch_op.drop_column("rekomendasi_pj_id")
    with op.batch_alter_table("unit_organisasi", schema=None) as batch_op:
        batch_op.drop_constraint("ck_jenis_sah", type_="check")
        batch_op.create_check_constraint("ck_jenis_sah", _JENIS_LAMA)
