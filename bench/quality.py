"""Quality harness: do mtcheck's findings and scores point at real translation errors?

Runs mtcheck over the MQM dev split (../shared/eval/mqm-dev/segments.jsonl: zh->en news and TED
translations with professional error annotations) and compares findings with annotated error spans
and scores with MQM scores. Protocol and figures: docs/quality.md.

    PYTHONPATH=$PWD python bench/quality.py [--engine apertium --pivot es] [--dataset news|ted|all]
        [--limit N | --limit-docs K] [--split fit|check] [--jobs 2] [--out bench/quality-results.json]

One English document per (dataset, system, doc), one paragraph per segment in `order`, is written to
a plain-text file and checked with `mtcheck.check_many`; every finding is mapped back to its segment
by character offsets. The engine's work is kept in mtcheck's translation cache (--cache-dir), so a
second run only re-runs the checks. --save-records / --from-records keep the per-segment results
(offsets, scores, findings with the flagged words; keep them out of the repository) to recompute the
figures without mtcheck.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from quality_eval import cluster_of, evaluate  # noqa: E402
from quality_render import render_markdown  # noqa: E402

DATA_RELATIVE = Path("shared/eval/mqm-dev/segments.jsonl")
DATASETS = {"news": "g23news", "ted": "ted"}
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def default_data() -> Path:
    """The dev split in the first `shared/` found upwards from the repository."""
    for folder in (ROOT, *ROOT.parents):
        candidate = folder / DATA_RELATIVE
        if candidate.exists():
            return candidate
    return ROOT.parent / DATA_RELATIVE


def load_documents(path: Path, dataset: str) -> list[dict[str, Any]]:
    """Group the segments into documents (dataset, system, doc), ordered by `order`."""
    wanted = set(DATASETS.values()) if dataset == "all" else {DATASETS[dataset]}
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["dataset"] in wanted:
                groups[(row["dataset"], row["system"], row["doc"])].append(row)
    documents = []
    for (name, system, doc), rows in sorted(groups.items()):
        rows.sort(key=lambda r: r["order"])
        documents.append({"dataset": name, "system": system, "doc": doc, "segments": rows})
    return documents


def sample_documents(documents: list[dict[str, Any]], per_dataset: int, seed: int) -> list[dict[str, Any]]:
    """Keep `per_dataset` source documents of each dataset, with every system's translation of them."""
    by_dataset: dict[str, set[str]] = defaultdict(set)
    for d in documents:
        by_dataset[d["dataset"]].add(d["doc"])
    rng = random.Random(seed)
    kept = set()
    for name, docs in sorted(by_dataset.items()):
        kept.update((name, doc) for doc in rng.sample(sorted(docs), min(per_dataset, len(docs))))
    return [d for d in documents if (d["dataset"], d["doc"]) in kept]


SPLITS = ("all", "fit", "check")


def split_half(record: dict[str, Any]) -> str:
    """The half of the dev split a segment belongs to: "fit" (choose the calibration here) or "check"
    (report it here). The unit is the bootstrap's cluster, a source document or a block of 25
    positions of a TED talk, with every system's translation of it, so no source sentence is in both
    halves; the half is a hash of the cluster's name, the same on every run and machine."""
    name = f"{record['dataset']}/{cluster_of(record)}"
    return "fit" if hashlib.sha256(name.encode("utf-8")).digest()[0] % 2 == 0 else "check"


def select_split(records: list[dict[str, Any]], split: str) -> list[dict[str, Any]]:
    """The records of one half ("all": every record)."""
    return records if split == "all" else [r for r in records if split_half(r) == split]


def document_text(document: dict[str, Any]) -> tuple[str, list[tuple[int, int]]]:
    """The document's text (segments as paragraphs) and each segment's (start, end) in it."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    position = 0
    for row in document["segments"]:
        if parts:
            parts.append("\n\n")
            position += 2
        parts.append(row["target"])
        offsets.append((position, position + len(row["target"])))
        position += len(row["target"])
    return "".join(parts), offsets


def locate(report_text: str, document: dict[str, Any], offsets: list[tuple[int, int]]) -> list[tuple[int, int] | None]:
    """Each segment's span in mtcheck's normalised text: the built offsets when the text is unchanged,
    else a left-to-right search; None where a segment's text changed (its annotations would not fit)."""
    located: list[tuple[int, int] | None] = []
    cursor = 0
    for row, (start, end) in zip(document["segments"], offsets, strict=True):
        target = row["target"]
        if report_text[start:end] == target:
            located.append((start, end))
            cursor = end
            continue
        found = report_text.find(target, cursor)
        if found < 0:
            located.append(None)
        else:
            located.append((found, found + len(target)))
            cursor = found + len(target)
    return located


def segment_records(document: dict[str, Any], offsets: list[tuple[int, int]], report: Any) -> list[dict[str, Any]]:
    """Per segment: annotation facts, the mean sentence scores and the findings (offsets within the segment)."""
    located = locate(report.document.text, document, offsets)
    records = []
    for row, span in zip(document["segments"], located, strict=True):
        records.append(
            {
                "dataset": row["dataset"],
                "system": row["system"],
                "doc": row["doc"],
                "seg_id": row["seg_id"],
                "order": row["order"],
                "length": len(row["target"]),
                "words": len(row["target"].split()),
                "mqm": row["mqm"],
                "has_major": row["has_major"],
                "no_error": row["no_error"],
                "spans": [[s["start"], s["end"], s["severity"], s["category"], s["top"]] for s in row["spans"]],
                "mapped": span is not None,
                "sentences": 0,
                "scores": None,
                "risk": None,
                "findings": [],
                "crossing": 0,
            }
        )
    spans = list(located)
    chrf: dict[int, list[tuple[float, float, float]]] = defaultdict(list)
    forced: dict[int, dict[str, list[float]]] = defaultdict(lambda: {"prism": [], "confidence": []})
    sentence_segment: dict[int, int] = {}
    for sentence in report.sentences:
        index = _segment_of(spans, sentence.start)
        if index is None:
            continue
        sentence_segment[sentence.index] = index
        records[index]["sentences"] += 1
        risk = getattr(sentence, "risk", None)
        if risk is not None:
            records[index]["risk"] = (records[index]["risk"] or 0.0) + risk
        if sentence.scores is not None:
            scores = sentence.scores
            chrf[index].append((scores.chrf, scores.bleu, scores.ter))
            # forced-decoding scores of the primary pivot: marian and ctranslate2 only, else None
            for name in ("prism", "confidence"):
                value = getattr(scores, name, None)
                if value is not None:
                    forced[index][name].append(value)
    for index, values in chrf.items():
        n = len(values)
        records[index]["scores"] = {
            "chrf": sum(v[0] for v in values) / n,
            "bleu": sum(v[1] for v in values) / n,
            "ter": sum(v[2] for v in values) / n,
            **{name: sum(v) / len(v) if v else None for name, v in forced[index].items()},
        }
    unplaced = 0
    for finding in report.all_findings():
        if finding.start is None:
            # No span (e.g. a word apertium could not translate that is not in the original): it counts
            # for its sentence's segment but not in span precision.
            index = sentence_segment.get(finding.sentence) if finding.sentence is not None else None
            if index is None:
                unplaced += 1
            else:
                records[index]["findings"].append(
                    [finding.kind, finding.rule_id, finding.severity, None, None, subtype(finding)]
                )
            continue
        index = _segment_of(spans, finding.start)
        if index is None:
            unplaced += 1
            continue
        seg_start, seg_end = spans[index]  # type: ignore[misc]
        end = finding.end if finding.end is not None else finding.start
        if end > seg_end:
            records[index]["crossing"] += 1
            end = seg_end
        records[index]["findings"].append(
            [
                finding.kind,
                finding.rule_id,
                finding.severity,
                finding.start - seg_start,
                end - seg_start,
                subtype(finding),
                report.document.text[finding.start : end],
            ]
        )
    if records:
        records[0]["document_findings"] = unplaced
    return records


def subtype(finding: Any) -> str:
    """What sort of term, change or unknown word a finding is about (from its details), for finer rows."""
    details = finding.details or {}
    if finding.kind == "terminology_drift":
        return str(details.get("term_kind", ""))
    if finding.kind == "awkward_phrasing":
        return str(details.get("op", ""))
    if finding.kind == "unknown_word":
        return str(details.get("direction", ""))
    return ""


def _segment_of(spans: list[tuple[int, int] | None], position: int) -> int | None:
    for index, span in enumerate(spans):
        if span is not None and span[0] <= position < span[1]:
            return index
    return None


def _check_batch(documents: list[dict[str, Any]], settings_kwargs: dict[str, Any]) -> list[dict[str, Any]]:
    """Worker: write each document to a .txt file, check them all with one engine, map back."""
    import mtcheck
    from mtcheck.config import Settings

    settings = Settings(**settings_kwargs)
    records: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="mtcheck-quality-") as folder:
        paths, built = [], {}
        for number, document in enumerate(documents):
            text, offsets = document_text(document)
            path = Path(folder) / f"doc{number:04d}.txt"
            path.write_text(text + "\n", encoding="utf-8")
            paths.append(str(path))
            built[str(path)] = (document, offsets)
        failures: list[str] = []
        result = mtcheck.check_many(paths, settings=settings, on_failure=lambda f: failures.append(f.message))
        if failures:
            raise RuntimeError("mtcheck failed on: " + "; ".join(failures))
        for report in result.reports:
            document, offsets = built[report.document.path]
            records.extend(segment_records(document, offsets, report))
    return records


def run_mtcheck(documents: list[dict[str, Any]], settings_kwargs: dict[str, Any], jobs: int) -> list[dict[str, Any]]:
    """Check every document, `jobs` worker processes at a time, batches of a few documents each."""
    batch = 8
    batches = [documents[i : i + batch] for i in range(0, len(documents), batch)]
    records: list[dict[str, Any]] = []
    started = time.monotonic()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(_check_batch, b, settings_kwargs) for b in batches]
        for done, future in enumerate(futures, 1):
            records.extend(future.result())
            elapsed = time.monotonic() - started
            print(
                f"quality: {done}/{len(batches)} batches, {len(records)} segments, {elapsed:.0f} s",
                file=sys.stderr,
                flush=True,
            )
    return records


NEURAL_ENGINES = ("marian", "ctranslate2")


def settings_problem(settings_kwargs: dict[str, Any]) -> str | None:
    """mtcheck's own one-line message for settings it refuses (an engine name, a calibration file), or None."""
    from mtcheck.api import validate_settings
    from mtcheck.config import Settings
    from mtcheck.errors import MtcheckError

    try:
        validate_settings(Settings(**settings_kwargs))
    except MtcheckError as exc:
        return str(exc)
    return None


def missing_models(settings_kwargs: dict[str, Any]) -> str | None:
    """For marian and ctranslate2: why the opus-mt models of the round trip are not here, or None.

    A model counts when it is in the models folder (`<models_dir>/opus-mt-<src>-<tgt>`) or already in the
    Hugging Face cache; the harness never downloads (it would fail on every document, one by one).
    """
    if settings_kwargs.get("engine") not in NEURAL_ENGINES:
        return None
    from mtcheck.config import Settings
    from mtcheck.models.resolve import resolve_model

    settings = Settings(**settings_kwargs)
    missing = []
    for pivot in settings.pivots:
        for src, tgt in ((settings.language or "en", pivot), (pivot, settings.language or "en")):
            model = resolve_model(src, tgt, settings)
            if model.path is None and not _in_hub_cache(model.id):
                missing.append(f"{src}-{tgt}")
    if not missing:
        return None
    return (
        f"no opus-mt model for {', '.join(missing)} in {Path(settings.models_dir).resolve()} or the Hugging Face "
        f"cache: run `mtcheck models pull {' '.join(missing)}` where the hub is reachable, or give --models-dir"
    )


def _in_hub_cache(repo_id: str) -> bool:
    try:
        from huggingface_hub import try_to_load_from_cache
    except ImportError:
        return False
    return isinstance(try_to_load_from_cache(repo_id, "config.json"), str)


def _git(*args: str) -> str:
    try:
        out = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return ""
    return out.stdout.strip()


def _package_version(name: str) -> str:
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", name], capture_output=True, text=True)
    except OSError:
        return ""
    return out.stdout.strip() if out.returncode == 0 else ""


def run_info(args: argparse.Namespace, documents: list[dict[str, Any]], seconds: float | None) -> dict[str, Any]:
    import mtcheck

    cpu = ""
    with contextlib.suppress(OSError, StopIteration):
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    info = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "engine": args.engine,
        "pivots": args.pivot.split(","),
        "calibration": args.calibration,
        "language": "en",
        "mtcheck_version": mtcheck.__version__,
        "commit": _git("rev-parse", "--short", "HEAD"),
        "mtcheck_commit": _git("log", "-1", "--format=%h", "--", "mtcheck"),
        "mtcheck_dirty": bool(_git("status", "--porcelain", "--", "mtcheck")),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}",
        "data": str(args.data),
        "dataset": args.dataset,
        "documents": len(documents),
        "segments": sum(len(d["segments"]) for d in documents),
        "limit": args.limit,
        "limit_docs": args.limit_docs,
        "seed": args.seed,
        "draws": args.draws,
        "jobs": args.jobs,
        "seconds": round(seconds, 1) if seconds is not None else None,
    }
    if args.engine == "apertium":
        info["apertium"] = _package_version("apertium")
        info["apertium_eng_spa"] = _package_version("apertium-eng-spa")
    return info


RUN_KEYS = ("date", "engine", "pivots", "commit", "mtcheck_commit", "mtcheck_dirty", "machine", "seconds", "jobs")


def _sidecar(records: Path) -> Path:
    return records.with_name(records.name + ".run.json")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=default_data())
    parser.add_argument("--engine", default="apertium")
    parser.add_argument("--pivot", default="es", help="pivot language(s), comma separated")
    parser.add_argument("--dataset", choices=("news", "ted", "all"), default="all")
    parser.add_argument("--limit", type=int, help="only the first N documents (a smoke test)")
    parser.add_argument("--limit-docs", type=int, help="sample K source documents per dataset, every system")
    parser.add_argument(
        "--split",
        choices=SPLITS,
        default="all",
        help="evaluate one half of the dev split only (by source-document hash): fit (tune) or check (report)",
    )
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--draws", type=int, default=2000, help="random-placement draws per baseline")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--cache-dir", type=Path, help="translation cache (default: mtcheck's user cache)")
    parser.add_argument("--no-cache", action="store_true")
    parser.add_argument("--models-dir", type=Path, help="opus-mt models (marian, ctranslate2); default: mtcheck's")
    parser.add_argument("--calibration", default="auto", help="auto, none (raw severities), an engine or a file")
    parser.add_argument("--save-records", type=Path, help="write per-segment results (JSON lines, no text)")
    parser.add_argument("--from-records", type=Path, help="recompute the figures from saved records")
    parser.add_argument("--out", type=Path, default=HERE / "quality-results.json")
    parser.add_argument("--markdown", type=Path, help="also write the Markdown summary here")
    args = parser.parse_args(argv)

    documents = load_documents(args.data, args.dataset)
    if args.limit_docs:
        documents = sample_documents(documents, args.limit_docs, args.seed)
    if args.limit:
        documents = documents[: args.limit]
    seconds = None
    if args.from_records:
        with args.from_records.open(encoding="utf-8") as handle:
            records = [json.loads(line) for line in handle]
        keep = {(d["dataset"], d["system"], d["doc"]) for d in documents}
        records = [r for r in records if (r["dataset"], r["system"], r["doc"]) in keep]
    else:
        settings_kwargs: dict[str, Any] = {
            "engine": args.engine,
            "pivots": tuple(args.pivot.split(",")),
            "language": "en",
            "cache": not args.no_cache,
            "calibration": args.calibration,
        }
        if args.cache_dir is not None:
            settings_kwargs["cache_dir"] = args.cache_dir
        if args.models_dir is not None:
            settings_kwargs["models_dir"] = args.models_dir
        problem = settings_problem(settings_kwargs) or missing_models(settings_kwargs)
        if problem:
            print(f"quality: error: {problem}", file=sys.stderr)
            return 2
        started = time.monotonic()
        records = run_mtcheck(documents, settings_kwargs, args.jobs)
        seconds = time.monotonic() - started
        if args.save_records:
            with args.save_records.open("w", encoding="utf-8") as handle:
                for record in records:
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    # the documents are checked whole (document-level checks see the full article); the split only
    # chooses which segments' results are evaluated, after they are saved
    records = select_split(records, args.split)
    info = run_info(args, documents, seconds)
    info["split"] = args.split
    info["split_segments"] = len(records)
    if args.save_records:
        _sidecar(args.save_records).write_text(json.dumps(info, indent=1) + "\n", encoding="utf-8")
    if args.from_records and _sidecar(args.from_records).exists():
        # the figures are recomputed now; when and how the records were made is the earlier run's
        earlier = json.loads(_sidecar(args.from_records).read_text(encoding="utf-8"))
        info.update({k: earlier[k] for k in RUN_KEYS if k in earlier}, recomputed=info["date"])
    results = {"run": info, **evaluate(records, draws=args.draws, seed=args.seed)}
    args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    markdown = render_markdown(results)
    if args.split != "all":
        markdown = (
            f"**{args.split} half of the dev split only**: {len(records)} segments "
            "(halves by source-document hash, `--split`; docs/quality.md).\n\n" + markdown
        )
    if args.markdown:
        args.markdown.write_text(markdown, encoding="utf-8")
    print(markdown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
