"""The focus of a screen that is shown again: on its main widget, so j/k work at once (no Tab needed)."""

from __future__ import annotations

from textual.screen import Screen


def fokus_utama(layar: Screen) -> None:
    """Focus the screen's main widget (its AUTO_FOCUS) unless a shown, focusable widget of it has the focus."""
    fokus = layar.focused
    if fokus is not None and fokus.is_attached and fokus.display and fokus.focusable:
        return
    if layar.AUTO_FOCUS:
        for widget in layar.query(layar.AUTO_FOCUS):
            if widget.focusable:
                layar.set_focus(widget)
                return
