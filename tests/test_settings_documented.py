"""Every setting has a row in the README's settings table."""

from __future__ import annotations

from pathlib import Path

from bot.config import PREFIX, Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_in_the_readme():
    missing = []
    for name in Settings.model_fields:
        variable = f"{PREFIX}{name.upper()}"
        # grouped rows name the first variable in full and the others by suffix: `_PORT`
        words = name.upper().split("_")
        suffixes = {"_" + "_".join(words[i:]) for i in range(1, len(words))}
        if variable not in README and not any(f"`{suffix}`" in README for suffix in suffixes):
            missing.append(variable)
    assert not missing, missing
