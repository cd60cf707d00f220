"""Fixtures shared by the whole suite. Harness fixtures are imported so any test can use them."""

from __future__ import annotations

import pytest

import knowledge.base as kb
from knowledge.base import Knowledge


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    """The shipped knowledge base, loaded and validated once per test session."""
    return kb.load()
