"""What a password of a mode "bersama" account must be, and the temporary one an administrator hands out."""

from __future__ import annotations

PANJANG_MIN = 10
_HURUF_SEMENTARA = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read aloud or copied from paper


def periksa_sandi(sandi: str, *, nip: str, lama: str | None = None) -> str | None:
    """Why `sandi` cannot be the new password of the account of `nip` (Indonesian), or None when it can."""
    if len(sandi) < PANJANG_MIN:
        return f"Kata sandi baru terlalu pendek: minimal {PANJANG_MIN} karakter."
    if sandi.strip() != sandi:
        return "Kata sandi baru tidak boleh diawali atau diakhiri spasi."
    if nip and nip in "".join(sandi.split()):
        return "Kata sandi baru tidak boleh memuat NIP."
    if lama is not None and sandi == lama:
        return "Kata sandi baru harus berbeda dari kata sandi lama."
    if len(set(sandi)) < 4:
        return "Kata sandi baru terlalu mudah ditebak: pakai campuran huruf dan angka yang beragam."
    return None


def sandi_sementara() -> str:
    """A random temporary password, e.g. 'k7mq-x4pt-9wze' (changed at the first login)."""
    import secrets  # here, not at the top: the login rules are imported at every start-up, `secrets` ~2 ms

    return "-".join("".join(secrets.choice(_HURUF_SEMENTARA) for _ in range(4)) for _ in range(3))


def jeda_gagal(gagal: int) -> float:
    """Seconds to wait before answering after `gagal` failed logins in a row: 1, 2, 4, 8, then 8."""
    return float(min(2 ** max(gagal - 1, 0), 8))
