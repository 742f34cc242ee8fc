"""Shared fixtures. The offline guard is imported before anything heavy, as in every entry point."""

from __future__ import annotations

import socket

import tidlig.offline  # noqa: F401  (must precede heavy imports)

import pytest

from tests import network_guard


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any connection to a non-loopback address (see tests/test_network_guard.py)."""
    monkeypatch.setattr(socket, "socket", network_guard.GuardedSocket)
    monkeypatch.setattr(socket, "getaddrinfo", network_guard.guarded_getaddrinfo)
