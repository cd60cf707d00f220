"""Settings from `SCHUTZLOTSE_*` environment variables (and an optional `.env` file).

A bad value stops the start with a message naming the variable; see README "Settings".
"""

from __future__ import annotations

import base64
import os
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PREFIX = "SCHUTZLOTSE_"
SECRET_FIELDS = frozenset({  # never echoed in error messages
    "data_key", "telegram_token", "telegram_webhook_secret", "matrix_password", "matrix_access_token",
})


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
    knowledge_poll_seconds: float = Field(
        default=5.0, gt=0, description="How often the running bot looks for a changed knowledge directory."
    )

    # Incident records (docs/incidents.md).
    data_key: SecretStr | None = Field(
        default=None, description="Base64 of 32 random bytes; else a key file in data_dir."
    )
    retention_days: float = Field(default=365, gt=0, description="Days after the last change.")
    reminder_lead_days: float = Field(default=14, ge=0, description="Days before a deadline.")
    max_evidence_mb: float = Field(default=20, gt=0, description="Largest evidence file.")
    evidence_inbox: Path | None = Field(
        default=None, description="The only directory the terminal takes evidence files from (default <data dir>/inbox)."
    )

    @field_validator("data_key", mode="after")
    @classmethod
    def _key_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None:
            try:
                raw = base64.b64decode(value.get_secret_value().strip(), validate=True)
            except ValueError:
                raise ValueError("not valid base64") from None
            if len(raw) != 32:
                raise ValueError("must be base64 of exactly 32 bytes (e.g. `openssl rand -base64 32`)")
        return value

    escalation_limit_per_hour: int = Field(
        default=3, ge=1, description="Escalations to on-duty officers one user may trigger per hour."
    )

    telegram_token: str | None = Field(
        default=None, repr=False, description="Bot token; starts the Telegram channel."
    )
    telegram_base_url: str | None = Field(default=None, description="Bot API base, e.g. a self-hosted server.")
    telegram_base_file_url: str | None = None
    telegram_webhook_url: str | None = Field(default=None, description="Public HTTPS URL; webhook mode.")
    telegram_webhook_listen: str = "127.0.0.1"
    telegram_webhook_port: int = Field(default=8443, ge=1, le=65535)
    telegram_webhook_secret: str | None = Field(
        default=None, pattern=r"^[A-Za-z0-9_-]{1,256}$", validate_default=True, repr=False
    )
    telegram_rate_global: float = Field(default=30.0, ge=0, description="Messages/s overall; 0 = off.")
    telegram_rate_per_chat: float = Field(default=1.0, ge=0, description="Messages/s per chat; 0 = off.")
    telegram_burst_per_chat: int = Field(default=3, ge=1)
    telegram_poll_timeout: int = Field(default=25, ge=0, le=50, description="Long-poll seconds.")

    @field_validator("telegram_webhook_secret")
    @classmethod
    def _webhook_needs_secret(cls, value: str | None, info: ValidationInfo) -> str | None:
        if info.data.get("telegram_webhook_url") and not value:
            raise ValueError(f"required when {PREFIX}TELEGRAM_WEBHOOK_URL is set")
        return value

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

    escalation_retention_days: float = Field(
        default=90, gt=0,
        description="Days after an escalation ended (closed or unanswered) until its personal data is erased.",
    )

    # Operations (docs/operations.md).
    status_listen: str = Field(
        default="127.0.0.1:8081", pattern=r"^(off|\[?[0-9A-Za-z.:-]*\]?:\d{1,5})$",
        description="host:port of the /healthz and /metrics listener; `off` disables it.",
    )
    log_format: Literal["text", "json"] = Field(default="text", description="Log lines as text or JSON.")
    channel_alert_minutes: float = Field(
        default=10, gt=0, description="A channel down this long makes the admins get a message on another channel.",
    )
    channel_retry_max_seconds: float = Field(
        default=60, gt=0, description="Longest wait between two connection attempts of a channel.",
    )
    shutdown_grace_seconds: float = Field(
        default=10, ge=0, description="On SIGTERM: how long turns in flight may take to finish.",
    )

    @property
    def status_address(self) -> tuple[str, int] | None:
        """(host, port) of the status listener, or None when it is off."""
        if self.status_listen == "off":
            return None
        host, _, port = self.status_listen.rpartition(":")
        return host.strip("[]") or "127.0.0.1", int(port)

    @property
    def matrix_store_dir(self) -> Path:
        return self.matrix_store or self.data_dir / "matrix"

    @property
    def evidence_inbox_dir(self) -> Path:
        return self.evidence_inbox or self.data_dir / "inbox"

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
            got = "(hidden)" if field in SECRET_FIELDS else repr(err.get("input"))
            lines.append(f"{PREFIX}{field.upper()}: {err['msg']} (got {got})")
        raise ConfigError("invalid settings:\n  " + "\n  ".join(lines)) from exc
