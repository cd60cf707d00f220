"""Benchmark: updates/s and turn latency through the whole Telegram path, against the echo bot.

Both bots run in the same process, one after the other, against the same local fake Bot API
(tests/telegram_harness). N chats each run a closed loop: inject an update, wait for the
reply, inject the next. Schutzlotse chats walk the triage by button presses and one typed
place name (9 updates per conversation); the echo bot answers every text.

Run: /tmp/warm/bin/python bench/bench_telegram.py [--chats 20] [--conversations 10]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("PTB_TIMEDELTA", "true")

from bot.channels.telegram import TelegramChannel, TelegramInbox  # noqa: E402
from bot.conversations import ConversationStore  # noqa: E402
from bot.engine import Engine  # noqa: E402
from bot.crypto import DataKey  # noqa: E402
from bot.knowledge_holder import KnowledgeHolder  # noqa: E402
from bot.store import Database  # noqa: E402
from tests.telegram_harness import FakeBotApi, build_echo_application, polling  # noqa: E402
from tests.telegram_harness.records import ApiCall  # noqa: E402

BUTTONS = ["danger_no", "threat", "online_no", "extremist_no", "home_repeated_no"]
PLACE = "Pirna"


class Turns:
    """Resolves a chat's waiter when the bot's turn-ending message arrives at the fake."""

    def __init__(self, api: FakeBotApi, ends_turn: Callable[[ApiCall], bool]) -> None:
        self.waiters: dict[int, asyncio.Future[float]] = {}
        original = api._record

        def record(call: ApiCall) -> None:
            original(call)
            if call.method == "sendMessage" and call.status == 200 and ends_turn(call):
                fut = self.waiters.pop(int(call.params["chat_id"]), None)
                if fut is not None and not fut.done():
                    fut.set_result(time.perf_counter())

        api._record = record  # type: ignore[method-assign]

    async def run(self, chat: int, inject: Callable[[], object]) -> float:
        """Inject one update; seconds until the turn's last message arrived."""
        fut: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self.waiters[chat] = fut
        start = time.perf_counter()
        inject()
        return await asyncio.wait_for(fut, 10) - start


def _asks_next(call: ApiCall) -> bool:
    markup = call.params.get("reply_markup")
    return isinstance(markup, dict) and ("inline_keyboard" in markup or "keyboard" in markup)


def newest_keyboard(api: FakeBotApi, chat: int) -> int:
    for message_id, message in reversed(api.state.messages[chat].items()):
        if message.from_bot and message.buttons:
            return message_id
    raise AssertionError("no keyboard in chat")


async def measure(
    chats: list[int], per_chat: Callable[[int, list[float]], Awaitable[None]]
) -> tuple[float, list[float]]:
    latencies: list[float] = []
    start = time.perf_counter()
    await asyncio.gather(*(per_chat(chat, latencies) for chat in chats))
    elapsed = time.perf_counter() - start
    return len(latencies) / elapsed, latencies


def echo_driver(api: FakeBotApi, turns: int) -> Callable[[int, list[float]], Awaitable[None]]:
    tracker = Turns(api, lambda call: True)

    async def chat_loop(chat: int, out: list[float]) -> None:
        for i in range(turns):
            out.append(await tracker.run(chat, lambda: api.inject_message(chat, chat, f"Nachricht {i}")))

    return chat_loop


def triage_driver(api: FakeBotApi, conversations: int) -> Callable[[int, list[float]], Awaitable[None]]:
    # a turn ends with the message that carries the next question's keyboard
    tracker = Turns(api, _asks_next)

    async def chat_loop(chat: int, out: list[float]) -> None:
        out.append(await tracker.run(chat, lambda: api.inject_message(chat, chat, "/start")))
        for _ in range(conversations):
            for option in BUTTONS:
                message_id = newest_keyboard(api, chat)
                out.append(await tracker.run(chat, lambda: api.inject_callback(chat, chat, message_id, option)))
            out.append(await tracker.run(chat, lambda: api.inject_message(chat, chat, PLACE)))
            message_id = newest_keyboard(api, chat)
            out.append(await tracker.run(chat, lambda: api.inject_callback(chat, chat, message_id, "new_request")))

    return chat_loop


@contextlib.asynccontextmanager
async def running_bot(kind: str, url: str, token: str, holder: KnowledgeHolder, tmp: Path) -> AsyncIterator[None]:
    """The bot under test in this process: the bare echo bot or the whole Schutzlotse path."""
    if kind == "echo":
        async with polling(build_echo_application(url, token), timeout=1):
            yield
        return
    db = await Database.open(tmp / f"bench-{time.monotonic_ns()}.db")
    try:
        key = DataKey(os.urandom(32), "bench")
        engine = Engine(holder, ConversationStore(db), inbox_ciphers=lambda ch: key.cipher_for(f"{ch}-inbox"))
        channel = TelegramChannel(
            engine, token, base_url=f"{url}/bot", base_file_url=f"{url}/file/bot",
            poll_timeout=1, rate_global=0, rate_per_chat=0,
            inbox=TelegramInbox(engine.inbox),
        )
        task = asyncio.create_task(channel.run())
        try:
            yield
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
    finally:
        await db.close()


# (bot, number of chats) per phase: throughput under load, then the bare turn latency
def phases(chats: int) -> list[tuple[str, int]]:
    return [("echo", chats), ("triage", chats), ("echo", 1), ("triage", 1)]


async def run_phase(api: FakeBotApi, index: int, kind: str, chats: int, args: argparse.Namespace) -> tuple[float, list[float]]:
    ids = [10_000 * (index + 1) + i for i in range(chats)]
    # one chat alone gives few samples per conversation: run it longer for a stable p99
    conversations = args.conversations * (args.chats if chats == 1 else 1)
    turns = conversations * (len(BUTTONS) + 2) + 1
    driver = echo_driver(api, turns) if kind == "echo" else triage_driver(api, conversations)
    return await measure(ids, driver)


async def wait_for_bot(api: FakeBotApi, since: int) -> None:
    await api.wait_for("deleteWebhook", since=since, timeout=60)
    await api.wait_for("getUpdates", since=since, timeout=60)


async def loadgen(args: argparse.Namespace) -> None:
    """Subprocess: the fake Bot API plus the simulated users, on their own CPU."""
    out = sys.stdout
    async with FakeBotApi() as api:
        out.write(f"URL {api.url} {api.token}\n")
        for index, (kind, chats) in enumerate(phases(args.chats)):
            since = len(api.calls)
            out.write(f"START {kind}\n")
            out.flush()
            await wait_for_bot(api, since)
            rate, latencies = await run_phase(api, index, kind, chats, args)
            out.write("DONE " + json.dumps({"rate": rate, "latencies": latencies}) + "\n")
            out.flush()
        out.write("END\n")
        out.flush()


Result = tuple[float, list[float], float]  # updates/s, turn latencies (s), bot CPU seconds


async def orchestrate(args: argparse.Namespace, holder: KnowledgeHolder, tmp: Path) -> list[Result]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, __file__, "--loadgen", "--chats", str(args.chats),
        "--conversations", str(args.conversations), stdout=asyncio.subprocess.PIPE,
    )
    assert proc.stdout is not None
    _, url, token = (await proc.stdout.readline()).decode().split()
    results = []
    while (line := (await proc.stdout.readline()).decode().strip()) != "END":
        kind = line.split()[1]
        async with running_bot(kind, url, token, holder, tmp):
            cpu = time.process_time()  # this process runs only the bot under test
            done = json.loads((await proc.stdout.readline()).decode().split(" ", 1)[1])
            cpu = time.process_time() - cpu
        results.append((done["rate"], done["latencies"], cpu))
    await proc.wait()
    return results


async def in_process(args: argparse.Namespace, holder: KnowledgeHolder, tmp: Path) -> list[Result]:
    results = []
    async with FakeBotApi() as api:
        for index, (kind, chats) in enumerate(phases(args.chats)):
            since = len(api.calls)
            async with running_bot(kind, api.url, api.token, holder, tmp):
                await wait_for_bot(api, since)
                cpu = time.process_time()  # includes the fake server: an upper bound
                rate, latencies = await run_phase(api, index, kind, chats, args)
                results.append((rate, latencies, time.process_time() - cpu))
    return results


def summary(name: str, rate: float, latencies: list[float], cpu: float) -> str:
    ms = sorted(x * 1000 for x in latencies)
    p50 = statistics.median(ms)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    per_update = cpu / len(ms) * 1000
    return (
        f"| {name} | {len(ms)} | {rate:.0f} | {p50:.1f} | {p99:.1f} | {per_update:.2f} "
        f"| {1000 / per_update:.0f} |"
    )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=20)
    parser.add_argument("--conversations", type=int, default=10)
    parser.add_argument("--in-process", action="store_true", help="fake server in the bot's process")
    parser.add_argument("--loadgen", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.loadgen:
        await loadgen(args)
        return
    holder = KnowledgeHolder.load(None)
    gc.freeze()  # as `schutzlotse run` does after startup (bot/runner.py)
    with tempfile.TemporaryDirectory() as tmp:
        run = in_process if args.in_process else orchestrate
        echo, ours, echo_1, ours_1 = await run(args, holder, Path(tmp))
    where = "in the bot's process" if args.in_process else "in its own process"
    print(f"fake Bot API {where}; closed loop: each chat sends its next update when the reply arrived")
    print("| bot | updates | updates/s | p50 ms | p99 ms | bot CPU ms/update | updates/s per CPU core |")
    print("|---|---|---|---|---|---|---|")
    print(summary(f"PTB echo bot, {args.chats} chats", *echo))
    print(summary(f"Schutzlotse triage, {args.chats} chats", *ours))
    print(summary("PTB echo bot, 1 chat", *echo_1))
    print(summary("Schutzlotse triage, 1 chat", *ours_1))
    print(f"closed-loop throughput: {ours[0] / echo[0]:.0%} of the echo bot's ({args.chats} chats)")
    capacity = (len(ours[1]) / ours[2]) / (len(echo[1]) / echo[2])
    print(f"updates per bot CPU second: {capacity:.0%} of the echo bot's")


if __name__ == "__main__":
    asyncio.run(main())
