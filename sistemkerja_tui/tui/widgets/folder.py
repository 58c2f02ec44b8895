"""An output folder that does not exist yet is offered for creation (private, 0700) before an export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.dom import DOMNode

from sistemkerja_tui.tui.screens.dialog import DialogKonfirmasi


def pastikan_folder(node: DOMNode, folder: Path, lanjut: Callable[[Path], None]) -> None:
    """Call `lanjut(folder)`; when `folder` is missing (and can be made), ask first, then create it."""
    app = node.app
    if not _dapat_dibuat(folder):
        lanjut(folder)  # present, or unusable: the export itself says why
        return

    def jawab(ya: bool | None) -> None:
        if not ya:
            return
        try:
            buat_folder(folder)
        except OSError as e:
            app.notify(f"Folder {folder} tidak dapat dibuat: {e.strerror}; pilih folder lain.", severity="error")
            return
        lanjut(folder)

    app.push_screen(
        DialogKonfirmasi(f"Folder {folder} belum ada. Buat sekarang (hanya dapat dibuka oleh Anda)?"), jawab
    )


def _dapat_dibuat(folder: Path) -> bool:
    """True when `folder` is missing and its nearest existing ancestor is a folder."""
    if folder.exists():
        return False
    ada = next((p for p in folder.parents if p.exists()), None)
    return ada is not None and ada.is_dir()


def buat_folder(folder: Path) -> None:
    """Create `folder` and its missing parents, each private to the user (0700)."""
    for p in [*reversed(folder.parents), folder]:
        if not p.exists():
            p.mkdir(mode=0o700)
