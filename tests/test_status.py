"""/healthz and /metrics of a running bot (in process, real Telegram fake, real SQLite),
and the start on the last good knowledge when the configured one is broken."""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp

from bot.app import open_app
from bot.config import Settings
from bot.runner import Service
from bot.status import query_health
from tests.escalation_helpers import knowledge_dir
from tests.incident_helpers import KEY_A, TRIAGE_TO_RESULT
from tests.telegram_harness import FakeBotApi, free_port

ADMIN = 99


def settings_for(tmp: Path, api: FakeBotApi, knowledge: Path, **extra: Any) -> Settings:
    values = dict(
        data_dir=tmp / "data", data_key=KEY_A, knowledge_dir=knowledge,
        telegram_token=api.token, telegram_base_url=api.base_url, telegram_base_file_url=api.base_file_url,
        telegram_poll_timeout=1, telegram_rate_global=0, telegram_rate_per_chat=0,
        status_listen=f"127.0.0.1:{free_port()}", admins=[f"telegram:{ADMIN}:{ADMIN}"],
    )
    values.update(extra)
    return Settings(_env_file=None, **values)


@contextlib.asynccontextmanager
async def serving(settings: Settings, api: FakeBotApi) -> AsyncIterator[Service]:
    async with open_app(settings) as app:
        service = Service(app)
        task = asyncio.create_task(service.run())
        try:
            await api.wait_for("getUpdates", timeout=20)
            yield service
        finally:
            service.stop.set()
            assert await task == 0


async def get(settings: Settings, path: str) -> tuple[int, str]:
    host, port = settings.status_address
    async with aiohttp.ClientSession(trust_env=False) as session:
        async with session.get(f"http://{host}:{port}{path}") as response:
            return response.status, await response.text()


async def healthz(settings: Settings) -> tuple[int, dict[str, Any]]:
    status, body = await get(settings, "/healthz")
    return status, json.loads(body)


async def until_health(settings: Settings, predicate, timeout: float = 15.0) -> dict[str, Any]:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        status, report = await healthz(settings)
        if predicate(status, report):
            return report
        assert loop.time() < deadline, report
        await asyncio.sleep(0.05)  # polling a condition, bounded by the deadline


async def talk(api: FakeBotApi, chat: int, texts: list[str]) -> None:
    for text in texts:
        since = len(api.calls)
        api.inject_message(chat, chat, text)
        await api.wait_for("sendMessage", since=since, timeout=10)


async def test_healthz_and_metrics_of_a_running_bot(tmp_path):
    async with FakeBotApi() as api:
        settings = settings_for(tmp_path, api, knowledge_dir(tmp_path))
        async with serving(settings, api) as service:
            report = await until_health(settings, lambda code, r: code == 200)
            assert report["status"] == "ok", report
            checks = report["checks"]
            assert checks["database"] == "writable"
            assert checks["escalation"] == "enabled"
            assert checks["channels"]["telegram"]["connected"] is True
            assert checks["knowledge"]["state"] == "configured" and checks["knowledge"]["age_seconds"] >= 0
            assert all(checks["schedulers"].values())
            assert checks["event_loop_lag_seconds"] < 2

            code, report, summary = await asyncio.to_thread(query_health, *settings.status_address)
            assert code == 0 and summary == "ok"

            await talk(api, 7, TRIAGE_TO_RESULT)  # a whole consultation, ending in Pirna
            # The answer reaches the user just before its turn is counted: wait for the count.
            loop = asyncio.get_running_loop()
            deadline = loop.time() + 10
            while True:
                status, metrics = await get(settings, "/metrics")
                counted = re.search(r"^schutzlotse_turns_total (\d+)", metrics, re.M)
                if (counted and int(counted.group(1)) >= len(TRIAGE_TO_RESULT)) or loop.time() > deadline:
                    break
                await asyncio.sleep(0.05)
            assert status == 200
            names = {m.group(1) for m in re.finditer(r"^(\w+?)(?:_bucket|_count|_sum|_total|_created)?[{ ]",
                                                     metrics, re.M)}
            assert all(name.startswith("schutzlotse_") for name in names), names
            assert 'schutzlotse_consultations_total{category="insult",direktion="pd_dresden"} 1.0' in metrics
            assert "schutzlotse_conversations_started_total 1.0" in metrics
            assert re.search(r"^schutzlotse_turns_total (\d+)", metrics, re.M).group(1) == str(len(TRIAGE_TO_RESULT))
            assert f'schutzlotse_turn_seconds_count {len(TRIAGE_TO_RESULT)}.0' in metrics
            assert 'schutzlotse_escalations{state="open"} 0.0' in metrics
            assert "schutzlotse_escalation_take_seconds_count 0.0" in metrics
            # handled updates are marked done in batches, within FLUSH_DELAY: the backlog empties
            deadline = loop.time() + 10
            while (backlog := float(re.search(r'^schutzlotse_inbox_backlog\{channel="telegram"\} (\S+)',
                                              (await get(settings, "/metrics"))[1], re.M)[1])) > 0:
                assert loop.time() < deadline, backlog
                await asyncio.sleep(0.05)
            assert "schutzlotse_knowledge_age_seconds" in metrics
            labels = " ".join(re.findall(r"\{([^}]*)\}", metrics))
            for private in ("Pirna", "telegram:7", '"7"', "01796"):
                assert private not in labels

            # a dead scheduler makes the bot unhealthy, and says which
            service.app.escalations._task.cancel()
            report = await until_health(settings, lambda code, r: code == 503)
            assert "escalation-scheduler is not running" in report["problems"]
            code, _, summary = await asyncio.to_thread(query_health, *settings.status_address)
            assert code == 1 and "escalation-scheduler" in summary


async def test_invalid_knowledge_starts_on_the_last_good_one_and_tells_the_admins(tmp_path):
    source = knowledge_dir(tmp_path)
    async with FakeBotApi() as api:
        settings = settings_for(tmp_path, api, source)
        async with open_app(settings) as app:  # a good start keeps a copy
            assert not app.knowledge_start.degraded
            good = app.knowledge.current.version
        assert (settings.data_dir / "knowledge-last-good" / "VERSION").read_text().strip() == good

        flow = source / "flow.yaml"
        original = flow.read_text("utf-8")
        flow.write_text(original.replace("start: danger_now", "start: no_such_question"), "utf-8")
        async with serving(settings, api) as service:
            assert service.app.knowledge_start.degraded
            assert service.app.knowledge.current.version == good
            report = await until_health(settings, lambda code, r: r["checks"]["channels"]["telegram"]["connected"])
            assert report["status"] == "degraded" and report["checks"]["knowledge"]["state"] == "last good copy"
            assert any("running on the last good version" in w for w in report["warnings"])
            status, metrics = await get(settings, "/metrics")
            assert "schutzlotse_knowledge_degraded 1.0" in metrics

            await api.wait_for(lambda c: c.method == "sendMessage" and str(c.params.get("chat_id")) == str(ADMIN))
            alert = api.sent_messages(ADMIN)[-1].text
            assert "letzten gültigen Wissensbasis" in alert and "flow.yaml" in alert

            await talk(api, 7, ["/start"])  # users are served all the same
            assert "Schutzlotse" in api.sent_messages(7)[0].text

            flow.write_text(original, "utf-8")  # the admin repairs it: the watcher switches back
            outcome = await service.app.knowledge_watcher.reload("test")
            assert outcome.ok
            report = await until_health(settings, lambda code, r: r["status"] == "ok")
            assert report["checks"]["knowledge"]["state"] == "configured"


async def test_invalid_knowledge_without_a_good_copy_still_refuses_to_start(tmp_path):
    source = knowledge_dir(tmp_path)
    (source / "flow.yaml").write_text("start: [", "utf-8")
    from knowledge.yamlsource import KnowledgeError

    async with FakeBotApi() as api:
        settings = settings_for(tmp_path, api, source)
        try:
            async with open_app(settings):
                raise AssertionError("started without any valid knowledge")
        except KnowledgeError:
            pass
    shutil.rmtree(source)
