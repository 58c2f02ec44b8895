"""The app's log: stdlib `logging` to a rotating file in the user's log folder, private to the user.

Nothing happens at import. `siapkan` attaches the handler to the
`sistemkerja_tui` logger only (not the root logger: SQLAlchemy's engine
logger would otherwise write SQL parameters there); the folder (0700) and
the file (0600) are made on the first record. Every record is scrubbed
(`saring`): SQLAlchemy's `[parameters: …]`, NIPs and dates never reach the file.
"""

from __future__ import annotations

import io
import logging
import os
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

_Jejak = tuple[type[BaseException], BaseException, TracebackType | None]

NAMA_LOGGER = "sistemkerja_tui"
NAMA_BERKAS = "sistemkerja.log"
TINGKAT_BAWAAN = "WARNING"
UKURAN_MAKS = 1_000_000  # bytes per file
CADANGAN = 3  # sistemkerja.log.1 … .3

_SARINGAN = (
    # SQLAlchemy's exception text ends with "[parameters: (...)]" on one line (repr is single-line).
    (re.compile(r"\[parameters: [^\n]*"), "[parameters: disembunyikan]"),
    # NIP: 18 digits, plain or grouped "19670416 199303 1 015".
    (re.compile(r"(?<!\d)\d{8}[ .]?\d{6}[ .]?\d[ .]?\d{3}(?!\d)"), "[NIP]"),
    # Dates (birth dates among them): ISO text and Python reprs.
    (re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)"), "[tanggal]"),
    (re.compile(r"datetime\.(?:date|datetime)\([^)]*\)"), "[tanggal]"),
)


def saring(teks: str) -> str:
    """`teks` without SQL parameters, NIPs or dates."""
    for pola, ganti in _SARINGAN:
        teks = pola.sub(ganti, teks)
    return teks


def berkas_catatan() -> Path:
    """The log file: `sistemkerja.log` in platformdirs' user log folder."""
    from platformdirs import user_log_path

    return user_log_path("sistemkerja", appauthor=False) / NAMA_BERKAS


class _Penyaring(logging.Formatter):
    """Formats a record with its message and traceback scrubbed (the time stamp is left alone)."""

    def format(self, record: logging.LogRecord) -> str:
        salinan = logging.makeLogRecord(record.__dict__)
        salinan.msg, salinan.args = saring(record.getMessage()), None
        return super().format(salinan)

    def formatException(self, ei: _Jejak | tuple[None, None, None]) -> str:
        return saring(super().formatException(ei))

    def formatStack(self, stack_info: str) -> str:
        return saring(super().formatStack(stack_info))


class _BerkasPribadi(RotatingFileHandler):
    """Rotating file made 0600 in a 0700 folder on first use; a failure to write is silent but remembered."""

    gagal = False

    def _open(self) -> io.TextIOWrapper:
        from sistemkerja_tui import paths

        paths.ensure_private_dir(Path(self.baseFilename).parent)
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.fchmod(fd, 0o600)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)

    def handleError(self, record: logging.LogRecord) -> None:  # never a traceback on screen
        self.gagal = True


_penangan: _BerkasPribadi | None = None


def siapkan(tingkat: str = TINGKAT_BAWAAN, berkas: Path | None = None) -> Path:
    """Log records of `tingkat` and above from `sistemkerja_tui` to `berkas`; returns the file.

    Called again, it replaces the previous handler (a new level or file).
    """
    global _penangan
    berkas = berkas or berkas_catatan()
    logger = logging.getLogger(NAMA_LOGGER)
    if _penangan is not None:
        logger.removeHandler(_penangan)
        _penangan.close()
    _penangan = _BerkasPribadi(berkas, maxBytes=UKURAN_MAKS, backupCount=CADANGAN, encoding="utf-8", delay=True)
    _penangan.setFormatter(_Penyaring("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"))
    logger.addHandler(_penangan)
    logger.setLevel(tingkat)
    logger.propagate = False
    return berkas


def catat_galat(galat: BaseException, konteks: str) -> Path | None:
    """Log an unexpected `galat` with its traceback; the log file, or None when it could not be written.

    Sets the log up at the default level if nothing did before.
    """
    if _penangan is None:
        siapkan()
    assert _penangan is not None
    _penangan.gagal = False
    jejak: _Jejak = (type(galat), galat, galat.__traceback__)
    logging.getLogger(NAMA_LOGGER).error("Galat tak terduga: %s", konteks, exc_info=jejak)
    return None if _penangan.gagal else Path(_penangan.baseFilename)


def pemberitahuan(berkas: Path | None) -> str:
    """The short notice shown for an unexpected error."""
    if berkas is None:
        return "Terjadi galat tak terduga; rinciannya tidak dapat dicatat (folder log tidak dapat ditulis)."
    return f"Terjadi galat tak terduga; rinciannya dicatat di {berkas}"
