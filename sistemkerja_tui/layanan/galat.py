"""The one error a use case raises: the action was refused, nothing was saved.

`DatabaseError` (busy, read-only, full or damaged database; the message is
Indonesian) is re-exported here so the TUI, which imports only `layanan`,
can tell it apart from a refusal.
"""

from __future__ import annotations

from collections.abc import Iterable

from sistemkerja_tui.aturan.temuan import Temuan
from sistemkerja_tui.store.galat import DatabaseError

__all__ = ["DatabaseError", "Ditolak", "tolak_jika_error"]


class Ditolak(Exception):
    """Refused with findings (errors) or a plain message; the database is unchanged."""

    def __init__(self, alasan: str | Iterable[Temuan]) -> None:
        if isinstance(alasan, str):
            self.temuan: tuple[Temuan, ...] = ()
            pesan = alasan
        else:
            self.temuan = tuple(alasan)
            pesan = "\n".join(str(t) for t in self.temuan)
        super().__init__(pesan)
        self.pesan = pesan


def tolak_jika_error(temuan: Iterable[Temuan]) -> list[Temuan]:
    """Raise `Ditolak` with the errors among `temuan`; return the warnings."""
    temuan = list(temuan)
    error = [t for t in temuan if t.memblokir]
    if error:
        raise Ditolak(error)
    return [t for t in temuan if not t.memblokir]
