"""What the CLI does without typer: `mtcheck detect` read and run, messages, logging. typer is imported only
where something is not plain (help, other commands, unusual options or streams): `mtcheck.cli.commands`."""

from __future__ import annotations

import io
import logging
import re
import sys
from pathlib import Path
from typing import Any

from mtcheck.config import FETCH_TIMEOUT
from mtcheck.errors import MtcheckError

# Settings fields and run options, as the library names them in errors, and their flags here.
FLAGS = {
    "batch_size": "--batch-size",
    "beams": "--beams",
    "max_sentences": "--max-sentences",
    "threads": "--threads",
    "pivots": "--pivot",
    "language": "--language",
    "source_language": "--source-language",
    "engine": "--engine",
    "compute_type": "--compute-type",
    "source": "--source",
    "glossary": "--glossary",
    "formats": "--format",
    "fail_on": "--fail-on",
    "config": "--config",
    "output": "--output",
    "baseline": "--baseline",
    "write_baseline": "--write-baseline",
    "models_dir": "--models-dir",
    "fetch_timeout": "--timeout",
    "ignore_robots": "--ignore-robots",
    "device": "--device",
    "batch_tokens": "--batch-tokens",
    "ray": "--ray",
    "calibration": "--calibration",
    "reader": "--reader",
}


def describe(message: str, setting: str | None, suggestion: str | None = None) -> str:
    """A library message with the flag that sets what it is about, and a value to try, when there are."""
    flag = FLAGS.get(setting or "")
    if flag and suggestion:
        return f"{message} (try {flag} {suggestion})"
    return f"{message} ({flag})" if flag else message


_ANSI = re.compile(r"\033\[[;?0-9]*[a-zA-Z]")  # what click strips from output that is not a terminal
# Control characters other than tab and newline (ESC, BEL, CR, C1) in a file name, URL or message would drive
# the terminal (colours, titles, the clipboard); mtcheck writes them as \\uNNNN instead (valid in JSON strings too).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal_safe(text: str) -> str:
    """Text with its control characters (but tab and newline) written as \\uNNNN, safe to print on a terminal."""
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


class SafeFormatter(logging.Formatter):
    """Log lines with control characters written as \\uNNNN (paths and URLs in messages come from inputs)."""

    def format(self, record: logging.LogRecord) -> str:
        return terminal_safe(super().format(record))


def echo(text: str, *, err: bool = False) -> None:
    """`typer.echo(text, err=err)` without importing typer: the same bytes on a plain text stream (UTF-8 or any
    other encoding but ASCII, ANSI codes stripped when it is not a terminal, flushed); any other stream (a test
    runner's, an ASCII one, which click re-wraps) is left to typer.echo itself."""
    stream = sys.stderr if err else sys.stdout
    if stream is None:  # no stream to write to (pythonw): click writes nothing either
        return
    if type(stream) is not io.TextIOWrapper or stream.errors is None or _is_ascii(stream.encoding):
        import typer

        typer.echo(text, err=err)
        return
    out = text + "\n"
    if not stream.isatty():
        out = _ANSI.sub("", out)
    stream.write(out)
    stream.flush()


def _is_ascii(encoding: str | None) -> bool:
    import codecs

    try:
        return codecs.lookup(encoding or "ascii").name == "ascii"
    except LookupError:
        return False


def fail(message: str, setting: str | None = None, suggestion: str | None = None) -> None:
    echo(terminal_safe(f"mtcheck: error: {describe(message, setting, suggestion)}"), err=True)


def echo_text(text: str) -> None:
    """Text on stdout as valid UTF-8 whatever it holds (lone surrogates from undecodable file names), and no
    control character that would drive the terminal."""
    echo(terminal_safe(re.sub("[\ud800-\udfff]", "\ufffd", text)))


GLOBAL_QUIET = {"on": False}  # the global -q: errors only, for every command


def configure(*, verbose: int, quiet: bool) -> None:
    """The global options: log level and format on stderr, -q for every command."""
    GLOBAL_QUIET["on"] = quiet
    level = logging.ERROR if quiet else (logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    logging.basicConfig(level=level, format="mtcheck: %(message)s", stream=sys.stderr)
    for handler in logging.getLogger().handlers:  # the stderr handler basicConfig made (not a test's capture)
        if type(handler) is logging.StreamHandler and handler.stream is sys.stderr:
            handler.setFormatter(SafeFormatter("mtcheck: %(message)s"))
    for noisy in ("transformers", "huggingface_hub", "urllib3", "filelock"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))
    # Main-text extraction logs its own internals ("discarding data: URL", "empty HTML tree") as warnings and
    # errors; mtcheck says what matters in one line.
    for internal in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(internal).setLevel(logging.DEBUG if verbose > 1 else logging.CRITICAL)


def detect(
    paths: list[str],
    format: str = "text",
    fail_if_mt: bool = False,
    cache_dir: Path | None = None,
    no_cache: bool = False,
    ignore_robots: bool = False,
    timeout: float = FETCH_TIMEOUT,
    reader: str = "none",
    quiet: bool = False,
) -> int:
    """`mtcheck detect`: call the library, render, and give the exit code (the typer command and the quick path
    both run this)."""
    quiet = quiet or GLOBAL_QUIET["on"]
    if format not in ("text", "json"):
        fail(f"--format: {format!r} is not one of text, json")
        return 2
    try:
        from mtcheck.config import Settings
        from mtcheck.run.runner import run_detect

        settings = Settings(
            cache=not no_cache, cache_dir=cache_dir, ignore_robots=ignore_robots, fetch_timeout=timeout, reader=reader
        )
        outcome = run_detect(paths, fail_if_mt=fail_if_mt, settings=settings.validate())
    except MtcheckError as exc:
        fail(str(exc), exc.setting, exc.suggestion)
        return exc.exit_code
    from mtcheck.detect import detection_to_dict, render_summary, vetoed_lines

    for failure in outcome.failures:
        fail(failure.message, failure.setting, failure.suggestion)
    for path, d in outcome.results:  # what the model reader dropped: on stderr with -v (in the JSON as "vetoed")
        for line in vetoed_lines(path, d):
            logging.getLogger("mtcheck.detect").info(line)
    if format == "json":
        import json

        rows = [detection_to_dict(d, path) for path, d in outcome.results]
        rows += [{"path": f.path, "error": f.message} for f in outcome.failures]
        # Names that are not valid UTF-8 (surrogate escapes) are written with U+FFFD: the JSON stays UTF-8.
        echo_text(json.dumps(rows, ensure_ascii=False, indent=2))
    elif not quiet:
        for path, d in outcome.results:
            echo_text(render_summary(path, d))
    return outcome.exit_code


def bare_ray(argv: list[str]) -> list[str]:
    """`--ray` with no address (last, before an option, or before an input that exists) means `--ray auto`."""
    out = list(argv)
    for i, arg in enumerate(out):
        if arg == "--":
            break
        if arg == "--ray":
            following = out[i + 1] if i + 1 < len(out) else None
            if following is None or following.startswith("-") or Path(following).exists():
                out[i] = "--ray=auto"
    return out


# `detect`'s options as `quick_detect_args` reads them: flag -> (parameter, takes a value). A test holds this
# table to the typer declaration (mtcheck.cli.commands), so the two cannot drift apart.
DETECT_OPTIONS: dict[str, tuple[str, bool]] = {
    "--format": ("format", True),
    "-f": ("format", True),
    "--fail-if-mt": ("fail_if_mt", False),
    "--cache-dir": ("cache_dir", True),
    "--no-cache": ("no_cache", False),
    "--ignore-robots": ("ignore_robots", False),
    "--timeout": ("timeout", True),
    "--reader": ("reader", True),
    "--quiet": ("quiet", False),
    "-q": ("quiet", False),
}
GLOBAL_FLAGS = {"-v": "verbose", "--verbose": "verbose", "-q": "quiet", "--quiet": "quiet"}


def quick_detect_args(argv: list[str]) -> dict[str, Any] | None:
    """`mtcheck [-v|-q] detect ...` read without building the typer app, or None to leave it to typer.

    Building the app's click command and its pydantic type adapters costs more start-up than the rest of a
    small `detect` run, so plain invocations are read here and run `detect` itself. Whatever is not plain
    (help, an unknown or abbreviated option, a value that starts with "-", a number typer would read in
    its own way, a name that is not valid UTF-8, shell completion) goes to typer, which says it as before.
    """
    import os

    if any(name.endswith("_COMPLETE") for name in os.environ):
        return None
    try:
        for arg in argv:
            arg.encode("utf-8")
    except UnicodeEncodeError:
        return None
    verbose, quiet_all, i = 0, False, 0
    while i < len(argv) and argv[i] in GLOBAL_FLAGS:
        if GLOBAL_FLAGS[argv[i]] == "verbose":
            verbose += 1
        else:
            quiet_all = True
        i += 1
    if i >= len(argv) or argv[i] != "detect":
        return None
    values: dict[str, Any] = {"paths": []}
    rest = argv[i + 1 :]
    k = 0
    while k < len(rest):
        arg = rest[k]
        k += 1
        if arg == "--":
            values["paths"].extend(rest[k:])
            break
        if arg == "-" or not arg.startswith("-"):
            values["paths"].append(arg)
            continue
        flag, eq, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if flag not in DETECT_OPTIONS:
            return None
        name, takes_value = DETECT_OPTIONS[flag]
        if not takes_value:
            if eq:
                return None
            values[name] = True
            continue
        if not eq:
            if k >= len(rest):
                return None
            value = rest[k]
            k += 1
        if not value or value.startswith("-"):
            return None
        if name == "timeout":
            if not re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", value):
                return None
            values[name] = float(value)
        elif name == "cache_dir":
            if os.path.exists(value) and not os.access(value, os.R_OK):
                return None  # typer's own message
            values[name] = Path(value)
        else:
            values[name] = value
    if not values["paths"]:
        return None
    return {"verbose": verbose, "quiet_all": quiet_all, "detect": values}


def run_quick(parsed: dict[str, Any]) -> Any:
    """Run `detect` with what quick_detect_args read, ending as typer's standalone mode ends."""
    import errno

    try:
        configure(verbose=parsed["verbose"], quiet=parsed["quiet_all"])
        code = detect(**parsed["detect"])
    except EOFError:
        echo("", err=True)
        echo("Aborted!", err=True)
        raise SystemExit(1) from None
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            raise
        import os

        # What click does on a closed pipe: exit 1, and nothing more written (a flush would fail again).
        devnull = open(os.devnull, "w")  # noqa: SIM115 - stays open until the interpreter exits
        sys.stdout = sys.stderr = devnull
        raise SystemExit(1) from None
    raise SystemExit(code)
