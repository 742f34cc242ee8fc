import socket
import threading
import urllib.request

import pytest

from tests.network_guard import NetworkAccessBlocked


def test_connection_to_public_address_fails():
    with pytest.raises(NetworkAccessBlocked):
        socket.create_connection(("93.184.216.34", 80), timeout=1)


def test_name_lookup_of_public_host_fails():
    # urllib wraps the guard's error in URLError (an OSError) but keeps its message.
    with pytest.raises(OSError, match="non-loopback host 'example.org'"):
        urllib.request.urlopen("http://example.org/", timeout=1)


def test_private_network_address_is_not_loopback():
    sock = socket.socket()
    with pytest.raises(NetworkAccessBlocked):
        sock.connect(("10.0.0.1", 80))
    sock.close()


def test_loopback_connection_still_works():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    port = server.getsockname()[1]
    accepted = threading.Thread(target=lambda: server.accept()[0].close())
    accepted.start()
    with socket.create_connection(("localhost", port), timeout=2):
        pass
    accepted.join(2)
    server.close()
