"""Where things live: shipped resources and the user's folders.

Nothing here touches the disk at import time; folders are created only by
the functions that need them, private to the user (0700).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

APP_NAME = "sistemkerja"
_PACKAGE = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """`data` or `templates`: inside the wheel (`_data`) or the source tree."""
    bundled = _PACKAGE / f"_{name}"
    if bundled.is_dir():
        return bundled
    return _PACKAGE.parent / name


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and parents) readable only by the user."""
    path.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o700)
    return path
