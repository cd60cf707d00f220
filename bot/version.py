"""The installed version (from the package metadata; the source tree's pyproject otherwise)."""

from __future__ import annotations

from importlib import metadata

try:
    VERSION = metadata.version("schutzlotse")
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    VERSION = "0+unknown"
