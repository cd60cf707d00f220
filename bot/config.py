"""Settings from `SCHUTZLOTSE_*` environment variables (and an optional `.env` file).

A bad value stops the start with a message naming the variable; see README "Settings".
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PREFIX = "SCHUTZLOTSE_"


def default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "schutzlotse"


class ConfigError(Exception):
    pass


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix=PREFIX, env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    data_dir: Path = Field(default_factory=default_data_dir)
    db: Path | None = None
    knowledge_dir: Path | None = None
    lang: Literal["de", "en"] = "de"
    session_timeout: float = Field(default=30.0, gt=0, description="Minutes of inactivity.")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    admins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Conversation keys (channel:chat:user) of admins who get knowledge alerts.",
    )

    @field_validator("admins", mode="before")
    @classmethod
    def _split(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    matrix_homeserver: str | None = Field(default=None, description="Matrix homeserver URL.")
    matrix_user: str | None = Field(default=None, description="The bot's Matrix user id.")
    matrix_password: str | None = Field(default=None, repr=False)
    matrix_access_token: str | None = Field(default=None, repr=False)
    matrix_device_id: str | None = None
    matrix_store: Path | None = Field(default=None, description="Crypto store and login dir.")
    matrix_allowed_servers: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Server names or full user ids allowed to talk to the bot (default: own server).",
    )
    matrix_reactions: bool = False

    @field_validator("matrix_allowed_servers", mode="before")
    @classmethod
    def _split_matrix(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @property
    def matrix_store_dir(self) -> Path:
        return self.matrix_store or self.data_dir / "matrix"

    @property
    def db_path(self) -> Path:
        return self.db or self.data_dir / "schutzlotse.db"


def load_settings(**overrides: object) -> Settings:
    """Read the environment; raise ConfigError naming each bad variable."""
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            field = str(err["loc"][0]) if err["loc"] else "?"
            lines.append(f"{PREFIX}{field.upper()}: {err['msg']} (got {err.get('input')!r})")
        raise ConfigError("invalid settings:\n  " + "\n  ".join(lines)) from exc
