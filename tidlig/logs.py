"""Start-up shared by the entry points: settings (or a clear exit) and logging."""

import logging
import sys

from tidlig.cpr import CprLogFilter
from tidlig.settings import Settings, SettingsError, load_settings


def start(**overrides: object) -> Settings:
    """Load the settings and configure logging; on an invalid setting print why and exit with 2."""
    try:
        settings = load_settings(**overrides)
    except SettingsError as error:
        print(f"tidlig kan ikke starte, fordi en indstilling er forkert:\n{error}", file=sys.stderr)
        raise SystemExit(2) from None
    configure_logging(settings)
    return settings


def configure_logging(settings: Settings) -> None:
    logging.basicConfig(
        level=settings.log_level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    for handler in logging.getLogger().handlers:
        if not any(isinstance(existing, CprLogFilter) for existing in handler.filters):
            handler.addFilter(CprLogFilter())  # on the handler: a logger's filter misses its children's records
    # Chroma and httpx are chatty at INFO.
    for noisy in ("chromadb", "httpx", "urllib3"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
