"""Run one fuzz target under atheris: `python -m dateline.fuzz.run TARGET [libFuzzer options]`.

The corpus grows in var/fuzz/TARGET/ (started from the target's fixture seeds and dateline/fuzz/corpus/TARGET/,
the inputs that once crashed it); a crash is written to var/fuzz/crashes/ and ends the run with a non-zero status.
"""

import hashlib
import importlib
import os
import shutil
import sys
from pathlib import Path


def main(argv):
    if len(argv) < 2 or argv[1].startswith("-"):
        from dateline.fuzz import TARGETS

        sys.exit(f"usage: python -m dateline.fuzz.run TARGET [libFuzzer options]; targets: {', '.join(TARGETS)}")
    name, options = argv[1], argv[2:]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")
    os.environ.setdefault("DEBUG", "true")
    import atheris
    import django

    from dateline.fuzz import CORPUS, INSTRUMENTED, TARGETS

    if name not in TARGETS:
        sys.exit(f"unknown fuzz target {name!r}; targets: {', '.join(TARGETS)}")
    # Only the parsers are instrumented (as they are first imported): instrumenting all of Django takes minutes.
    with atheris.instrument_imports(include=INSTRUMENTED):
        django.setup()
        target = importlib.import_module(f"dateline.fuzz.{name}")

    work = Path(os.environ.get("VAR_DIR", "var")) / "fuzz"
    corpus, crashes = work / name, work / "crashes"
    corpus.mkdir(parents=True, exist_ok=True)
    crashes.mkdir(parents=True, exist_ok=True)
    for seed in target.SEEDS:
        shutil.copy(seed, corpus / seed.name)
    regressions = [str(CORPUS / name)] if (CORPUS / name).is_dir() else []

    def one_input(data):
        try:
            target.test_one_input(data)
        except target.ALLOWED:
            pass  # the parser's own clear refusal
        except BaseException:
            # Kept before libFuzzer's own report: on a busy machine its -timeout alarm can end the process first.
            (crashes / f"{name}-{hashlib.sha256(data).hexdigest()}").write_bytes(data)
            raise

    if getattr(target, "MAX_LEN", None) and not any(option.startswith("-max_len=") for option in options):
        options = [f"-max_len={target.MAX_LEN}", *options]
    args = [argv[0], *options, f"-artifact_prefix={crashes}/{name}-", str(corpus), *regressions]
    atheris.Setup(args, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
