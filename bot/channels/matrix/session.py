"""Matrix login that survives restarts: the first login's token and device are kept on disk.

The crypto store (nio's SQLite, keyed by user and device) lives next to `credentials.json`,
so a restart restores the same device with the same keys instead of creating a new one.
"""

from __future__ import annotations

import json
import logging
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from nio import AsyncClient, LoginResponse, WhoamiResponse

log = logging.getLogger(__name__)
CREDENTIALS_FILE = "credentials.json"
DEVICE_NAME = "Schutzlotse"


class MatrixLoginError(RuntimeError):
    """Login failed or the stored login belongs to someone else; the text says which."""


@dataclass(frozen=True)
class Credentials:
    homeserver: str
    user_id: str
    device_id: str
    access_token: str
    # Unix ms of the first login: events older than this were sent before the bot existed.
    since_ms: int


def load_credentials(store_dir: Path) -> Credentials | None:
    path = store_dir / CREDENTIALS_FILE
    if not path.exists():
        return None
    try:
        return Credentials(**json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, TypeError) as exc:
        raise MatrixLoginError(f"{path} is unreadable ({exc}); delete it to log in again") from exc


def save_credentials(store_dir: Path, creds: Credentials) -> None:
    """Write atomically and owner-only: the token is as good as the password."""
    store_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = store_dir / CREDENTIALS_FILE
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(asdict(creds), handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def same_user(configured: str, user_id: str) -> bool:
    """`@bot:example.org` matches itself; a bare localpart `bot` matches any server."""
    if configured.startswith("@"):
        return configured == user_id
    return user_id[1:].split(":", 1)[0] == configured


async def connect(
    client: AsyncClient,
    store_dir: Path,
    *,
    user: str,
    password: str | None,
    access_token: str | None,
    device_id: str | None,
) -> Credentials:
    """Restore the stored login, or log in once (password or token) and store it."""
    stored = load_credentials(store_dir)
    if stored is not None:
        if not same_user(user, stored.user_id):
            raise MatrixLoginError(
                f"{store_dir} holds the login of {stored.user_id}, not {user}; "
                "use another SCHUTZLOTSE_MATRIX_STORE"
            )
        client.restore_login(stored.user_id, stored.device_id, stored.access_token)
        log.info("matrix: restored device %s", stored.device_id)
        return stored
    since_ms = int(time.time() * 1000)
    if access_token:
        client.access_token = access_token
        who = await client.whoami()
        if not isinstance(who, WhoamiResponse):
            raise MatrixLoginError(f"the access token was refused: {who}")
        device = device_id or who.device_id
        if not device:
            raise MatrixLoginError("the token has no device; set SCHUTZLOTSE_MATRIX_DEVICE_ID")
        client.restore_login(who.user_id, device, access_token)
        creds = Credentials(client.homeserver, who.user_id, device, access_token, since_ms)
    else:
        if not password:
            raise MatrixLoginError("set SCHUTZLOTSE_MATRIX_PASSWORD or _ACCESS_TOKEN")
        if device_id:
            client.device_id = device_id
        response = await client.login(password, device_name=DEVICE_NAME)
        if not isinstance(response, LoginResponse):
            raise MatrixLoginError(f"login of {user} failed: {response}")
        creds = Credentials(
            client.homeserver, response.user_id, response.device_id,
            response.access_token, since_ms,
        )  # fmt: skip
    save_credentials(store_dir, creds)
    log.info("matrix: logged in as new device %s", creds.device_id)
    return creds
