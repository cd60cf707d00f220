"""`schutzlotse run`: every configured channel under supervision, until SIGTERM or SIGINT.

- Each channel connects with backoff and keeps retrying (bot/supervise.py); one channel's
  trouble never stops another. A channel down longer than SCHUTZLOTSE_CHANNEL_ALERT_MINUTES
  is reported to the admins on the other channel(s).
- SIGTERM/SIGINT: no new turns start, turns in flight get SCHUTZLOTSE_SHUTDOWN_GRACE_SECONDS
  to finish, the channels stop (what was fetched but not handled stays in their inbox),
  statistics are flushed, exit 0.
- No channel configured: the terminal chat when a terminal is attached; otherwise exit 2
  with a one-line reason (a mistyped token under systemd must not look like a clean stop).
- Under systemd (Type=notify): READY=1 once serving, WATCHDOG=1 pings, STOPPING=1.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import signal
import sys
from collections.abc import Callable

from bot.admin_alerts import AdminAlerts, text
from bot.app import App, open_app
from bot.config import Settings
from bot.health import LoopMonitor
from bot.knowledge_watch import watch_sighup
from bot.last_good import keep
from bot.metrics import Metrics
from bot.runlock import RunLock
from bot.sdnotify import notify, watchdog_seconds
from bot.stats import StatsRecorder
from bot.status import StatusServer
from bot.supervise import Channel, ChannelState, ChannelSupervisor

log = logging.getLogger(__name__)
EXIT_NOT_CONFIGURED = 2
KEEP_EVERY_SECONDS = 30.0
ALERT_CHECK_SECONDS = 5.0

# name -> (app -> a function making a fresh channel object, or None when not configured)
ChannelFactory = Callable[[App], Callable[[], Channel] | None]


def telegram_factory(app: App) -> Callable[[], Channel] | None:
    if not app.settings.telegram_token:
        return None
    from bot.channels.telegram import TelegramChannel, TelegramInbox

    assert app.data_key is not None, "open_app verifies the data key before channels start"
    return lambda: TelegramChannel.from_settings(app.engine, app.settings, TelegramInbox(app.engine.inbox))


def matrix_factory(app: App) -> Callable[[], Channel] | None:
    if not matrix_configured(app.settings):
        return None
    from bot.channels.matrix.channel import MatrixChannel
    from bot.channels.matrix.rooms import room_pseudonym

    return lambda: MatrixChannel(app.engine, app.db, app.settings, room_pseudonym(app))


def matrix_configured(s: Settings) -> bool:
    return bool(s.matrix_homeserver and s.matrix_user and (s.matrix_password or s.matrix_access_token))


CHANNEL_FACTORIES: dict[str, ChannelFactory] = {"telegram": telegram_factory, "matrix": matrix_factory}


def configured_channels(settings: Settings) -> list[str]:
    names = []
    if settings.telegram_token:
        names.append("telegram")
    if matrix_configured(settings):
        names.append("matrix")
    return names


async def run_channels(settings: Settings, *, interactive: bool | None = None) -> int:
    if not configured_channels(settings):
        if not (sys.stdin.isatty() if interactive is None else interactive):
            print("schutzlotse: no channel configured (set SCHUTZLOTSE_TELEGRAM_TOKEN or "
                  "SCHUTZLOTSE_MATRIX_HOMESERVER, _USER and _PASSWORD) and no terminal attached; not starting",
                  file=sys.stderr)
            return EXIT_NOT_CONFIGURED
        return await _terminal_chat(settings)
    with RunLock(settings.data_dir):
        async with open_app(settings) as app:
            return await Service(app).run()


async def _terminal_chat(settings: Settings) -> int:
    from bot.channels.console import ConsoleChannel

    async with open_app(settings) as app:
        log.info("no channel configured: starting the terminal chat")
        purge = asyncio.create_task(app.engine.purge_loop(), name="conversation-purge")
        try:
            await ConsoleChannel.from_settings(app.engine, app.settings).run()
        finally:
            purge.cancel()
            await asyncio.gather(purge, return_exceptions=True)
    return 0


class Service:
    """The running bot: channels, status listener, background work, and the way out."""

    def __init__(self, app: App):
        self.app = app
        s = app.settings
        self.stop = asyncio.Event()
        self.metrics = Metrics()
        self.stats = StatsRecorder(app.db, app.knowledge, app.engine.clock)
        self.alerts = AdminAlerts(app.engine, s.admins, s.lang)
        self.loop_monitor = LoopMonitor()
        self.supervisors = [
            ChannelSupervisor(name, make, max_delay=s.channel_retry_max_seconds, listeners=[self._changed])
            for name, factory in CHANNEL_FACTORIES.items() if (make := factory(app)) is not None
        ]
        self.status = StatusServer(app, self.supervisors, self.metrics, stats=self.stats,
                                   loop_monitor=self.loop_monitor)
        self._alerted: set[str] = set()

    async def run(self) -> int:
        app, s = self.app, self.app.settings
        app.engine.activity.listeners.append(self.metrics.on_turn)
        app.engine.observers.append(self.stats.observe)
        self._install_signals()
        watch_sighup(app)
        if (address := s.status_address) is not None:
            try:
                await self.status.start(*address)
            except OSError as exc:  # the bot still serves users; /healthz is what is missing
                log.error("status listener cannot listen on %s (%s)", s.status_listen, exc.strerror or exc)
        background = [
            asyncio.create_task(app.engine.purge_loop(), name="conversation-purge"),
            asyncio.create_task(self.loop_monitor.run(), name="loop-monitor"),
            asyncio.create_task(self.stats.run(), name="stats-flush"),
            asyncio.create_task(self._keep_and_alert(), name="keeper"),
        ]
        if (interval := watchdog_seconds()) is not None:
            background.append(asyncio.create_task(self._watchdog(interval), name="watchdog"))
        gc.freeze()  # the loaded knowledge lives forever: full GC passes over it stalled every chat ~150 ms
        channels = [asyncio.create_task(sup.run(), name=f"channel-{sup.name}") for sup in self.supervisors]
        notify("READY=1", f"STATUS=serving {', '.join(sup.name for sup in self.supervisors)}")
        start = app.knowledge_start
        if start is not None and start.degraded:
            background.append(asyncio.create_task(self._tell_degraded(), name="degraded-alert"))
        try:
            await self.stop.wait()
        finally:
            await self._shut_down(channels, background)
        return 0

    def _install_signals(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, self._on_signal, sig)

    def _on_signal(self, sig: signal.Signals) -> None:
        if not self.stop.is_set():
            log.info("%s received: stopping (in-flight turns may take %.0f s)",
                     sig.name, self.app.settings.shutdown_grace_seconds)
        self.stop.set()

    async def _shut_down(self, channels: list[asyncio.Task], background: list[asyncio.Task]) -> None:
        notify("STOPPING=1")
        engine = self.app.engine
        engine.activity.close()  # new turns wait (and are cancelled below; they stay in the inbox)
        grace = self.app.settings.shutdown_grace_seconds
        if not await engine.activity.drained(grace):
            log.warning("%d turn(s) still running after %.0f s; stopping them (their messages are handled "
                        "again at the next start)", engine.activity.in_flight, grace)
        for task in channels:
            task.cancel()
        await asyncio.gather(*channels, return_exceptions=True)
        for task in background:
            task.cancel()
        await asyncio.gather(*background, return_exceptions=True)
        try:
            await self.stats.flush()
        except Exception as exc:  # noqa: BLE001
            log.warning("statistics: last flush failed (%s)", type(exc).__name__)
        await self.status.stop()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.remove_signal_handler(sig)
        log.info("stopped cleanly")

    # --- channel state and admin alerts -------------------------------------------------

    async def _changed(self, state: ChannelState) -> None:
        self.metrics.channels(self.supervisors)
        if not state.connected:
            if state.error:
                self.metrics.errors.labels("channel").inc()
            return
        if state.name in self._alerted:
            self._alerted.discard(state.name)
            await self.alerts.send(text("channel_back", self.app.settings.lang, channel=_label(state.name)))
        await self.alerts.retry()

    async def _keep_and_alert(self) -> None:
        """Keep the knowledge in force as the last good copy; alert on long outages."""
        app, s = self.app, self.app.settings
        waited = KEEP_EVERY_SECONDS
        while True:
            limit = s.channel_alert_minutes * 60
            for sup in self.supervisors:
                state = sup.state
                if not state.connected and state.down_for() >= limit and sup.name not in self._alerted:
                    self._alerted.add(sup.name)
                    body = text("channel_down", s.lang, channel=_label(sup.name),
                                minutes=round(state.down_for() / 60), error=state.error or "-")
                    log.error("%s down for %.0f min: telling the admins", sup.name, state.down_for() / 60)
                    if not await self.alerts.send(body, avoid_channel=sup.name):
                        self.metrics.errors.labels("admin_alert").inc()
            if waited >= KEEP_EVERY_SECONDS:
                waited = 0.0
                start = app.knowledge_start
                if start is None or not start.degraded:
                    try:
                        await asyncio.to_thread(keep, app.knowledge.current, s.data_dir)
                    except Exception as exc:  # noqa: BLE001
                        log.warning("keeping the last good knowledge failed (%s)", type(exc).__name__)
            await asyncio.sleep(ALERT_CHECK_SECONDS)
            waited += ALERT_CHECK_SECONDS

    async def _tell_degraded(self) -> None:
        start = self.app.knowledge_start
        assert start is not None
        listed = "\n".join(f"- {p}" for p in start.problems[:5])
        if len(start.problems) > 5:
            listed += f"\n- … (+{len(start.problems) - 5})"
        body = text("degraded_start", self.app.settings.lang, version=self.app.knowledge.current.version,
                    count=len(start.problems), problems=listed)
        await self.alerts.send(body)  # kept and retried while the admins' channel connects

    async def _watchdog(self, interval: float) -> None:
        while True:
            states = ", ".join(f"{sup.name} {'up' if sup.state.connected else 'down'}" for sup in self.supervisors)
            notify("WATCHDOG=1", f"STATUS={states}")
            await asyncio.sleep(interval)


def _label(name: str) -> str:
    return {"telegram": "Telegram", "matrix": "Matrix"}.get(name, name)
