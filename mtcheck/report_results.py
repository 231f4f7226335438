"""The results of a whole `mtcheck report` (re-exported by mtcheck.results, which holds detection's and findings')."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mtcheck.results import Detection, Finding, Severity


@dataclass(frozen=True)
class Scores:
    chrf: float
    bleu: float
    ter: float
    # Neural engines only (forced decoding, no generation): mean log-probability per token of the
    # original given the pivot under the backward model (the Prism idea), and of the pivot given the
    # original under the forward model (its own confidence). None for other engines.
    prism: float | None = None
    confidence: float | None = None


@dataclass(frozen=True)
class TokenScore:
    """One token of the original scored by the backward model; offsets local to the sentence (None when
    the token could not be placed in the text)."""

    token: str
    logprob: float
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class PivotResult:
    """One sentence through one pivot language."""

    pivot_language: str
    pivot: str
    roundtrip: str
    scores: Scores
    tokens: tuple[TokenScore, ...] = ()  # neural engines: the original's tokens, forced-decoded


@dataclass(frozen=True)
class SentenceResult:
    index: int
    text: str
    start: int
    end: int
    pivots: tuple[PivotResult, ...] = ()
    findings: tuple[Finding, ...] = ()
    risk: float | None = None  # expected problems in the sentence (checks/risk.py); higher is worse

    @property
    def primary(self) -> PivotResult | None:
        return self.pivots[0] if self.pivots else None

    @property
    def pivot(self) -> str | None:
        return self.pivots[0].pivot if self.pivots else None

    @property
    def roundtrip(self) -> str | None:
        return self.pivots[0].roundtrip if self.pivots else None

    @property
    def scores(self) -> Scores | None:
        return self.pivots[0].scores if self.pivots else None


@dataclass(frozen=True)
class ModelInfo:
    direction: str  # e.g. "en-de"
    id: str  # path or hub id
    revision: str | None = None


@dataclass(frozen=True)
class EngineInfo:
    name: str
    models: tuple[ModelInfo, ...] = ()
    decoding: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DocumentInfo:
    path: str
    name: str
    language: str | None
    text: str
    format: str = "text"
    # (text offset, file line, file column) anchors: where the text came from in the input file
    # (mtcheck.read.source_map); empty when unknown, and then lines are counted in `text`.
    source_map: tuple[tuple[int, int, int], ...] = field(default=(), repr=False, compare=False)


@dataclass(frozen=True)
class Summary:
    sentences: int
    findings: int
    by_kind: Mapping[str, int]
    by_severity: Mapping[str, int]
    mean_chrf: float | None = None
    highest_severity: Severity | None = None


@dataclass(frozen=True)
class AlignedPair:
    """Bilingual mode: original sentences `source` (indices) aligned with translation sentences `target`."""

    source: tuple[int, ...]
    target: tuple[int, ...]
    forward: str  # machine translation of the original sentences into the translation's language
    similarity: float  # chrF of that against the published translation (0 when unaligned)
    back_similarity: float = 0.0  # chrF of the back-translated published text against the original


@dataclass(frozen=True)
class BilingualResult:
    source_path: str
    source_language: str
    source_sentences: tuple[str, ...]
    pairs: tuple[AlignedPair, ...]


@dataclass(frozen=True)
class UnitResult:
    """One segment of a bilingual file; `index` is the index of its SentenceResult (the target)."""

    index: int
    id: str  # unique in the file: the unit id (plus "/segment id" for units of several segments)
    unit_id: str
    source: str  # as shown: inline codes as labels such as <g1> </g1> <x2/>
    target: str | None
    line: int | None = None  # 1-based line of the unit (row) in the file
    target_line: int | None = None  # line of its target
    state: str | None = None
    translate: bool = True
    notes: tuple[str, ...] = ()

    @property
    def location_line(self) -> int | None:
        """The line a finding on this segment points at: its target, else the unit."""
        return self.target_line or self.line


@dataclass(frozen=True)
class UnitsResult:
    """A bilingual file's segments and languages (set on Report.units; None for articles)."""

    path: str
    format: str  # xliff-1.2 | xliff-2.0 | tmx | tsv | csv
    source_language: str
    target_language: str
    units: tuple[UnitResult, ...]


@dataclass(frozen=True)
class Report:
    """Everything mtcheck found out about one document."""

    document: DocumentInfo
    detection: Detection
    engine: EngineInfo | None
    sentences: tuple[SentenceResult, ...]
    findings: tuple[Finding, ...]  # findings not tied to one sentence
    summary: Summary
    signatures: Mapping[str, str] = field(default_factory=dict)  # sacrebleu signatures
    pivot_languages: tuple[str, ...] = ()
    version: str = ""
    terms: tuple[Mapping[str, Any], ...] = ()  # terminology table rows
    bilingual: BilingualResult | None = None  # set when the original was given (--source)
    units: UnitsResult | None = None  # set for bilingual files (XLIFF, TMX, TSV): source beside target

    def all_findings(self) -> list[Finding]:
        """Sentence findings and document findings, in document order."""
        found = [f for s in self.sentences for f in s.findings] + list(self.findings)
        return sorted(found, key=lambda f: (f.start if f.start is not None else -1, f.kind))
