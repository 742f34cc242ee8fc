"""Refuse every connection that leaves the machine, so a test that reaches for the network fails."""

from __future__ import annotations

import ipaddress
import socket

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", ""}


class NetworkAccessBlocked(ConnectionError):
    """A test tried to reach a non-loopback address."""


def is_loopback(host: object) -> bool:
    if not isinstance(host, str):
        return False
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _check(sock: socket.socket, address: object) -> None:
    if sock.family == socket.AF_UNIX:
        return
    host = address[0] if isinstance(address, tuple) else address
    if not is_loopback(host):
        raise NetworkAccessBlocked(f"test tried to connect to non-loopback address {address!r}")


class GuardedSocket(socket.socket):
    def connect(self, address):  # noqa: D102 - same contract as socket.connect
        _check(self, address)
        return super().connect(address)

    def connect_ex(self, address):  # noqa: D102
        _check(self, address)
        return super().connect_ex(address)


_original_getaddrinfo = socket.getaddrinfo


def guarded_getaddrinfo(host, *args, **kwargs):
    """Name lookups leave the machine too (DNS); allow only loopback names and literal loopback IPs."""
    name = host.decode() if isinstance(host, bytes) else host
    if name is not None and not is_loopback(name):
        raise NetworkAccessBlocked(f"test tried to resolve non-loopback host {name!r}")
    return _original_getaddrinfo(host, *args, **kwargs)
