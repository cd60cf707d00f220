#!/usr/bin/env bash
# Installs the Matrix homeserver Synapse into its own venv for the test suite.
# Own venv because Synapse's pins must not enter the project's dependency resolution.
# Idempotent: a marker file naming the version skips the work on later runs.
set -euo pipefail

SYNAPSE_VERSION="1.163.2"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${SYNAPSE_VENV:-$REPO_ROOT/.venv-synapse}"
PYTHON="${PYTHON:-python3}"
MARKER="$VENV/.schutzlotse-synapse-$SYNAPSE_VERSION"

# The marker alone is not trusted: a venv whose python broke (e.g. system python
# upgraded) must be rebuilt, so the import is checked too.
if [[ -f "$MARKER" ]] && "$VENV/bin/python" -c "import synapse" >/dev/null 2>&1; then
    echo "Synapse $SYNAPSE_VERSION already installed in $VENV"
    exit 0
fi

if [[ ! -x "$VENV/bin/python" ]]; then
    # Debian ships venv separately (python3-venv); name it instead of failing obscurely.
    if ! "$PYTHON" -m venv "$VENV"; then
        echo "error: '$PYTHON -m venv' failed; on Debian install python3-venv" >&2
        exit 1
    fi
fi

rm -f "$VENV"/.schutzlotse-synapse-*
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    "matrix-synapse==$SYNAPSE_VERSION"

installed="$("$VENV/bin/python" -c 'from importlib.metadata import version; print(version("matrix-synapse"))')"
if [[ "$installed" != "$SYNAPSE_VERSION" ]]; then
    echo "error: expected Synapse $SYNAPSE_VERSION, found $installed in $VENV" >&2
    exit 1
fi
touch "$MARKER"
echo "Synapse $SYNAPSE_VERSION installed in $VENV"
