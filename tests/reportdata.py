"""Realistic synthetic Report objects for renderer tests, with hostile article text on purpose."""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Sequence

from sacrebleu.metrics import BLEU, CHRF, TER

from mtcheck.results import (
    Detection,
    DocumentInfo,
    EngineInfo,
    Evidence,
    Finding,
    ModelInfo,
    PivotResult,
    Report,
    Scores,
    SentenceResult,
    summarize,
)

# Fragments an HTML renderer must never let through unescaped.
HOSTILE = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</textarea>",
    "{{ constructor.constructor('alert(1)')() }}",
    "${alert(1)}",
    "</script><!--",
)

# (original, pivot, round trip): clean ones come back intact, bad ones do not.
SENTENCES: tuple[tuple[str, str, str], ...] = (
    (
        "The city council approved the new budget on Tuesday.",
        "Der Stadtrat hat am Dienstag den neuen Haushalt genehmigt.",
        "The city council approved the new budget on Tuesday.",
    ),
    (
        "Mayor Elena Ruiz said the plan would cost 4.2 million euros.",
        "Bürgermeisterin Elena Ruiz sagte, der Plan werde 4,2 Millionen Euro kosten.",
        "Mayor Elena Ruiz said the plan would cost 4.2 million euros.",
    ),
    (
        "The editor typed <script>alert(1)</script> into the CMS by mistake.",
        "Der Redakteur tippte <script>alert(1)</script> versehentlich in das CMS.",
        "The editor accidentally typed <script>alert(1)</script> into the CMS.",
    ),
    (
        'Critics called it "a leap in the dark" for the NATO summit.',
        "Kritiker nannten es einen Sprung ins Ungewisse für den Gipfel.",
        "Critics named it a jump into uncertainty for the peak.",
    ),
    (
        'A banner read "><img src=x onerror=alert(1)> and nobody noticed.',
        'Ein Banner lautete "><img src=x onerror=alert(1)> und niemand bemerkte es.',
        'A banner said "><img src=x onerror=alert(1)> and no one noticed it.',
    ),
    (
        "Residents complained that the bridge, which is old, is being made to crumble by the weather.",
        "Anwohner beklagten, dass die alte Brücke vom Wetter zerbröckelt wird.",
        "Locals moaned that weather crumbles the aged bridge.",
    ),
    (
        "The template syntax {{ user }} and ${HOME} must stay literal, as must </textarea>.",
        "Die Vorlagensyntax {{ user }} und ${HOME} muss wörtlich bleiben, ebenso </textarea>.",
        "The template syntax {{ user }} and ${HOME} must remain literal, as well as </textarea>.",
    ),
    (
        "In 2023 the WHO counted 1,204 cases in the region.",
        "Im Jahr 2023 zählte die Organisation in der Region viele Fälle.",
        "In 2023, the organization counted many cases in the region.",
    ),
    (
        "It was raining cats and dogs when the minister finally arrived.",
        "Es regnete Katzen und Hunde, als der Minister endlich eintraf.",
        "Pets fell from heaven as the official came at last.",
    ),
    (
        "Her speech touched upon the matter of the thing which was being discussed previously by them.",
        "Ihre Rede berührte die Sache, die zuvor besprochen wurde.",
        "You spoke about it.",
    ),
    (
        "Bank officials declined to comment </script><!-- on the report.",
        "Bankbeamte lehnten einen Kommentar </script><!-- zum Bericht ab.",
        "Bank officials refused to comment </script><!-- on the report.",
    ),
    (
        "The vote is expected next month.",
        "Die Abstimmung wird nächsten Monat erwartet.",
        "Voting is expected in the month to come.",
    ),
)

DISCLAIMER = "This article was translated automatically by <b>DeepL</b> & may contain errors."
_TERM = re.compile(r"\b(?:[A-Z]{2,}|\d[\d.,]*\d|\d|[A-Z][a-z]+ [A-Z][a-z]+)\b")
_CHRF, _BLEU, _TER = CHRF(), BLEU(effective_order=True), TER()


def _scores(hyp: str, ref: str) -> Scores:
    return Scores(
        chrf=_CHRF.sentence_score(hyp, [ref]).score,
        bleu=_BLEU.sentence_score(hyp, [ref]).score,
        ter=_TER.sentence_score(hyp, [ref]).score,
    )


def _severity(chrf: float) -> str | None:
    if chrf < 20:
        return "error"
    if chrf < 35:
        return "warning"
    return "info" if chrf < 50 else None


def _findings(index: int, text: str, start: int, roundtrip: str, chrf: float) -> tuple[Finding, ...]:
    found: list[Finding] = []
    severity = _severity(chrf)
    if severity:
        found.append(
            Finding(
                kind="awkward_phrasing",
                severity=severity,  # type: ignore[arg-type]
                message=f"Round trip chrF {chrf:.1f} is under 50",
                start=start,
                end=start + len(text),
                rule="MT001",
                sentence=index,
                text=text,
                details={"chrf": chrf, "threshold": 50.0},
            )
        )
    for m in _TERM.finditer(text):
        if m.group() not in roundtrip:
            found.append(
                Finding(
                    kind="terminology_drift",
                    severity="warning",
                    message=f"{m.group()!r} did not survive the round trip",
                    start=start + m.start(),
                    end=start + m.end(),
                    rule="MT002",
                    sentence=index,
                    text=m.group(),
                    details={"term": m.group(), "lost": True},
                )
            )
    return tuple(found)


def build_report(
    sentences: int = len(SENTENCES),
    *,
    pivots: Sequence[str] = ("de",),
    engine: bool = True,
    original_url: str | None = "https://example.org/original?id=7&lang=de",
    name: str = "hostile-article",
) -> Report:
    """A Report over `sentences` sentences (cycling SENTENCES), with findings, evidence and terms."""
    title = 'Budget <b>news</b> & </title> "quoted"\n\n'
    parts: list[str] = [title]
    pos = len(title)
    results: list[SentenceResult] = []
    for index in range(sentences):
        text, pivot, roundtrip = SENTENCES[index % len(SENTENCES)]
        start = pos
        pos += len(text)
        sep = "\n\n" if index % 4 == 3 else " "
        parts.extend([text, sep])
        pos += len(sep)
        pivot_results = []
        if engine:
            for p, lang in enumerate(pivots):
                rt = roundtrip if p == 0 else roundtrip.replace("the", "this")
                pivot_results.append(PivotResult(lang, f"[{lang}] {pivot}", rt, _scores(rt, text)))
        chrf = pivot_results[0].scores.chrf if pivot_results else 100.0
        found = _findings(index, text, start, roundtrip, chrf) if engine else ()
        results.append(SentenceResult(index, text, start, start + len(text), tuple(pivot_results), found))
    disclaimer_start = pos
    parts.append(DISCLAIMER)
    text = "".join(parts)
    evidence = (
        Evidence("disclaimer", DISCLAIMER, disclaimer_start, disclaimer_start + len(DISCLAIMER), "bottom", "en", 0.6),
        Evidence("metadata", '<meta name="generator" content="DeepL <script>">', None, None, "meta", None, 0.2),
        Evidence("roundtrip", "mean chrF is high", None, None, "body", None, 0.1),
    )
    doc_findings = (
        Finding(
            kind="machine_translation",
            severity="info",
            message="Published machine translation <i>notice</i>",
            start=disclaimer_start,
            end=disclaimer_start + 20,
            rule="MT100",
            text=DISCLAIMER[:20],
            details={"engine": "DeepL"},
        ),
        Finding(
            kind="mixed_language",
            severity="warning",
            message="Paragraph language differs: de",
            details={"languages": ["en", "de"], "share": 0.123456789},
        ),
    )
    sent = tuple(results)
    engine_info = (
        EngineInfo(
            "marian",
            (
                ModelInfo("en-de", "Helsinki-NLP/opus-mt-en-de", "abc1234"),
                ModelInfo("de-en", "models/opus-mt-de-en <x>", None),
            ),
            {"beams": 4, "batch_size": 16, "max_length_ratio": 2.0, "device": "cpu"},
        )
        if engine
        else None
    )
    signatures = (
        {
            "chrf": _CHRF.get_signature().format(),
            "bleu": _BLEU.get_signature().format(),
            "ter": _TER.get_signature().format(),
        }
        if engine
        else {}
    )
    terms = (
        (
            {"term": "NATO", "kind": "acronym", "occurrences": 1, "sentences": [3], "kept": 0, "changed": 0,
             "lost": 1, "renderings": {"de": []}, "pivot_renderings": {"de": []}},
            {"term": "Elena Ruiz", "kind": "name", "occurrences": 2, "sentences": [1, 13], "kept": 2, "changed": 0,
             "lost": 0, "renderings": {"de": ["Elena Ruiz"]}, "pivot_renderings": {"de": ["Elena Ruiz"]}},
            {"term": "<script>alert(1)</script>", "kind": "quoted", "occurrences": 1, "sentences": [2], "kept": 0,
             "changed": 1, "lost": 0, "renderings": {"de": ["<img src=x onerror=alert(1)>"]},
             "pivot_renderings": {"de": ["</textarea>"]}},
            {"term": "4.2 million", "occurrences": 1, "kept": 1, "changed": 0, "lost": 0,
             "renderings": ["4.2 million"]},
        )
        if engine
        else ()
    )  # fmt: skip
    return Report(
        document=DocumentInfo(f"articles/{name}.md", name, "en", text, "markdown"),
        detection=Detection(
            machine_translated=True,
            confidence=0.9123456,
            language="en",
            source_language="de",
            original_url=original_url,
            engine="DeepL <script>alert(1)</script>",
            evidence=evidence,
            paragraph_languages=((0, disclaimer_start, "en"),),
            roundtrip_similarity=0.876543 if engine else None,
        ),
        engine=engine_info,
        sentences=sent,
        findings=doc_findings,
        summary=summarize(sent, doc_findings),
        signatures=signatures,
        pivot_languages=tuple(pivots) if engine else (),
        version="0.1.0",
        terms=terms,
    )


def with_broken_scores(report: Report) -> Report:
    """The same report with NaN and infinite scores on its first sentence (a metric gone wrong)."""
    s = report.sentences[0]
    pivot = PivotResult("de", "x", "y", Scores(math.nan, math.inf, 12.345678))
    sentences = (dataclasses.replace(s, pivots=(pivot,)), *report.sentences[1:])
    return dataclasses.replace(report, sentences=sentences, summary=summarize(sentences, report.findings))
