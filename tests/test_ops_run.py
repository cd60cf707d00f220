"""`schutzlotse run` as an operator meets it: a real subprocess, a fake Bot API that is
unreachable at first, SIGTERM in the middle of an answer, no channel without a terminal."""

from __future__ import annotations

import asyncio
import signal
import socket
import subprocess

from tests.ops_helpers import BIN, BotProcess, bot_env, status_listen, telegram_env
from tests.telegram_harness import FakeBotApi, free_port


def test_no_channel_and_no_terminal_exits_2_with_one_line(tmp_path):
    result = subprocess.run([str(BIN), "run"], env=bot_env(tmp_path / "data"), cwd=tmp_path,
                            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "no channel configured" in lines[0], result.stderr
    assert not (tmp_path / "data" / "schutzlotse.db").exists()  # nothing was started


def test_version(tmp_path):
    result = subprocess.run([str(BIN), "--version"], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0 and result.stdout.startswith("schutzlotse ")


async def test_unreachable_telegram_is_retried_until_it_answers(tmp_path):
    port = free_port()
    env = bot_env(tmp_path / "data", SCHUTZLOTSE_STATUS_LISTEN=status_listen(), **telegram_env(None, port))
    api = FakeBotApi(env["SCHUTZLOTSE_TELEGRAM_TOKEN"])
    bot = await BotProcess(env, tmp_path).start()
    try:
        status, report = await bot.health_until(
            lambda code, r: "error" in r["checks"]["channels"]["telegram"])
        assert status == 503 and report["status"] == "failing"
        assert any("telegram not connected" in p for p in report["problems"])
        await bot.wait_log(lambda line: "telegram: not connected" in line)

        await api.start(port)  # the Bot API becomes reachable
        await api.wait_for("getUpdates", timeout=30)
        status, report = await bot.health_until(lambda code, r: code == 200)
        assert report["checks"]["channels"]["telegram"]["connected"] is True
        assert report["status"] == "degraded"  # the shipped roster is an example
        assert "escalation disabled" in " ".join(report["warnings"])
        await bot.wait_log(lambda line: "telegram: connected" in line)

        api.inject_message(7, 7, "/start")
        await api.wait_for("sendMessage", timeout=15)
        assert "Schutzlotse" in api.sent_messages(7)[0].text
        metrics = await bot.metrics_until("schutzlotse_turns_total 1.0")
        assert 'schutzlotse_channel_up{channel="telegram"} 1.0' in metrics
        assert "schutzlotse_turns_total 1.0" in metrics

        bot.proc.send_signal(signal.SIGTERM)
        assert await bot.wait() == 0
    finally:
        await bot.kill()
        await api.stop()
    log = "\n".join(bot.lines)
    assert "Traceback" not in log
    # several attempts failed, but the failure was logged once
    assert sum("telegram: not connected" in line for line in bot.lines) == 1, log
    assert "stopped cleanly" in log


async def _collect(sock: socket.socket, got: list[str], arrived: asyncio.Event) -> None:
    """Read sd_notify datagrams all the time, as systemd does (a full queue drops them)."""
    loop = asyncio.get_running_loop()
    while True:
        got.append((await loop.sock_recv(sock, 4096)).decode())
        arrived.set()


async def _notices(want: str, got: list[str], arrived: asyncio.Event, timeout: float = 20.0) -> None:
    """Wait until a datagram containing `want` was read."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not any(want in g for g in got):
        arrived.clear()
        await asyncio.wait_for(arrived.wait(), max(0.0, deadline - loop.time()))


async def test_sigterm_lets_the_answer_in_flight_go_out_then_exits_0(tmp_path):
    api = FakeBotApi()
    await api.start()
    notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)  # plays systemd's part
    notify.bind(str(tmp_path / "notify"))
    notify.setblocking(False)
    env = bot_env(tmp_path / "data", SCHUTZLOTSE_STATUS_LISTEN=status_listen(), **telegram_env(api),
                  NOTIFY_SOCKET=str(tmp_path / "notify"), WATCHDOG_USEC="400000",
                  SCHUTZLOTSE_SHUTDOWN_GRACE_SECONDS="60")  # generous: this machine is shared
    notices: list[str] = []
    arrived = asyncio.Event()
    collector = asyncio.create_task(_collect(notify, notices, arrived))
    bot = await BotProcess(env, tmp_path).start()

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(BIN), *args], env=env, cwd=tmp_path, stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, timeout=60)

    try:
        await _notices("READY=1", notices, arrived)
        await _notices("WATCHDOG=1", notices, arrived)  # pinged every WatchdogSec/2
        await api.wait_for("getUpdates", timeout=30)
        # while it runs: a second bot on the same data is refused, and so is a restore over it
        # (in a thread: the fake Bot API keeps serving meanwhile)
        second = await asyncio.to_thread(cli, "run")
        assert second.returncode == 2 and "is running" in second.stderr
        backup = await asyncio.to_thread(cli, "backup", str(tmp_path / "backup"))
        assert backup.returncode == 0, backup.stderr
        restore = await asyncio.to_thread(cli, "restore", "--force", str(tmp_path / "backup"))
        assert restore.returncode == 1 and "running Schutzlotse" in restore.stderr

        arrived, release = api.hold("sendMessage")
        api.inject_message(7, 7, "/start")
        await asyncio.wait_for(arrived.wait(), 15)  # the answer is on its way, held by the server
        bot.proc.send_signal(signal.SIGTERM)
        await bot.wait_log(lambda line: "SIGTERM received" in line)
        await _notices("STOPPING=1", notices, arrived)
        assert bot.proc.returncode is None  # waiting for the answer to go out
        release.set()
        assert await bot.wait(timeout=30) == 0
    finally:
        await bot.kill()
        await api.stop()
        collector.cancel()
        await asyncio.gather(collector, return_exceptions=True)
        notify.close()
    assert "Schutzlotse" in api.sent_messages(7)[0].text
    log = "\n".join(bot.lines)
    assert "stopped cleanly" in log and "Traceback" not in log and "still running" not in log
    # the handled update was confirmed to Telegram before the exit
    assert any(int(c.params.get("offset") or 0) > 1 for c in api.calls_to("getUpdates")), api.calls_to("getUpdates")


def test_existing_data_dir_becomes_owner_only(tmp_path):
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    data.chmod(0o755)
    result = subprocess.run([str(BIN), "chat", "--jsonl"], env=bot_env(data), cwd=tmp_path,
                            input='{"command": "start"}\n', capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert data.stat().st_mode & 0o777 == 0o700
    for path in data.rglob("*"):
        assert path.stat().st_mode & 0o077 == 0, path
