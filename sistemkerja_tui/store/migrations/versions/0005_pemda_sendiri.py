"""A real Pemda: instansi letterhead fields, source ids for import, closed units, inactive pegawai.

`instansi.fiktif` marks the demo (before this revision only the demo wrote
instansi rows, so existing ones are marked); `sumber_id` / `pns_id` key a re-import; a unit or a
pegawai is never deleted by an import, only marked inactive.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("instansi", schema=None) as batch_op:
        batch_op.add_column(sa.Column("alamat", sa.String(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("telepon", sa.String(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("kode_klasifikasi", sa.String(), nullable=False, server_default="{}"))
        batch_op.add_column(sa.Column("fiktif", sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table("unit_organisasi", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sumber_id", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("aktif", sa.Boolean(), nullable=False, server_default=sa.true()))
        batch_op.create_index(batch_op.f("ix_unit_organisasi_sumber_id"), ["sumber_id"], unique=False)
    with op.batch_alter_table("pegawai", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pns_id", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("alasan_nonaktif", sa.String(), nullable=False, server_default=""))
        batch_op.create_index(batch_op.f("ix_pegawai_pns_id"), ["pns_id"], unique=False)
    # every instansi the demo ever wrote is fictional: the demo is the only thing that wrote instansi before
    instansi = sa.table("instansi", sa.column("fiktif", sa.Boolean))
    op.get_bind().execute(instansi.update().values(fiktif=True))


def downgrade() -> None:
    with op.batch_alter_table("pegawai", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pegawai_pns_id"))
        batch_op.drop_column("alasan_nonaktif")
        batch_op.drop_column("pns_id")
    with op.batch_alter_table("unit_organisasi", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_unit_organisasi_sumber_id"))
        batch_op.drop_column("aktif")
        batch_op.drop_column("sumber_id")
    with op.batch_alter_table("instansi", schema=None) as batch_op:
        batch_op.drop_column("fiktif")
        batch_op.drop_column("kode_klasifikasi")
        batch_op.drop_column("telepon")
        batch_op.drop_column("alamat")
