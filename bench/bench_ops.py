"""Benchmark: what the operations layer costs and how fast it reacts.

    python bench/bench_ops.py

1. Per-turn cost of the hooks a running bot adds to the engine (turn activity, metrics
   listener, statistics observer): saturated triage conversations with and without them.
2. /healthz and /metrics latency of a running bot (real Service, fake Bot API, real SQLite).
3. Reconnect: from the Bot API becoming reachable to the channel being connected again, and
   SIGTERM to exit when nothing is in flight (in process).
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import aiohttp  # noqa: E402

import knowledge.base as kb  # noqa: E402
from bench.bench_engine import script  # noqa: E402
from bot.app import open_app  # noqa: E402
from bot.clock import SystemClock  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.conversations import ConversationStore  # noqa: E402
from bot.engine import Engine  # noqa: E402
from bot.knowledge_holder import KnowledgeHolder  # noqa: E402
from bot.metrics import Metrics  # noqa: E402
from bot.runner import Service  # noqa: E402
from bot.stats import StatsRecorder  # noqa: E402
from bot.store import Database  # noqa: E402
from tests.telegram_harness import FakeBotApi, free_port  # noqa: E402

KEY = "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE="


async def turns(k: kb.Knowledge, users: int, hooked: bool) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        db = await Database.open(Path(tmp) / "b.db")
        engine = Engine(KnowledgeHolder(k), ConversationStore(db), clock=SystemClock())
        if hooked:
            engine.activity.listeners.append(Metrics().on_turn)
            engine.observers.append(StatsRecorder(db, engine.knowledge, engine.clock).observe)
        scripts = [script(n) for n in range(users)]
        started = time.perf_counter()

        async def user(events: list) -> None:
            for event in events:
                await engine.handle(event)

        await asyncio.gather(*(user(s) for s in scripts))
        elapsed = time.perf_counter() - started
        await db.close()
        return sum(len(s) for s in scripts) / elapsed


async def hook_cost(k: kb.Knowledge) -> None:
    """The hooks alone, per turn: the activity context, the metrics listener, the observer."""
    from handlers.conversation import step
    from handlers.messages import ConversationKey, TextIn
    from handlers.state import Context

    with tempfile.TemporaryDirectory() as tmp:
        db = await Database.open(Path(tmp) / "h.db")
        engine = Engine(KnowledgeHolder(k), ConversationStore(db), clock=SystemClock())
        metrics, stats = Metrics(), StatsRecorder(db, engine.knowledge, engine.clock)
        key = ConversationKey("bench", "c", "u")
        ctx = Context(key=key, knowledge=k, now=SystemClock().now())
        state = None
        results = []
        for text in ["/start", "nein", "Beleidigung", "ja", "nein", "nein", "nein", "Pirna"]:
            event = TextIn(key=key, text=text)
            result = step(state, event, ctx)
            results.append((event, state, result))
            state = result.state
        n = 20000
        t = time.perf_counter()
        for i in range(n):
            async with engine.activity.turn():
                pass
            metrics.on_turn(0.002, False)
            event, before, result = results[i % len(results)]
            stats.observe(event, before, result)
        per_turn = (time.perf_counter() - t) / n * 1e6
        await db.close()
    print(f"hooks per turn (activity + metrics + statistics): {per_turn:.1f} µs")


async def status_latency(tmp: Path) -> dict[str, list[float]]:
    async with FakeBotApi() as api:
        port = free_port()
        settings = Settings(_env_file=None, data_dir=tmp / "data", data_key=KEY, telegram_token=api.token,
                            telegram_base_url=api.base_url, telegram_poll_timeout=1,
                            status_listen=f"127.0.0.1:{port}")
        async with open_app(settings) as app:
            service = Service(app)
            task = asyncio.create_task(service.run())
            await api.wait_for("getUpdates", timeout=30)
            out: dict[str, list[float]] = {"/healthz": [], "/metrics": []}
            async with aiohttp.ClientSession() as session:
                for path in out:
                    for _ in range(100):
                        t = time.perf_counter()
                        async with session.get(f"http://127.0.0.1:{port}{path}") as response:
                            await response.read()
                        out[path].append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            service.stop.set()
            await task
            out["stop"] = [(time.perf_counter() - t) * 1000]
    return out


async def reconnect(tmp: Path) -> float:
    port = free_port()
    api = FakeBotApi()
    settings = Settings(_env_file=None, data_dir=tmp / "data2", data_key=KEY, telegram_token=api.token,
                        telegram_base_url=f"http://127.0.0.1:{port}/bot", telegram_poll_timeout=1,
                        status_listen="off")
    async with open_app(settings) as app:
        service = Service(app)
        task = asyncio.create_task(service.run())
        sup = service.supervisors[0]
        while not sup.state.error:
            await asyncio.sleep(0.01)
        await api.start(port)
        t = time.perf_counter()
        while not sup.state.connected:
            await asyncio.sleep(0.01)
        took = time.perf_counter() - t
        service.stop.set()
        await task
        await api.stop()
    return took


async def main() -> None:
    k = kb.load()
    await turns(k, 100, True)  # warm-up (imports, caches)
    await hook_cost(k)
    for users in (100,):
        runs: dict[bool, list[float]] = {False: [], True: []}
        for _ in range(5):  # interleaved, so load changes on a shared machine hit both alike
            for hooked in (False, True):
                runs[hooked].append(await turns(k, users, hooked))
        plain, hooked = statistics.median(runs[False]), statistics.median(runs[True])
        print(f"turns/s users={users}: without hooks {plain:.0f}, with hooks {hooked:.0f} "
              f"({(plain / hooked - 1) * 100:+.1f} % time per turn)")
    with tempfile.TemporaryDirectory() as tmp:
        lat = await status_latency(Path(tmp))
        for path in ("/healthz", "/metrics"):
            values = sorted(lat[path])
            print(f"{path}: p50 {statistics.median(values):.2f} ms, p99 {values[98]:.2f} ms")
        print(f"stop with nothing in flight: {lat['stop'][0]:.0f} ms")
        print(f"reconnect after the Bot API came back: {await reconnect(Path(tmp)):.2f} s (backoff schedule 1, 2, 4 s …)")


if __name__ == "__main__":
    asyncio.run(main())
