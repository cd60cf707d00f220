"""Speed of the understanding library: per message, training, start-up.

- per message: `understand(text, k)` (classification, danger, aspects, when, language) over
  every training example (varied lengths, up to 200-word stories) and over the held-out
  messages (as people wrote them outside the project), p50/p99/max after a warm-up, as CPU
  time of the thread (what the code costs) and wall clock (what a loaded machine adds);
- training: `knowledge.training.train` on the shipped examples (sklearn imported before);
- start-up: what loading adds for understanding: reading the two example files' bytes,
  their digest and loading the artifact stamped with it (and, for comparison, parsing
  them as a start after an admin's edit does once); plus numpy's import on its own
  (the bot imports numpy anyway) and sklearn's import, which start-up avoids.
Run: .venv/bin/python bench/bench_understanding.py
"""

from __future__ import annotations

import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _import_ms(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print((time.perf_counter() - t) * 1000)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(3)]
    return min(runs)


def main() -> int:
    from knowledge.base import EXAMPLE_FILES, default_dir, load, neutral_texts
    from knowledge.examples import ExamplesFile, TrainingSet
    from knowledge.model import ARTIFACT, Model
    from knowledge.training import training_set
    from knowledge.understanding import understand
    from knowledge.yamlsource import read_yaml

    k = load()
    texts = [e.text for e in (*training_set(k).categories,)]
    texts += [t for ex in k.examples.values() for t in ex.danger_now + ex.not_danger_now]
    for text in texts[:200]:
        understand(text, k)
    gc.freeze()  # as the bot does after start
    from bench.eval_understanding import read

    # The training examples (every length a writer was asked for, up to 200-word stories)
    # and the held-out first messages (as people wrote them, outside the project).
    heldout = [i["text"] for i in read("categories.yaml")]
    heldout += [d["text"] for part in read("danger.yaml").values() for d in part]
    for name, messages in (("training examples", texts), ("held-out messages", heldout)):
        wall, cpu = [], []
        for _ in range(3):
            for text in messages:
                start, start_cpu = time.perf_counter(), time.thread_time()
                understand(text, k)
                cpu.append((time.thread_time() - start_cpu) * 1000)
                wall.append((time.perf_counter() - start) * 1000)
        print(f"understand(), {name}: {len(wall)} calls over {len(messages)} messages "
              f"(median length {statistics.median(len(t) for t in messages):.0f} chars), load average "
              f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores:")
        for kind, times in (("CPU time", cpu), ("wall clock", wall)):
            times.sort()
            print(f"  {kind}: p50 {statistics.median(times):.3f} ms, p99 {times[int(len(times) * 0.99)]:.3f} ms, "
                  f"max {times[-1]:.3f} ms")

    from knowledge.model import model_key
    from knowledge.training import train, training_set

    training = training_set(k)
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        train(training, model_key(training))
        runs.append(time.perf_counter() - start)
    print(f"training, every concept worked out (the rules changed): {len(training.categories)} category + "
          f"{len(training.danger)} danger examples: best {min(runs):.2f} s, worst {max(runs):.2f} s of 3")
    # An admin's reload: one example added, the concepts of all the others recalled from the
    # shipped memory (knowledge.concept_memory), as knowledge.model.obtain trains then.
    from dataclasses import replace

    from knowledge.concept_memory import recalled
    from knowledge.examples import Example

    warm = []
    for n in range(3):
        added = Example(f"seit gestern ruft einer an und droht mir, das {n}. mal heute", "de", "threat")
        edited = replace(training, categories=(*training.categories, added))
        memory = recalled(Path(tempfile.mkdtemp()), [default_dir()])  # an empty cache: the shipped memory
        held = len(memory)
        start = time.perf_counter()
        train(edited, model_key(edited), memory=memory)
        warm.append(time.perf_counter() - start)
    print(f"training after an admin's edit (one example added, the concepts of {held} texts recalled): "
          f"best {min(warm):.2f} s, worst {max(warm):.2f} s of 3")

    # Start-up: what loading adds for understanding. Every start: the example files' bytes,
    # their digest with the categories and neutral texts, and the artifact stamped with it
    # (knowledge.model.find_by_sources). The examples are parsed only when that fails (an
    # admin's edit, before its first checked load): then also reading and validating the
    # YAML, the training-set digest and the artifact by key, as every start did before.
    import knowledge.model as model_module
    from knowledge.examples import sources_digest

    directory = default_dir()
    names, neutral = sorted(k.categories), neutral_texts(k.places)
    stamped, unstamped = [], []
    for _ in range(5):
        gc.disable()  # as knowledge.base.load does while it loads
        model_module._BY_SOURCES.clear()
        start = time.perf_counter()
        raw = {name: (directory / name).read_bytes() for name in EXAMPLE_FILES.values()}
        model = model_module.find_by_sources(sources_digest(raw, names, neutral), [directory])
        stamped.append((time.perf_counter() - start) * 1000)
        assert model is not None, "the shipped artifact is not stamped with the shipped examples"
        start = time.perf_counter()
        files = {lang: ExamplesFile.model_validate(read_yaml(directory / name, directory).data)
                 for lang, name in EXAMPLE_FILES.items()}
        key = model_key(TrainingSet.build(files, names, neutral))
        model = Model.from_bytes((directory / ARTIFACT).read_bytes())
        assert model.key == key
        unstamped.append((time.perf_counter() - start) * 1000)
        gc.enable()
    size = sum(len(b) for b in raw.values()) / 1e6
    print(f"start-up for understanding, every start (read {size:.1f} MB of examples, digest, stamped artifact): "
          f"best {min(stamped):.0f} ms, worst {max(stamped):.0f} ms; artifact "
          f"{(directory / ARTIFACT).stat().st_size / 1024:.0f} KiB, {model.vocabulary_size} features")
    print(f"  after an edit, before its first checked load (read+validate examples, digest, artifact by key): "
          f"best {min(unstamped):.0f} ms, worst {max(unstamped):.0f} ms")
    print(f"imports alone: numpy {_import_ms('numpy'):.0f} ms (already imported by the bot); "
          f"sklearn.svm {_import_ms('sklearn.svm'):.0f} ms (only when retraining)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
