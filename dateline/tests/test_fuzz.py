"""A short round of every fuzz target (`make fuzz` runs each for a million inputs), and every input that once
crashed one, replayed."""

import contextlib
import importlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.fuzz import CORPUS, TARGETS

# Each target fuzzes for this many inputs or this many seconds, whichever comes first, two targets at a time. The
# round is seeded so that it tries the same inputs on every run: a crash it finds is a failure anyone can replay,
# not a chance one; finding new crashes is the work of `make fuzz`.
SHORT_RUNS = 3000
SEED = 20261202
SHORT_SECONDS = 3
AT_ONCE = 2


def regression_inputs():
    return [(folder.name, path) for folder in sorted(CORPUS.iterdir()) for path in sorted(folder.iterdir())]


@pytest.mark.parametrize(("target_name", "path"), regression_inputs(), ids=lambda value: getattr(value, "name", value))
def test_input_that_once_crashed_is_refused_cleanly(target_name, path):
    target = importlib.import_module(f"dateline.fuzz.{target_name}")
    with contextlib.suppress(target.ALLOWED):
        target.test_one_input(path.read_bytes())


def test_every_fuzz_target_survives_a_short_run(tmp_path):
    env = {**os.environ, "VAR_DIR": str(tmp_path), "DEBUG": "true", "PYTHONHASHSEED": "0"}
    # Through a shell that forks the run rather than executing it in place: Linux hands a process's peak memory on
    # across fork and exec, so a run started straight from this (large) test process would count the test suite's
    # memory against libFuzzer's -rss_limit_mb; a grandchild of it starts from the shell's small peak instead.
    command = ["/bin/sh", "-c", '"$@"; exit $?', "sh", sys.executable, "-m", "dateline.fuzz.run"]
    options = [
        f"-seed={SEED}",
        f"-runs={SHORT_RUNS}",
        f"-max_total_time={SHORT_SECONDS}",
        "-timeout=10",
        "-rss_limit_mb=512",
    ]
    failures = []
    for first in range(0, len(TARGETS), AT_ONCE):
        runs = {
            name: subprocess.Popen(
                [*command, name, *options],
                env=env,
                cwd=Path(__file__).resolve().parents[2],
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            for name in TARGETS[first : first + AT_ONCE]
        }
        for name, process in runs.items():
            output, _ = process.communicate(timeout=180)
            done = re.search(r"Done (\d+) runs", output)
            if process.returncode != 0 or not done:
                crash = sorted((tmp_path / "fuzz" / "crashes").glob(f"{name}-*"))
                failures.append(f"{name}: exit {process.returncode}, crash input {crash[:1]}\n{output[-3000:]}")
    assert not failures, "\n\n".join(failures)
