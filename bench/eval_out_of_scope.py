"""Out of scope, typed at the first screen after /start (as every Telegram chat begins).

Messages that tell no incident and ask nothing this help line is for (the blind writer EO's
`category: none` in tests/data/dev/first-messages-eo-*.yaml: a journalist, a town-hall
matter, a test, spam, an insult at the bot, instructions to the bot) should get no offence
claimed ("Verstanden: Bedrohung"); the in-scope development messages (every category
example of tests/data/dev/dev-*.yaml, the in-scope first messages, the first message of
every development conversation) should never get the out-of-scope reply. The -b halves
of split sets are counted, never shown.

Run: .venv/bin/python bench/eval_out_of_scope.py [--show]
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from knowledge.base import Knowledge, load  # noqa: E402
from tests.helpers import PureChat, all_text  # noqa: E402

DEV = Path(__file__).resolve().parent.parent / "tests" / "data" / "dev"
OUTSIDE = ("Mit anderen Anliegen wenden Sie sich", "For other matters, please contact")
NOT_UNDERSTOOD = ("nicht verstanden", "did not understand")


def first_screen(k: Knowledge, text: str, lang: str | None = None) -> tuple[str, list[str]]:
    """What the bot says to `text` typed after /start, and the offences it took in."""
    chat = PureChat(k, lang=lang)
    chat.command("start")
    said = all_text(chat.text(text))
    state = chat.state
    return said, [c for c in (state.category, *state.also) if c] if state is not None else []


def claims(k: Knowledge, said: str, taken: list[str]) -> bool:
    """An offence taken in, or named as understood."""
    return bool(taken) or any(f"{word}: {k.categories[c].label.get(lang)}" in said
                              for c in k.categories for word, lang in (("Verstanden", "de"), ("Understood", "en")))


def in_scope_texts() -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for path in sorted(DEV.glob("dev-*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        rows += [(path.name, t) for texts in (doc.get("categories") or {}).values() for t in texts]
    for path in sorted(DEV.glob("first-messages*.yaml")):
        items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        rows += [(path.name, i["text"]) for i in items if isinstance(i, dict) and i.get("category") not in (None, "none")]
    for path in sorted(DEV.glob("conversations-*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        rows += [(path.name, c["first"]) for c in doc["conversations"]]
    return rows


def main() -> int:
    show = "--show" in sys.argv
    k = load()
    for path in sorted(DEV.glob("first-messages-eo-*.yaml")):
        items = [i for i in yaml.safe_load(path.read_text(encoding="utf-8")) if i["category"] == "none"]
        claimed = outside = unclear = 0
        for item in items:
            said, taken = first_screen(k, item["text"], item["lang"])
            claimed += claims(k, said, taken)
            outside += any(o in said for o in OUTSIDE)
            unclear += any(n in said for n in NOT_UNDERSTOOD)
            if show and not path.name.endswith("-b.yaml") and claims(k, said, taken):
                print(f"  claimed {taken}: {item['text'][:120]}")
        print(f"{path.name}: {len(items)} out of scope; an offence claimed for {claimed}, "
              f"the out-of-scope reply {outside}, 'not understood' {unclear}")
    rows = in_scope_texts()
    turned = [(name, text) for name, text in rows if any(o in first_screen(k, text)[0] for o in OUTSIDE)]
    print(f"in scope: {len(rows)} development messages; the out-of-scope reply for {len(turned)}")
    for name, text in turned:
        if show and not name.endswith("-b.yaml"):
            print(f"  {name}: {text[:120]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
