"""Letters (naskah dinas): contexts, the sandboxed Jinja environment, checker, writers.

Pure: imports neither Textual nor the database layer.
"""

from sistemkerja_tui.surat.konteks import JenisSurat
from sistemkerja_tui.surat.lingkungan import TemplatTidakSah
from sistemkerja_tui.surat.penulis import KeluaranTidakSah, periksa_folder, tulis
from sistemkerja_tui.surat.periksa import periksa
from sistemkerja_tui.surat.render import HasilRender, render

__all__ = [
    "HasilRender",
    "JenisSurat",
    "KeluaranTidakSah",
    "TemplatTidakSah",
    "periksa",
    "periksa_folder",
    "render",
    "tulis",
]
