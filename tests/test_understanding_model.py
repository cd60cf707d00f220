"""The trained understanding model: shipped artifact, determinism, retraining, labels."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

import knowledge.model as km
from bot.knowledge_holder import KnowledgeHolder
from knowledge.base import Knowledge, default_dir
from knowledge.classifier import MIN_CONFIDENCE, CategoryScore, counted
from knowledge.concepts import concepts
from knowledge.features import analyse, fold
from knowledge.model import ARTIFACT, Model, model_key
from knowledge.training import train, training_set


def test_shipped_artifact_is_current(knowledge: Knowledge) -> None:
    shipped = Model.from_bytes((default_dir() / ARTIFACT).read_bytes())
    assert shipped.key == model_key(training_set(knowledge)), (
        "knowledge/data/understanding-model.npz is stale: run `python -m knowledge.training`"
    )
    assert knowledge.model is not None and knowledge.model.key == shipped.key
    assert shipped.sources == knowledge.sources, (
        "the shipped artifact is not stamped with the shipped examples (every start would parse "
        "them): run `python -m knowledge.training`"
    )


def _parsed_files(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records the name of every file knowledge.base parses from bytes from now on."""
    import knowledge.base as kb

    seen: list[str] = []
    real = kb.parse_yaml

    def recording(raw: bytes, name: str):  # type: ignore[no-untyped-def]
        seen.append(name)
        return real(raw, name)

    monkeypatch.setattr(kb, "parse_yaml", recording)
    return seen


def test_a_start_with_the_stamped_examples_parses_them_only_when_asked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from knowledge.base import load
    from knowledge.checks import reference_problems

    monkeypatch.setenv("SCHUTZLOTSE_MODEL_CACHE", str(tmp_path / "cache"))
    directory = tmp_path / "knowledge"
    shutil.copytree(default_dir(), directory)
    parsed = _parsed_files(monkeypatch)
    k = load(directory)
    assert parsed == [] and k.model is not None and k.model.sources == k.sources
    assert len(k.examples["de"].categories["threat"]) >= 10  # parsed now, on first use
    assert sorted(parsed) == ["examples-de.yaml", "examples-en.yaml"]
    assert not [p for p in reference_problems(k) if p.severity == "error"]
    assert not (tmp_path / "cache").exists()  # the shipped stamp sufficed: nothing written


def test_an_edit_is_parsed_and_checked_once_then_stamped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A start after an admin's edit parses and checks the examples; once they passed, the
    model is stamped with their bytes in the cache and the next start finds it unparsed."""
    from knowledge.base import load

    monkeypatch.setenv("SCHUTZLOTSE_MODEL_CACHE", str(tmp_path / "cache"))
    directory = tmp_path / "knowledge"
    shutil.copytree(default_dir(), directory)
    path = directory / "examples-en.yaml"
    # A comment changes the bytes, not the training set: the shipped model still fits by key.
    path.write_bytes(b"# edited by an admin\n" + path.read_bytes())
    parsed = _parsed_files(monkeypatch)
    first = load(directory)
    assert sorted(parsed) == ["examples-de.yaml", "examples-en.yaml"]
    assert first.model is not None and first.model.sources != first.sources  # found by key
    assert (tmp_path / "cache" / f"sources-{first.sources}.npz").exists()
    km._BY_SOURCES.clear()
    parsed.clear()
    again = load(directory)
    assert parsed == [] and again.model is not None and again.model.sources == again.sources
    assert again.model.key == first.model.key


def test_examples_that_fail_their_checks_are_not_stamped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Otherwise the next start would skip the checks that stopped this one."""
    from knowledge.base import load
    from knowledge.yamlsource import KnowledgeError

    monkeypatch.setenv("SCHUTZLOTSE_MODEL_CACHE", str(tmp_path / "cache"))
    directory = tmp_path / "knowledge"
    shutil.copytree(default_dir(), directory)
    path = directory / "examples-de.yaml"
    typo = "".join(f'    - "ein beispiel {i} unter einem vertippten namen"\n' for i in range(3))
    path.write_text(path.read_text(encoding="utf-8").replace("categories:\n", "categories:\n  coercon:\n" + typo, 1),
                    encoding="utf-8")
    for _ in range(2):
        with pytest.raises(KnowledgeError, match="coercon"):
            load(directory)
        km._BY_SOURCES.clear()
    assert not list((tmp_path / "cache").glob("sources-*"))


def test_training_is_deterministic_and_matches_the_shipped_model(knowledge: Knowledge) -> None:
    training = training_set(knowledge)
    first = train(training, model_key(training)).to_bytes()
    assert train(training, model_key(training)).to_bytes() == first
    retrained, shipped = Model.from_bytes(first), knowledge.model
    assert shipped is not None
    texts = [e.text for e in training.categories[::7]]
    for text in texts:
        a, b = retrained.vector(text), shipped.vector(text)
        assert retrained.scores("category", a) == pytest.approx(shipped.scores("category", b), abs=1e-3)


def test_fast_and_plain_vectors_agree(knowledge: Knowledge) -> None:
    vectorizer = knowledge.model.vectorizer  # type: ignore[union-attr]
    for text in ["Hilfe, er steht vor der Tür!!", "ok", "", "a man punched me after the meeting 😡"]:
        folded = fold(text)
        plain = vectorizer.transform(analyse(text))
        fast = vectorizer.transform_folded(folded, concepts(folded, text))
        a, b = np.argsort(plain.idx), np.argsort(fast.idx)
        assert plain.idx[a].tolist() == fast.idx[b].tolist()
        assert plain.values[a].tolist() == pytest.approx(fast.values[b].tolist())


def test_training_matrices_are_the_scorers_vectors(knowledge: Knowledge) -> None:
    """The trainer builds its vocabulary and matrices in bulk; they must be what the
    scorer computes message by message, or the heads learn on other features."""
    from knowledge.model import Vectorizer
    from knowledge.training import DANGER_WEIGHTS, MIN_DF, Featurizer

    texts = sorted({e.text for e in training_set(knowledge).categories})[::9]
    feats = Featurizer(texts)
    bulk = feats.vectorizer(texts[:-20])  # the last texts have features outside it
    plain = Vectorizer.fit([analyse(t) for t in texts[:-20]], MIN_DF)
    assert bulk.vocabulary == plain.vocabulary and bulk.idf.tolist() == plain.idf.tolist()
    rows = feats.matrix(bulk, texts, DANGER_WEIGHTS)
    for i, text in enumerate(texts):
        vector = plain.transform(analyse(text))
        order = np.argsort(vector.idx)
        row = rows.getrow(i)
        assert row.indices.tolist() == vector.idx[order].tolist()
        assert row.data.tolist() == pytest.approx(vector.weigh(DANGER_WEIGHTS)[order].tolist(), abs=1e-6)


def test_the_classifier_learns_its_categories(knowledge: Knowledge) -> None:
    assert knowledge.classify("Jemand hat mich nach der Sitzung ins Gesicht geschlagen")[0] == "physical_attack"
    assert knowledge.classify("they posted my home address in a telegram group")[0] == "doxxing"
    assert knowledge.classify("mein Auto wurde zerkratzt und die Reifen zerstochen")[0] == "property_damage"
    # The offence named in a word is that offence, not the doubt "ist das schon eine Drohung?"
    assert knowledge.classify("Drohung")[0] == "threat" and knowledge.classify("Angriff")[0] == "physical_attack"
    assert knowledge.classify("threat")[0] == "threat" and knowledge.classify("attack")[0] == "physical_attack"


@pytest.mark.parametrize(("text", "category"), [
    # Plainly said, with no demand attached: a threat, not coercion (taught as examples).
    ("die drohen mir weil ich für das windrad gestimmt hab", "threat"),
    ("they threaten me", "threat"),
    ("sie drohen mir, wenn ich nicht zurücktrete", "coercion"),  # a demand: coercion
    # revenge for a decision already taken demands nothing: a threat
    ("he said he'll cut me for what i did to his business with the permit", "threat"),
])
def test_a_plain_threat_is_a_threat_and_a_demand_is_coercion(knowledge: Knowledge, text: str, category: str) -> None:
    assert knowledge.classify(text)[0] == category


@pytest.mark.parametrize("text", ["", "ok", "?", "12", "nein", "Ja!", "danke", "Hallo"])
def test_nothing_to_classify_gives_no_category(knowledge: Knowledge, text: str) -> None:
    assert knowledge.classify(text) == []


def test_second_label_counts_only_when_close() -> None:
    def ranking(*scores: float) -> tuple[CategoryScore, ...]:
        return tuple(CategoryScore(f"c{i}", s) for i, s in enumerate(scores))

    assert [c.id for c in counted(ranking(0.5, 0.4, 0.1))] == ["c0", "c1"]
    assert [c.id for c in counted(ranking(0.8, 0.15, 0.05))] == ["c0"]
    assert [c.id for c in counted(ranking(0.45, 0.3, 0.25))] == ["c0", "c1"]  # the third never counts
    assert counted(ranking(MIN_CONFIDENCE - 0.01, 0.2, 0.2)) == ()
    assert counted(()) == ()


def test_a_second_label_counts_when_its_own_fit_says_yes() -> None:
    """However sure the softmax is of the first, a second category whose own one-vs-rest
    decision is at least SECOND_DECISION counts; a negative decision does not."""
    from knowledge.classifier import SECOND_DECISION

    sure = (CategoryScore("insult", 0.99, 9.0), CategoryScore("physical_attack", 0.01, SECOND_DECISION + 0.1),
            CategoryScore("threat", 0.0, SECOND_DECISION + 0.2))
    assert [c.id for c in counted(sure)] == ["insult", "physical_attack"]  # still at most two
    alone = (CategoryScore("insult", 0.99, 9.0), CategoryScore("physical_attack", 0.01, SECOND_DECISION - 0.5))
    assert [c.id for c in counted(alone)] == ["insult"]


@pytest.mark.parametrize(("text", "both"), [
    ("der nachbar hat mich getreten und als idiot beschimpft", {"physical_attack", "insult"}),
    ("she hit me and called me stupid", {"physical_attack", "insult"}),
    ("Ein Typ hat mich Bonze genannt und meinte, er schlägt mich tot, wenn ich weitermache.", {"threat", "insult"}),
    ("someone called me a nazi whore and said they'd shoot me", {"threat", "insult"}),
])
def test_two_offences_in_one_message_are_both_counted(knowledge: Knowledge, text: str, both: set[str]) -> None:
    """A threat or an attack inside an insult keeps both labels (these wordings are not
    among the examples), so the contacts of both are merged."""
    assert {c.id for c in knowledge.understander.understand(text).categories} == both


def test_a_message_is_read_in_parts_joined_by_und_or_sentences_not_commas() -> None:
    from knowledge.understanding import message_parts

    assert message_parts("Ein Typ hat mich Bonze genannt und meinte, er schlägt mich tot.") == [
        "Ein Typ hat mich Bonze genannt", "meinte, er schlägt mich tot."]
    assert message_parts("Er hat mich beschimpft. Danach hat er gesagt, er wartet auf mich") == [
        "Er hat mich beschimpft", "Danach hat er gesagt, er wartet auf mich"]
    assert message_parts("hat mich geschubst und ist weg") == []  # "ist weg": too short to be read alone
    assert message_parts("der typ, der mich beleidigt hat, steht wieder da") == []  # commas do not part


def test_a_part_adds_only_an_offence_to_an_offence(knowledge: Knowledge) -> None:
    """Without the parts, the insult's words drown the threat; a part never adds doubt or
    advice (`offence: false`), nor does it add to them."""
    from knowledge import understanding

    u = knowledge.understander
    # The first of these that the whole message reads as an insult alone (retraining moves
    # which one does): its parts add the threat.
    texts = ("Ein Typ hat mich Bonze genannt und meinte, er schlägt mich tot, wenn ich weitermache.",
             "Der Nachbar hat mich Bonze und Schmarotzer genannt und meinte, er schlägt mich tot, wenn ich weitermache.",
             "Ein Typ hat mich Bonze, Schmarotzer und Volksverräter genannt und meinte, er schlägt mich tot.",
             "Einer hat mich vor allen Leuten als fette Sau und Bonze beschimpft und meinte, er schlägt mich tot.")
    lost = [t for t in texts if [c.id for c in understanding.counted(u.understand(t).ranking)] == ["insult"]]
    assert lost, "the whole message finds the threat in every opening: choose harder ones"
    assert [c.id for c in u.understand(lost[0]).categories] == ["insult", "threat"]
    assert u.offences == frozenset(knowledge.categories) - {"unsure", "prevention"}
    for text in ("Mein Auto wurde zerkratzt. Was soll ich jetzt tun, wer kann mir helfen?",
                 "Noch ist nichts passiert, aber ich habe Angst und will meine Adresse schützen lassen"):
        assert all(c.id in u.offences for c in u.understand(text).categories[1:]), text


def test_ranking_is_complete_and_sums_to_one(knowledge: Knowledge) -> None:
    ranking = knowledge.understander.understand("Du Idiot, wir wissen wo du wohnst und bringen dich um").ranking
    assert {c.id for c in ranking} == set(knowledge.categories)
    assert sum(c.score for c in ranking) == pytest.approx(1.0, abs=1e-3)
    assert [c.score for c in ranking] == sorted((c.score for c in ranking), reverse=True)


def test_a_reload_retrains_on_changed_examples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCHUTZLOTSE_MODEL_CACHE", str(tmp_path / "cache"))
    directory = tmp_path / "knowledge"
    shutil.copytree(default_dir(), directory)
    (directory / ARTIFACT).unlink()  # an admin's copy without the shipped model still works
    holder = KnowledgeHolder.load(directory)
    before = holder.current
    assert before.model is not None
    probe = "gnurpel"  # a made-up word: only the new examples can teach it
    assert before.understander.understand(probe).ranking[0].id != "coercion"
    path = directory / "examples-de.yaml"
    text = path.read_text(encoding="utf-8")
    new = "".join(f'    - "gnurpel {i}: ich soll wegen dem gnurpel mein amt niederlegen"\n' for i in range(12))
    path.write_text(text.replace("  coercion:\n", "  coercion:\n" + new, 1), encoding="utf-8")
    km._MEMORY.clear()
    assert holder.reload().changed
    after = holder.current
    assert after.model is not None and after.model.key != before.model.key
    assert after.understander.understand(probe).ranking[0].id == "coercion"  # learned: now the likeliest
    assert (tmp_path / "cache" / f"{after.model.key}.npz").exists()
    assert list((tmp_path / "cache" / "concepts").glob("*.npz"))  # the next training recalls them
    km._MEMORY.clear()
    again = KnowledgeHolder.load(directory).current  # from the cache this time
    assert again.model is not None and again.model.key == after.model.key
    vector = again.model.vector(probe)
    assert np.argmax(list(again.model.scores("category", vector).values())) >= 0


def test_loading_the_shipped_model_does_not_import_sklearn() -> None:
    import subprocess
    import sys

    code = "import sys, knowledge.base as kb; kb.load(); print('sklearn' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.strip() == "False"


def test_the_danger_head_learns_everyday_messages_from_every_category_stably(knowledge: Knowledge) -> None:
    """Every category gives the danger head at most EVERYDAY_CAP of its examples, and only
    those texts need concepts. The picks are stable: an example added to a category changes
    at most one of its picks (evenly spaced picks had moved half of them)."""
    from collections import Counter
    from dataclasses import replace

    from knowledge.examples import OUT_OF_SCOPE, Example
    from knowledge.training import EVERYDAY_CAP, Featurizer, danger_rows, everyday_examples

    training = training_set(knowledge)
    chosen = everyday_examples(training)
    per_label = Counter(e.label for e in chosen)
    sizes = Counter(e.label for e in training.categories if e.label != OUT_OF_SCOPE)
    assert set(per_label) == set(sizes)  # every category, and never the out-of-scope messages
    # a text under two categories is one everyday message: a pick may be shared
    assert all(min(n, EVERYDAY_CAP) - 60 <= per_label[c] <= min(n, EVERYDAY_CAP) for c, n in sizes.items())
    assert len({e.text for e in chosen}) == len(chosen)
    big = max(sizes, key=sizes.__getitem__)
    assert sizes[big] > EVERYDAY_CAP, "the test needs a category with more examples than the cap"
    before = {e.text for e in chosen if e.label == big}
    for n in range(5):
        added = Example(f"ein neues Beispiel Nummer {n}, das ein Admin ergänzt hat", "de", big)
        grown = replace(training, categories=(*training.categories, added))
        after = {e.text for e in everyday_examples(grown) if e.label == big}
        assert len(before - after) <= 1 and len(after - before) <= 1
    examples = [e.text for e in training.categories if e.label == big]
    picked = [e.text for e in chosen if e.label == big]
    assert picked == [t for t in examples if t in before]  # in the order of the sorted list
    texts, labels, weights = danger_rows(training)
    assert len(texts) == len(labels) == len(weights) == len(training.danger) + len(chosen)
    feats = Featurizer(texts[:3] + ["kein Beispiel für Gefahr"], conceptual=texts[:3])
    names = feats._names  # noqa: SLF001
    row = feats.tokens["kein Beispiel für Gefahr"]
    features = feats._features[feats._indptr[row]:feats._indptr[row + 1]]  # noqa: SLF001
    assert not any(names[f].startswith("k:") for f in features)


def test_the_language_head_learns_from_at_most_the_cap_of_each_language_spread_evenly(knowledge: Knowledge) -> None:
    from collections import Counter

    from knowledge.training import LANGUAGE_CAP, language_rows

    training = training_set(knowledge)
    texts, labels = language_rows(training)
    every = sorted({(e.text, e.lang) for e in (*training.categories, *training.danger) if e.lang})
    sizes = Counter(lang for _, lang in every)
    assert Counter(labels) == {lang: min(n, LANGUAGE_CAP) for lang, n in sizes.items()}
    german = [t for t, lang in every if lang == "de"]
    picked = [t for t, lang in zip(texts, labels) if lang == "de"]
    assert picked[0] == german[0] and german.index(picked[-1]) >= len(german) - 2 * len(german) // LANGUAGE_CAP


@pytest.mark.parametrize(("text", "kept"), [
    ("Wir erhielten ein Schreiben mit der Drohung, das Gemeindeamt auszuräuchern. "
     "Eine unmittelbare Gefahr besteht nach unserer Einschätzung nicht.",
     "Wir erhielten ein Schreiben mit der Drohung, das Gemeindeamt auszuräuchern."),
    ("There is no immediate danger. Someone posted my address.", "Someone posted my address."),
    ("not an emergency!! someone posted my address in a telegram group", "someone posted my address in a telegram group"),
    ("Er hat mir gedroht. Eine akute Gefährdung besteht nicht.", "Er hat mir gedroht."),
    ("Eine akute Gefährdung ist uns derzeit nicht bekannt.", None),  # nothing else: kept whole
    ("Ob eine Gefahr besteht, weiß ich nicht. Er steht oft vor dem Haus.", None),  # a doubt, no denial
])
def test_a_sentence_that_only_denies_a_danger_now_is_left_out_of_the_category(text: str, kept: str | None) -> None:
    from knowledge.understanding import without_danger_denials

    assert without_danger_denials(text) == (kept if kept is not None else text)


def test_a_formal_threat_with_no_danger_now_is_a_threat(knowledge: Knowledge) -> None:
    text = ("Sehr geehrte Damen und Herren, die Gemeinde Lichtenau erhielt gestern ein anonymes Schreiben mit "
            "der Drohung, das Gemeindeamt „auszuräuchern“. Eine unmittelbare Gefahr besteht nach unserer "
            "Einschätzung nicht.")
    assert knowledge.understand(text).category == "threat"


def test_the_model_cache_keeps_only_the_newest_models(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      knowledge: Knowledge) -> None:
    """Each edit of the examples caches a model of about 3 MB: a server running for years
    must not fill its disk with them."""
    import os

    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv("SCHUTZLOTSE_MODEL_CACHE", str(cache))
    for i in range(km.CACHE_KEEP + 4):
        old = cache / f"u2-old-{i}.npz"
        old.write_bytes(b"x")
        os.utime(old, (1_000_000 + i, 1_000_000 + i))
    assert knowledge.model is not None
    km.remember(knowledge.model, "0" * 20)
    left = sorted(p.name for p in cache.glob("*.npz"))
    assert len(left) == km.CACHE_KEEP and f"sources-{'0' * 20}.npz" in left
    assert f"u2-old-{km.CACHE_KEEP + 3}.npz" in left and "u2-old-0.npz" not in left  # the oldest went first
    km._BY_SOURCES.clear()
