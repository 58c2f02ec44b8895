"""A decision recorded from the answering office's letter ("catat jawaban", mode sendiri).

On a puskesmas laptop the other unit's head is not there: their answer arrives as a letter (SRIKANDI or
paper). The transition then names who recorded it (`oleh_id`) and the letter it came from: the answering
office, the letter's number and date, and optionally the path of its scan.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("riwayat_permohonan", schema=None) as batch_op:
        batch_op.add_column(sa.Column("surat_dari", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("surat_nomor", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("surat_tanggal", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("surat_berkas", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("riwayat_permohonan", schema=None) as batch_op:
        for kolom in ("surat_berkas", "surat_tanggal", "surat_nomor", "surat_dari"):
            batch_op.drop_column(kolom)
