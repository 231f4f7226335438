"""The rule-based engine: Debian's `apertium` command, for machines with no model weights at all."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from mtcheck.config import Settings
from mtcheck.engines.apertium_stream import MARKS, Marks, normalise, parse, to_stream
from mtcheck.engines.base import Progress
from mtcheck.errors import EngineError, PairUnavailable, TranslationError
from mtcheck.results import ModelInfo

MODES_DIR = Path("/usr/share/apertium/modes")
CHUNK_SENTENCES = 500  # sentences per apertium process
TIMEOUT_BASE_S = 60.0  # per process, plus TIMEOUT_PER_SENTENCE_S for each sentence
TIMEOUT_PER_SENTENCE_S = 0.1
PAYLOAD_FORMAT = 2  # version of what cache_payload stores; 2: marks read by the parser of fa15534


@dataclass(frozen=True)
class UnknownWord:
    """A word apertium marked in an output: evidence of a gap in its dictionaries."""

    direction: str  # e.g. "en-es"
    text: str  # the sentence given to the engine (as passed to translate)
    word: str  # the marked word as it appears in the output
    mark: str  # "*", "@" or "#"

    @property
    def reason(self) -> str:
        return MARKS[self.mark]


@cache
def _tables() -> dict[str, Any]:
    data = resources.files("mtcheck.engines").joinpath("apertium_langs.json").read_text(encoding="utf-8")
    tables: dict[str, Any] = json.loads(data)
    return tables


def apertium_codes(language: str) -> list[str]:
    """Apertium's codes for an ISO 639-1 code (three-letter first); unknown codes are passed through."""
    codes: list[str] = _tables()["languages"].get(language.lower(), [])
    return codes or [language.lower()]


def debian_package(src: str, tgt: str) -> str | None:
    """The Debian package holding the src-tgt pair, if Debian has one."""
    pairs = set(_tables()["debian_pairs"])
    for a in apertium_codes(src):
        for b in apertium_codes(tgt):
            for pair in (f"{a}-{b}", f"{b}-{a}"):
                if pair in pairs:
                    return f"apertium-{pair}"
    return None


def installed_pivots(language: str, modes: Sequence[str]) -> list[str]:
    """ISO codes of the languages apertium can round-trip `language` through with the modes installed."""
    own = set(apertium_codes(language))
    iso = {code: name for name, codes in _tables()["languages"].items() for code in codes}
    pairs = {tuple(m.split("_", 1)[0].split("-", 1)) for m in modes if "-" in m}
    found = {iso.get(b, b) for a, b in pairs if a in own and (b, a) in pairs}
    return sorted(found - {language})


@dataclass(frozen=True)
class _Pair:
    mode: str
    package: str
    version: str


class ApertiumEngine:
    """Translates through `apertium -f none MODE`, one process per batch, with unknown-word marks kept."""

    name = "apertium"

    def __init__(self, settings: Settings, *, timeout_s: float | None = None) -> None:
        self.settings = settings
        self.timeout_s = timeout_s
        self._modes: list[str] | None = None
        self._pairs: dict[tuple[str, str, str | None], _Pair] = {}
        self._used: dict[str, ModelInfo] = {}
        self._unknown: dict[UnknownWord, None] = {}  # ordered set
        self._marks: dict[tuple[str, str, str], list[tuple[str, str]]] = {}

    # -- the Engine protocol ---------------------------------------------------------------------

    def translate(
        self,
        texts: Sequence[str],
        src: str,
        tgt: str,
        *,
        model: str | None = None,
        progress: Progress | None = None,
    ) -> list[str]:
        """Translate texts; unknown-word marks are stripped and kept for `unknown_words()`."""
        pair = self._resolve(src, tgt, model)
        outputs = [""] * len(texts)
        todo = [(i, normalise(t)) for i, t in enumerate(texts)]
        todo = [(i, s) for i, s in todo if s]
        if progress is not None and len(todo) < len(texts):
            progress(len(texts) - len(todo))  # blank texts translate to blank
        for start in range(0, len(todo), CHUNK_SENTENCES):
            chunk = todo[start : start + CHUNK_SENTENCES]
            for (i, _), (output, marks) in zip(
                chunk, self._translate_chunk(pair.mode, [s for _, s in chunk]), strict=True
            ):
                outputs[i] = output
                self._record(src, tgt, texts[i], marks)
            if progress is not None:
                progress(len(chunk))
        return outputs

    def models(self) -> list[ModelInfo]:
        """The language-pair packages used so far, with their Debian versions."""
        return list(self._used.values())

    def decoding(self) -> dict[str, Any]:
        """Apertium has no decoding knobs; say how its output was treated."""
        return {"format": "none", "unknown_word_marks": "stripped and reported"}

    def cache_key(self, src: str, tgt: str, *, model: str | None = None) -> str:
        """Engine, mode, pair package and version, apertium's own version."""
        pair = self._resolve(src, tgt, model)
        return f"apertium|{pair.package}={pair.version}|mode={pair.mode}|{_core_version()}|payload={PAYLOAD_FORMAT}"

    # -- unknown words -----------------------------------------------------------------------------

    def unknown_words(self) -> list[UnknownWord]:
        """Every word apertium marked so far (first occurrence order, no repeats), cache hits included."""
        return list(self._unknown)

    def reset_unknown_words(self) -> None:
        """Start a new list (e.g. for the next document)."""
        self._unknown.clear()

    # -- cache hooks: keep the marks with the output (see CachedEngine) ----------------------------

    def cache_payload(self, src: str, tgt: str, text: str, output: str) -> str:
        """Output and marks, as stored in the translation cache."""
        marks = self._marks.get((src, tgt, text), [])
        return json.dumps({"output": output, "marks": marks}, ensure_ascii=False)

    def restore_from_cache(self, src: str, tgt: str, text: str, payload: str) -> str:
        """The cached output; its marks are recorded as if just translated."""
        data = json.loads(payload)
        marks = data.get("marks", []) if isinstance(data, dict) else None
        if (
            not isinstance(data, dict)
            or not isinstance(data.get("output"), str)
            or not isinstance(marks, list)
            or not all(isinstance(m, list) and len(m) == 2 and m[0] in MARKS and isinstance(m[1], str) for m in marks)
        ):
            raise ValueError("not an apertium cache entry")
        self._record(src, tgt, text, [(m, w) for m, w in marks])
        output: str = data["output"]
        return output

    # -- internals -------------------------------------------------------------------------------

    def _record(self, src: str, tgt: str, text: str, marks: list[tuple[str, str]]) -> None:
        self._marks[(src, tgt, text)] = marks
        for mark, word in marks:
            self._unknown[UnknownWord(f"{src}-{tgt}", text, word, mark)] = None

    def _installed_modes(self) -> list[str]:
        if self._modes is None:
            binary = _binary()
            try:
                listed = subprocess.run([binary, "-l"], capture_output=True, text=True, timeout=30, check=False)
            except (OSError, subprocess.SubprocessError) as error:
                raise EngineError(f"cannot run apertium -l: {error}") from None
            self._modes = listed.stdout.split()
        return self._modes

    def _resolve(self, src: str, tgt: str, model: str | None) -> _Pair:
        found = self._pairs.get((src, tgt, model))
        if found is None:
            found = self._find_pair(src, tgt, model)
            self._pairs[(src, tgt, model)] = found
            self._used[f"{src}-{tgt}"] = ModelInfo(direction=f"{src}-{tgt}", id=found.package, revision=found.version)
        return found

    def _find_pair(self, src: str, tgt: str, model: str | None) -> _Pair:
        modes = self._installed_modes()
        if model is not None:
            candidates = [model]
        else:
            candidates = [f"{a}-{b}" for a in apertium_codes(src) for b in apertium_codes(tgt)]
        mode = next((m for m in candidates if m in modes), None)
        if mode is None:
            installed = ", ".join(modes) or "none"
            if model is not None:
                raise EngineError(f"apertium has no mode {model!r}; installed modes: {installed}")
            package = debian_package(src, tgt)
            hint = (
                f"install the Debian package {package} (apt-get install {package})"
                if package
                else "Debian has no apertium package for this pair"
            )
            pivots = installed_pivots(src, modes)
            usable = f"; pivot languages installed for {src}: {', '.join(pivots)}" if pivots else ""
            raise PairUnavailable(
                f"apertium cannot translate {src}->{tgt}: {hint}; installed modes: {installed}{usable}",
                setting="pivots" if pivots and tgt not in pivots else None,
                suggestion=pivots[0] if pivots else None,
            )
        package, version = _package_of(mode)
        return _Pair(mode=mode, package=package, version=version)

    def _translate_chunk(self, mode: str, sentences: list[str]) -> list[tuple[str, Marks]]:
        results = parse(self._run(mode, to_stream(sentences)), len(sentences))
        if results is not None:
            return results
        # apertium merged or lost a boundary: translate the sentences one by one instead.
        single: list[tuple[str, Marks]] = []
        for sentence in sentences:
            one = parse(self._run(mode, to_stream([sentence])), 1)
            if one is None:
                raise TranslationError(f"apertium {mode} returned unreadable output for: {sentence[:60]!r}")
            single += one
        return single

    def _run(self, mode: str, stream: str) -> str:
        timeout = self.timeout_s or TIMEOUT_BASE_S + TIMEOUT_PER_SENTENCE_S * stream.count("[|")
        try:
            # apertium is a shell pipeline: its own process group, so a timeout stops every stage.
            process = subprocess.Popen(
                [_binary(), "-f", "none", mode],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                errors="replace",
                start_new_session=True,
            )
        except OSError as error:
            raise EngineError(f"cannot run apertium: {error}") from None
        try:
            out, err = process.communicate(stream, timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(process)
            raise TranslationError(f"apertium {mode} did not finish within {timeout:g} s") from None
        except BaseException:
            _kill_group(process)
            raise
        if process.returncode != 0:
            reason = next((line.strip() for line in err.splitlines() if line.strip()), "no message")
            raise TranslationError(f"apertium {mode} failed (exit {process.returncode}): {reason}")
        return out


def _kill_group(process: subprocess.Popen[str]) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except OSError:
        process.kill()
    process.communicate()


def _binary() -> str:
    found = shutil.which("apertium")
    if found is None:
        raise EngineError(
            "the apertium command is not installed: install the Debian packages apertium and a language pair, "
            "e.g. apt-get install apertium apertium-eng-spa"
        )
    return found


@cache
def _core_version() -> str:
    versions = _dpkg_versions(["apertium", "lttoolbox"])
    return ",".join(f"{p}={v}" for p, v in versions.items()) or "apertium=unknown"


def _dpkg_versions(packages: list[str]) -> dict[str, str]:
    try:
        done = subprocess.run(
            ["dpkg-query", "-W", "-f", "${Package}\t${Version}\n", *packages],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    rows = (line.split("\t") for line in done.stdout.splitlines())
    return {row[0]: row[1] for row in rows if len(row) == 2 and row[1]}


def _package_of(mode: str) -> tuple[str, str]:
    """The Debian package and version that installed a mode, else a fingerprint of its files."""
    mode_file = MODES_DIR / f"{mode}.mode"
    try:
        done = subprocess.run(
            ["dpkg-query", "-S", str(mode_file)], capture_output=True, text=True, timeout=30, check=False
        )
        owner = done.stdout.split(":", 1)[0].strip() if done.returncode == 0 else ""
    except (OSError, subprocess.SubprocessError):
        owner = ""
    if owner:
        version = _dpkg_versions([owner]).get(owner)
        if version:
            return owner, version
    return f"apertium-{mode}", _fingerprint(mode_file)


def _fingerprint(mode_file: Path) -> str:
    """Hash of a mode file and the size and time of every data file it names (pairs built by hand)."""
    digest = hashlib.sha256()
    try:
        text = mode_file.read_text(encoding="utf-8")
    except OSError:
        return "unknown"
    digest.update(text.encode())
    for name in sorted(set(re.findall(r"'(/[^']+)'", text))):
        path = Path(name)
        if path.exists():
            stat = path.stat()
            digest.update(f"{name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return "files-sha256:" + digest.hexdigest()[:16]
