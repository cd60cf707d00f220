"""Loads a knowledge directory into one immutable, validated `Knowledge` object."""

from __future__ import annotations

import gc
import hashlib
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from knowledge.incident import IncidentTexts
from knowledge.places import PLACE_FILES, PlaceIndex
from knowledge.police import PoliceData, load_places
from knowledge.schema import (
    Aspect,
    CategoriesFile,
    Category,
    Contact,
    ContactsFile,
    Flow,
    UiTexts,
)
from knowledge.danger import DangerRules
from knowledge.examples import EXAMPLE_FILES, ExamplesFile, TrainingSet, sources_digest
from knowledge.model import Model, find_by_sources, obtain, remember
from knowledge.understanding import Understander, Understanding
from knowledge.escalation_policy import EscalationFile
from knowledge.roster import DutyRoster
from knowledge.yamlsource import KnowledgeError, Problem, YamlDocument, parse_yaml, read_yaml

# File name -> root model. Order is the order errors are reported in.
FILES: dict[str, type[BaseModel]] = {
    "flow.yaml": Flow,
    "texts.yaml": UiTexts,
    "contacts.yaml": ContactsFile,
    "categories.yaml": CategoriesFile,
    "police.yaml": PoliceData,
    "incident.yaml": IncidentTexts,
    "roster.yaml": DutyRoster,
    "escalation.yaml": EscalationFile,
    EXAMPLE_FILES["de"]: ExamplesFile,
    EXAMPLE_FILES["en"]: ExamplesFile,
}
EXAMPLE_NAMES = tuple(EXAMPLE_FILES.values())


def default_dir() -> Path:
    return Path(str(resources.files("knowledge") / "data"))


@dataclass(frozen=True)
class Knowledge:
    flow: Flow
    texts: UiTexts
    contacts: dict[str, Contact]
    categories: dict[str, Category]
    aspects: dict[str, Aspect]
    catalogue: CategoriesFile
    police: PoliceData
    places: PlaceIndex
    version: str
    source_dir: Path
    documents: dict[str, YamlDocument]
    incident: IncidentTexts
    roster: DutyRoster | None = None
    escalation: EscalationFile | None = None
    examples: ExampleFiles = field(default_factory=lambda: ExampleFiles({}))  # by language
    model: Model | None = None  # trained on `examples` (knowledge.model)
    sources: str = ""  # what the model's training set is built from (examples.sources_digest)

    @cached_property
    def understander(self) -> Understander:
        danger = self.catalogue.danger
        rules = DangerRules(danger.terms.all(), danger.weak.all(), danger.context.all(), danger.negations.all())
        return Understander(self.model, rules, frozenset(self.categories),
                            offences=frozenset(cid for cid, c in self.categories.items() if c.offence))

    @property
    def escalation_enabled(self) -> bool:
        """False with the shipped example roster or nobody to alert: then the "also
        inform the on-duty police" option must not be offered (110 always stays)."""
        return self.escalation is not None and self.roster is not None and self.roster.usable

    def classify(self, text: str) -> list[str]:
        """The category ids that count for `text` (0, 1 or 2), best first."""
        return [c.id for c in self.understander.categories(text)]

    def is_danger(self, text: str) -> bool:
        return self.understander.danger(text).danger

    def understand(self, text: str) -> Understanding:
        """Everything one message says (knowledge/understanding.py)."""
        return self.understander.understand(text, places=self.places)

    def detect_language(self, text: str) -> str | None:
        return self.understander.language(text)


def _validate(doc: YamlDocument, model: type[BaseModel], problems: list[Problem]) -> Any:
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(err["loc"])
            problems.append(
                Problem(doc.file, doc.line_of(loc), doc.name_of(loc), _explain(err, model))
            )
        return None


def _explain(err: dict[str, Any], model: type[BaseModel]) -> str:
    kind = err["type"]
    loc = tuple(err["loc"])
    if kind == "missing":
        if loc and loc[-1] in ("de", "en"):
            return f"the {loc[-1]!r} translation is missing (every text needs de and en)"
        return "required field is missing"
    if kind == "extra_forbidden":
        from knowledge.fieldhints import allowed_fields, closest

        allowed = allowed_fields(model, loc[:-1])
        hint = closest(str(loc[-1]), allowed)
        guess = f"; did you mean {hint!r}?" if hint else ""
        listed = f" Allowed here: {', '.join(allowed)}." if allowed else ""
        return f"unknown field {loc[-1]!r}{guess}{listed}"
    return str(err["msg"])


def _locate_police_problems(doc: YamlDocument, problems: list[Problem], start: int) -> None:
    """Replace the schema's whole-file cross-check error by precise, line-numbered ones."""
    from knowledge.checks import police_raw_problems
    from knowledge.police import SAXON_DISTRICTS

    from knowledge.police_checks import name_entries_by_id

    precise = police_raw_problems(doc, SAXON_DISTRICTS)
    whole_file = [p for p in problems[start:] if not p.field]
    if precise and whole_file:
        problems[:] = [p for p in problems if p not in whole_file] + precise
    problems[:] = name_entries_by_id(doc, problems)


def _fingerprint(directory: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(directory.iterdir()):
        if path.is_file() and path.suffix in {".yaml", ".csv"}:
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def neutral_texts(places: PlaceIndex) -> list[str]:
    """Saxon municipality names: never danger, whatever the model makes of an unknown word."""
    # Only the Saxon part: asking for all places would load Germany's at every start.
    return sorted({p.name for p in places.saxon_places()})


def load(directory: Path | None = None, *, check_references: bool = True) -> Knowledge:
    """Load and validate everything; raise KnowledgeError listing every problem found.

    The garbage collector waits meanwhile: loading makes a few hundred thousand objects
    (YAML nodes, 16,000 examples) and no cycles worth a pass, and its passes over them were
    a quarter of the understanding's start-up (measured: 261-313 ms with, 194-233 without)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _load(directory, check_references)
    finally:
        if was_enabled:
            gc.enable()


def _load(directory: Path | None, check_references: bool) -> Knowledge:
    directory = Path(directory) if directory else default_dir()
    if not directory.is_dir():
        raise KnowledgeError([Problem(str(directory), None, "", "knowledge directory not found")])
    problems: list[Problem] = []
    models: dict[str, Any] = {}
    documents: dict[str, YamlDocument] = {}
    for name, model in FILES.items():
        if name in EXAMPLE_NAMES:
            continue  # below: parsed only when no stamped model fits their bytes
        path = directory / name
        if not path.exists():
            problems.append(Problem(name, None, "", "file is missing"))
            continue
        try:
            doc = read_yaml(path, directory)
        except KnowledgeError as exc:
            problems.extend(exc.problems)
            continue
        documents[name] = doc
        before = len(problems)
        models[name] = _validate(doc, model, problems)
        if name == "police.yaml" and models[name] is None:
            _locate_police_problems(doc, problems, before)
    raw = _example_bytes(directory, problems)
    for csv_name in PLACE_FILES:
        if not (directory / csv_name).exists():
            problems.append(Problem(csv_name, None, "", "place data file is missing"))
    search = [directory, default_dir()]
    model = None
    if not problems:
        catalogue: CategoriesFile = models["categories.yaml"]
        places = load_places(directory, models["police.yaml"])
        sources = sources_digest(raw, sorted(catalogue.categories), neutral_texts(places))
        model = find_by_sources(sources, search)
    stamped = model is not None
    examples = ExampleFiles(raw) if stamped else ExampleFiles.parse(raw, problems)
    if problems:
        raise KnowledgeError(problems)
    if model is None:
        training = TrainingSet.build(dict(examples), sorted(catalogue.categories), neutral_texts(places))
        # Current shipped or cached model, else trained now (a reload after an admin edit).
        model = obtain(training, search)
    knowledge = Knowledge(
        flow=models["flow.yaml"],
        texts=models["texts.yaml"],
        contacts=models["contacts.yaml"].contacts,
        categories=catalogue.categories,
        aspects=catalogue.aspects,
        catalogue=catalogue,
        police=models["police.yaml"],
        places=places,
        version=_fingerprint(directory),
        source_dir=directory,
        documents=documents,
        incident=models["incident.yaml"],
        roster=models["roster.yaml"],
        escalation=models["escalation.yaml"],
        examples=examples,
        model=model,
        sources=sources,
    )
    if check_references:
        from knowledge.checks import reference_problems

        # A stamped model's examples passed these checks when it was stamped (same bytes).
        errors = [p for p in reference_problems(knowledge, examples=not stamped) if p.severity == "error"]
        if errors:
            raise KnowledgeError(errors)
        if model.sources != sources:
            remember(model, sources)
    return knowledge


def _example_bytes(directory: Path, problems: list[Problem]) -> dict[str, bytes]:
    raw: dict[str, bytes] = {}
    for name in EXAMPLE_NAMES:
        try:
            raw[name] = (directory / name).read_bytes()
        except FileNotFoundError:
            problems.append(Problem(name, None, "", "file is missing"))
        except OSError as exc:
            problems.append(Problem(name, None, "", f"cannot read file: {exc.strerror}"))
    return raw


def _parse_examples(raw: dict[str, bytes], problems: list[Problem]
                    ) -> tuple[dict[str, ExamplesFile], dict[str, YamlDocument]]:
    """The example files by language, validated, and their documents by file name."""
    files: dict[str, ExamplesFile] = {}
    documents: dict[str, YamlDocument] = {}
    for lang, name in EXAMPLE_FILES.items():
        if name not in raw:
            continue
        try:
            doc = parse_yaml(raw[name], name)
        except KnowledgeError as exc:
            problems.extend(exc.problems)
            continue
        documents[name] = doc
        if (parsed := _validate(doc, ExamplesFile, problems)) is not None:
            files[lang] = parsed
    return files, documents


class ExampleFiles(Mapping[str, ExamplesFile]):
    """The example files by language. When the model is stamped with their bytes they are
    parsed on first use (`knowledge check`, retraining, benchmarks), not at every start:
    reading and validating 7 MB of YAML was half the start-up (bench/bench_understanding.py)."""

    def __init__(self, raw: dict[str, bytes]):
        self._raw = raw
        self._parsed: tuple[dict[str, ExamplesFile], dict[str, YamlDocument]] | None = None
        self._lock = threading.Lock()

    @classmethod
    def parse(cls, raw: dict[str, bytes], problems: list[Problem]) -> ExampleFiles:
        """Parsed now, their problems added to `problems` (the load reports them all)."""
        files = cls(raw)
        files._parsed = _parse_examples(raw, problems)
        return files

    def _files(self) -> tuple[dict[str, ExamplesFile], dict[str, YamlDocument]]:
        with self._lock:
            if self._parsed is None:
                problems: list[Problem] = []
                parsed = _parse_examples(self._raw, problems)
                if problems:  # stamped bytes passed the checks; said plainly if not
                    raise KnowledgeError(problems)
                self._parsed = parsed
            return self._parsed

    @property
    def documents(self) -> dict[str, YamlDocument]:
        """Each example file's document (lines of its values), by file name."""
        return self._files()[1]

    def __getitem__(self, lang: str) -> ExamplesFile:
        return self._files()[0][lang]

    def __iter__(self) -> Iterator[str]:
        return iter(self._files()[0])

    def __len__(self) -> int:
        return len(self._files()[0])
