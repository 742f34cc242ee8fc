"""Fixtures for the app tests: the real Gradio app, launched on a free loopback port."""

from __future__ import annotations

import socket
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Served:
    url: str
    demo: object
    assistant: object
    settings: object

    def client(self):
        from gradio_client import Client

        return Client(self.url, verbose=False, analytics_enabled=False, download_files=tempfile.mkdtemp(prefix="tidlig-client-"))


@contextmanager
def serve(assistant, settings) -> Iterator[Served]:
    """Build and launch the app around ``assistant`` on a free loopback port; close it afterwards."""
    import app  # the entry point re-exports build_app and launch from ui

    demo = app.build_app(assistant, settings)
    _, url, _ = app.launch(demo, assistant, settings, prevent_thread_lock=True, server_name="127.0.0.1", server_port=free_port())
    try:
        yield Served(url, demo, assistant, settings)
    finally:
        demo.close()


@pytest.fixture(scope="session")
def served(assistant, bundled_settings) -> Iterator[Served]:
    """The app around the shared bundled-corpus assistant (read-only: tests must not upload to it)."""
    with serve(assistant, bundled_settings) as running:
        yield running


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    folder = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
