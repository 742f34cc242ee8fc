"""Serving the app: login with a rate limit, every route behind the login, upload limits, /health,
and leftovers of interrupted uploads swept into quarantine before anything is served.

Gradio protects its own event routes when ``auth`` is set, but not FastAPI's ``/openapi.json`` and
``/docs`` nor ``/gradio_api/reset`` and ``/gradio_api/cancel``; :class:`LoginRequired` closes every
route except the login page's own. Failed logins are counted per user name and per client address;
after ``MAX_FAILURES`` the login is refused for ``LOCKOUT_S`` seconds with a Danish message.
"""

from __future__ import annotations

import contextvars
import hmac
import logging
import os
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import gradio as gr

from assistant import Assistant
from ingest.quarantine import quarantine_dir, sweep_incoming
from tidlig.settings import Settings

log = logging.getLogger("tidlig.app")

MAX_FAILURES = 5
LOCKOUT_S = 30.0
LOCKED_MESSAGE = "For mange forkerte login-forsøg. Vent {seconds} sekunder, og prøv igen."
LOGIN_MESSAGE = "Log ind for at bruge tidlig."
# What the login page itself needs before anyone has logged in (exact paths and prefixes).
PUBLIC_PATHS = {
    "/", "/login", "/login/", "/logout", "/config", "/config/", "/gradio_api/config", "/health",
    "/favicon.ico", "/theme.css", "/manifest.json", "/login_check", "/login_check/", "/gradio_api/login_check",
    "/app_id", "/gradio_api/app_id", "/token", "/gradio_api/token", "/user", "/gradio_api/user",
    "/gradio_api/startup-events",  # launch() itself calls it before anyone can log in
}  # fmt: skip
PUBLIC_PREFIXES = ("/assets/", "/static/", "/gradio_api/assets/", "/gradio_api/static/", "/svelte/", "/gradio_api/svelte/")

_client_address: contextvars.ContextVar[str] = contextvars.ContextVar("client_address", default="")


class LoginLimiter:
    """Failed logins per key (a user name or an address); a key with MAX_FAILURES failures in a row is
    locked for LOCKOUT_S seconds. ``clock`` is passed in so tests need not sleep."""

    def __init__(self, max_failures: int = MAX_FAILURES, lockout_s: float = LOCKOUT_S, clock: Callable[[], float] = time.monotonic):
        self.max_failures = max_failures
        self.lockout_s = lockout_s
        self.clock = clock
        self._failures: dict[str, int] = {}
        self._locked_until: dict[str, float] = {}
        self._lock = threading.Lock()

    def remaining(self, *keys: str) -> float:
        """Seconds until all ``keys`` may try again (0 when none is locked)."""
        now = self.clock()
        with self._lock:
            return max([0.0, *(self._locked_until.get(key, now) - now for key in keys)])

    def failed(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                self._failures[key] = self._failures.get(key, 0) + 1
                if self._failures[key] >= self.max_failures:
                    self._locked_until[key] = self.clock() + self.lockout_s
                    self._failures[key] = 0

    def succeeded(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)


def login_check(settings: Settings, limiter: LoginLimiter) -> Callable[[str, str], bool]:
    """Gradio's ``auth`` callable: the users of ``settings.auth_users``, rate-limited."""
    from fastapi import HTTPException

    def check(username: str, password: str) -> bool:
        keys = (f"user:{username.lower()}", f"address:{_client_address.get()}")
        wait = limiter.remaining(*keys)
        if wait > 0:
            log.warning("login refused: locked for %.0f s after repeated failures", wait)
            # 400 is the status Gradio's login page answers with its (Danish, see assets/i18n.json) error line.
            raise HTTPException(status_code=400, detail=LOCKED_MESSAGE.format(seconds=max(1, round(wait))))
        secret = settings.auth_users.get(username)
        if secret is not None and hmac.compare_digest(password.encode(), secret.get_secret_value().encode()):
            limiter.succeeded(*keys)
            return True
        limiter.failed(*keys)
        log.warning("login failed")
        return False

    return check


def login_required_middleware(settings: Settings) -> Any:
    """A Starlette middleware that answers 401 for any route but the login page's own until the
    client has logged in (only when ``auth_users`` is set)."""
    from starlette.middleware import Middleware
    from starlette.middleware.base import BaseHTTPMiddleware
    from starlette.responses import JSONResponse

    class LoginRequired(BaseHTTPMiddleware):
        async def dispatch(self, request, call_next):
            _client_address.set(request.client.host if request.client else "")
            path = request.url.path
            if not settings.auth_users or path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES):
                return await call_next(request)
            app = request.app
            cookie_id = getattr(app, "cookie_id", "")
            token = request.cookies.get(f"access-token-{cookie_id}") or request.cookies.get(f"access-token-unsecure-{cookie_id}")
            if token and token in getattr(app, "tokens", {}):
                return await call_next(request)
            log.info("refused %s %s without login", request.method, path)
            return JSONResponse({"detail": LOGIN_MESSAGE}, status_code=401)

    return Middleware(LoginRequired)


def private_upload_folder() -> Path:
    """Gradio keeps uploads in GRADIO_TEMP_DIR (default /tmp/gradio, readable by every local user):
    point it at a folder only this user can open. Must run before the Blocks are built."""
    current = os.environ.get("GRADIO_TEMP_DIR")
    if current and Path(current).is_dir() and (Path(current).stat().st_mode & 0o077) == 0:
        return Path(current)
    folder = Path(tempfile.mkdtemp(prefix="tidlig-uploads-"))  # mode 0700
    os.environ["GRADIO_TEMP_DIR"] = str(folder)
    return folder


def health(assistant: Assistant) -> Any:
    """GET /health for a load balancer: 200 with document and chunk counts, 503 when the index fails."""
    from fastapi.responses import JSONResponse

    def endpoint():  # no return annotation: FastAPI would read it as a response schema
        try:
            index = assistant.index
            return JSONResponse({"status": "ok", "documents": len(index.documents()), "chunks": len(index.passages)})
        except Exception:
            log.exception("health check failed")
            return JSONResponse({"status": "error"}, status_code=503)

    return endpoint


def sweep_uploads(settings: Settings) -> list[Path]:
    """Before uploads are accepted: quarantine what a killed upload left in ``uploads/`` (a half-copied
    staged file, an old ``.bak`` copy), so no later index run picks it up."""
    moved = sweep_incoming(settings.uploads_dir, quarantine_dir(settings.data_dir))
    if moved:
        log.warning("start-up: %d leftover(s) of interrupted uploads quarantined: %s", len(moved), [p.name for p in moved])
    return moved


def launch(
    demo: gr.Blocks, assistant: Assistant, settings: Settings, *, prevent_thread_lock: bool = False, **overrides: Any
) -> tuple[Any, str, str]:
    """Serve ``demo`` on settings.host/port with /health, login (when configured), css and js (which also
    puts Gradio's built-in strings in Danish). ``overrides`` go to ``Blocks.launch`` (pass a free port; 0 is not supported)."""
    from fastapi.routing import APIRoute

    from ui.assets import asset, script

    sweep_uploads(settings)
    auth = login_check(settings, LoginLimiter()) if settings.auth_users else None
    options: dict[str, Any] = {
        "server_name": settings.host,
        "server_port": settings.port,
        "auth": auth,
        "auth_message": LOGIN_MESSAGE if auth else None,
        "max_threads": max(40, 4 * settings.concurrency_limit),
        "max_file_size": int(settings.max_file_mb * 1024 * 1024),
        "prevent_thread_lock": prevent_thread_lock,
        "app_kwargs": {
            "routes": [APIRoute("/health", health(assistant), methods=["GET"])],
            "middleware": [login_required_middleware(settings)],
        },
        "css": asset("style.css"),
        "js": script(),
        "footer_links": ["api"],
        "show_error": False,
        "ssr_mode": False,
        "quiet": True,
        **overrides,
    }
    return demo.launch(**options)
