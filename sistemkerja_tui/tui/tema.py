"""The house theme."""

from textual.theme import Theme

TEMA_RUMAH = Theme(
    name="sistemkerja",
    primary="#2E7D6B",
    secondary="#C9A227",
    accent="#4FB3A0",
    warning="#E0A526",
    error="#D9534F",
    success="#5CB85C",
    foreground="#E6EDEA",
    background="#0F1A17",
    surface="#15231F",
    panel="#1C2E29",
    dark=True,
)
