"""Safe knowledge reload in the running bot: a polling watcher, a trigger file, `/wissen_neu`.

The new version is used only if it validates completely; otherwise the last good version
stays, the errors are logged (file, line, field: admin YAML, never user content) and the
configured admins are told through `engine.deliver`.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import logging
import signal
from pathlib import Path

from bot.engine import Engine
from bot.knowledge_holder import KnowledgeHolder, ReloadOutcome
from handlers.messages import CommandIn, ConversationKey, Inbound, OutboundMessage, TextIn, command_from_text
from knowledge.base import default_dir

log = logging.getLogger(__name__)

TRIGGER_NAME = "reload-knowledge"  # touched by `schutzlotse knowledge reload`
STATUS_NAME = "knowledge-status.json"  # the last reload's outcome, read by that command
ADMIN_COMMANDS = frozenset({"wissen_neu", "knowledge_reload"})
MAX_LISTED = 5  # problems quoted in a chat message; the log has all


def parse_key(text: str) -> ConversationKey | None:
    """'channel:chat:user' -> key, or None for a malformed admin entry."""
    try:
        return ConversationKey.parse(text)
    except ValueError:
        return None


def fingerprint(directory: Path) -> tuple[tuple[str, int, int], ...]:
    """Cheap change detector: name, mtime and size of every knowledge file."""
    entries = []
    with contextlib.suppress(FileNotFoundError):
        for path in sorted(directory.iterdir()):
            if path.suffix in (".yaml", ".csv") and path.is_file():
                stat = path.stat()
                entries.append((path.name, stat.st_mtime_ns, stat.st_size))
    return tuple(entries)


class KnowledgeWatcher:
    def __init__(
        self,
        holder: KnowledgeHolder,
        engine: Engine,
        *,
        admins: list[str],
        data_dir: Path,
        poll_seconds: float = 5.0,
    ):
        self.holder = holder
        self.engine = engine
        self.admins = list(admins)
        self.directory = Path(holder.directory) if holder.directory else default_dir()
        self.trigger = data_dir / TRIGGER_NAME
        self.status = data_dir / STATUS_NAME
        self.poll_seconds = poll_seconds
        self._seen = fingerprint(self.directory)
        self._lock = asyncio.Lock()

    # --- reloading ---------------------------------------------------------------

    async def reload(self, reason: str) -> ReloadOutcome:
        """Validate and maybe switch; one reload at a time (watcher, trigger, admin command)."""
        async with self._lock:
            self._seen = fingerprint(self.directory)
            # Loading parses ~24k place rows: keep the event loop answering meanwhile.
            outcome = await asyncio.to_thread(self.holder.reload)
            log.info("knowledge reload (%s): ok=%s changed=%s version=%s problems=%d",
                     reason, outcome.ok, outcome.changed, outcome.version, len(outcome.problems))
            self._write_status(outcome, reason)
            return outcome

    async def check_once(self) -> ReloadOutcome | None:
        """One poll: reload if the directory changed or the trigger file appeared."""
        triggered = self.trigger.exists()
        if triggered:
            with contextlib.suppress(FileNotFoundError):
                self.trigger.unlink()
        if not triggered and fingerprint(self.directory) == self._seen:
            return None
        outcome = await self.reload("trigger" if triggered else "change")
        if outcome.changed or not outcome.ok:
            await self.notify_admins(outcome)
        return outcome

    async def run(self) -> None:
        while True:
            # Sleep first: the knowledge was loaded (and validated) just before this starts.
            await self.engine.clock.sleep(self.poll_seconds)
            try:
                await self.check_once()
            except Exception:
                log.exception("knowledge watcher poll failed")

    def _write_status(self, outcome: ReloadOutcome, reason: str) -> None:
        status = {
            "ok": outcome.ok,
            "changed": outcome.changed,
            "version": outcome.version,
            "reason": reason,
            "at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "problems": [str(p) for p in outcome.problems],
        }
        try:
            self.status.write_text(json.dumps(status, ensure_ascii=False, indent=1), encoding="utf-8")
        except OSError:
            log.warning("cannot write %s", self.status.name)

    # --- telling people ----------------------------------------------------------

    def message(self, outcome: ReloadOutcome, lang: str = "de") -> OutboundMessage:
        texts = self.holder.current.texts  # the version in force, which is always valid
        if not outcome.ok:
            listed = "\n".join(f"- {p}" for p in outcome.problems[:MAX_LISTED])
            if len(outcome.problems) > MAX_LISTED:
                listed += f"\n- … (+{len(outcome.problems) - MAX_LISTED})"
            text = texts.knowledge_reload_failed.get(lang).format(
                count=len(outcome.problems), version=outcome.version, problems=listed
            )
        elif outcome.changed:
            text = texts.knowledge_reloaded.get(lang).format(version=outcome.version)
        else:
            text = texts.knowledge_unchanged.get(lang).format(version=outcome.version)
        return OutboundMessage(text)

    async def notify_admins(self, outcome: ReloadOutcome, skip: str | None = None) -> None:
        for admin in self.admins:
            if admin == skip:
                continue
            key = parse_key(admin)
            if key is None:
                log.warning("SCHUTZLOTSE_ADMINS has an entry that is not channel:chat:user")
                continue
            try:
                await self.engine.deliver(key, [self.message(outcome)])
            except Exception as exc:  # a channel that is down must not stop the others
                log.warning("cannot tell admin on channel %s: %s", key.channel, type(exc).__name__)

    async def intercept(self, event: Inbound) -> list[OutboundMessage] | None:
        """Engine interceptor for `/wissen_neu`: admins only; others never learn it exists."""
        name = event.name if isinstance(event, CommandIn) else None
        if isinstance(event, TextIn) and (parsed := command_from_text(event.text)):
            name = parsed[0]
        if name is None or name.casefold() not in ADMIN_COMMANDS or str(event.key) not in self.admins:
            return None
        outcome = await self.reload("admin command")
        lang = "en" if (event.lang_hint or "").casefold().startswith("en") else "de"
        if outcome.changed or not outcome.ok:
            await self.notify_admins(outcome, skip=str(event.key))
        return [self.message(outcome, lang)]


@contextlib.asynccontextmanager
async def watching(watcher: KnowledgeWatcher):  # type: ignore[no-untyped-def]
    """Register the admin command and run the poller for as long as the app is open."""
    watcher.engine.interceptors.append(watcher.intercept)
    task = asyncio.create_task(watcher.run(), name="knowledge-watcher")
    try:
        yield watcher
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        with contextlib.suppress(ValueError):
            watcher.engine.interceptors.remove(watcher.intercept)


def watch_sighup(app: object) -> None:
    """`kill -HUP <pid>` asks for a reload: it touches the trigger file the watcher polls."""
    watcher = getattr(app, "knowledge_watcher", None)
    if watcher is None or not hasattr(signal, "SIGHUP"):
        return
    try:
        asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, watcher.trigger.touch)
    except (NotImplementedError, RuntimeError):  # not the main thread, or no signals here
        log.info("SIGHUP reload not available; use `schutzlotse knowledge reload`")
