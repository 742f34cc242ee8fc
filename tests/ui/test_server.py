"""Serving with login: every route behind it, a rate limit on failed logins, upload size and privacy."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import httpx
import pytest

from tests.app.conftest import serve
from tests.conftest import CORPUS, make_settings
from ui.server import LOCKED_MESSAGE, LoginLimiter

USERS = {"leder": "hemmelig-1", "laerer": "hemmelig-2"}


def test_limiter_locks_a_key_after_five_failures_for_thirty_seconds():
    now = [1000.0]
    limiter = LoginLimiter(clock=lambda: now[0])
    for _ in range(4):
        limiter.failed("user:a", "address:1")
    assert limiter.remaining("user:a") == 0
    limiter.failed("user:a", "address:1")
    assert limiter.remaining("user:a") == 30 and limiter.remaining("user:b", "address:1") == 30
    now[0] += 29
    assert 0 < limiter.remaining("user:a") <= 1
    now[0] += 2
    assert limiter.remaining("user:a", "address:1") <= 0
    limiter.failed("user:a")
    limiter.succeeded("user:a")  # a success starts the count again
    for _ in range(4):
        limiter.failed("user:a")
    assert limiter.remaining("user:a") <= 0


@pytest.fixture(scope="module")
def auth_app(tmp_path_factory):
    from assistant import Assistant
    from index import CorpusIndex

    settings = make_settings(tmp_path_factory.mktemp("auth") / "data", auth_users=USERS, admin_users=["leder"], max_file_mb=0.05)
    index = CorpusIndex.open(settings)
    index.update([CORPUS / "bupl-kora-2017-socioekonomiske-fordelingsmodeller.txt"])
    with serve(Assistant(index, settings), settings) as running:
        yield running


def login(url: str, user: str, password: str) -> httpx.Response:
    return httpx.post(url + "login", data={"username": user, "password": password}, timeout=10)


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "openapi.json"), ("GET", "docs"), ("POST", "gradio_api/reset"), ("POST", "gradio_api/cancel"),
     ("GET", "gradio_api/info"), ("POST", "gradio_api/upload"), ("GET", "gradio_api/queue/data")],
)  # fmt: skip
def test_routes_require_login(auth_app, method, path):
    response = httpx.request(method, auth_app.url + path, timeout=10)
    assert response.status_code == 401, (path, response.status_code, response.text[:200])
    assert "Log ind for at bruge tidlig." in response.text


def test_login_page_and_health_stay_open_and_login_opens_the_rest(auth_app):
    assert httpx.get(auth_app.url, timeout=10).status_code == 200
    assert httpx.get(auth_app.url + "health", timeout=10).json()["status"] == "ok"
    response = login(auth_app.url, "leder", USERS["leder"])
    assert response.status_code == 200
    with httpx.Client(cookies=response.cookies, timeout=10) as client:
        assert client.get(auth_app.url + "openapi.json").status_code == 200


def test_uploads_are_limited_in_size_and_kept_private(auth_app, tmp_path):
    cookies = login(auth_app.url, "leder", USERS["leder"]).cookies
    small, large = tmp_path / "lille.txt", tmp_path / "stor.txt"
    small.write_text("Tidlig indsats. " * 100, encoding="utf-8")
    large.write_text("Tidlig indsats. " * 10_000, encoding="utf-8")  # 160 KB > 0.05 MB
    with httpx.Client(cookies=cookies, timeout=20) as client:
        refused = client.post(auth_app.url + "gradio_api/upload", files={"files": large.open("rb")})
        assert refused.status_code in (400, 413), refused.text[:300]
        accepted = client.post(auth_app.url + "gradio_api/upload", files={"files": small.open("rb")})
    assert accepted.status_code == 200, accepted.text[:300]
    stored = Path(accepted.json()[0])
    root = Path(os.environ["GRADIO_TEMP_DIR"])
    assert stored.is_relative_to(root)
    assert stat.S_IMODE(root.stat().st_mode) & 0o077 == 0  # no one else can open the folder


def test_failed_logins_lock_user_and_address_with_a_danish_message(auth_app):
    # Last in this module: the lock also holds the test's own address for 30 s.
    for _ in range(5):
        assert login(auth_app.url, "laerer", "forkert").status_code == 400
    locked = login(auth_app.url, "laerer", USERS["laerer"])
    assert locked.status_code == 400
    assert locked.json()["detail"].startswith(LOCKED_MESSAGE.split("{")[0])
    assert login(auth_app.url, "leder", USERS["leder"]).status_code == 400  # same address: locked too
