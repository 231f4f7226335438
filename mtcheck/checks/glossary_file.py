"""Glossaries: CSV term lists and TBX (TermBase eXchange) termbases, loaded into one Glossary."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from mtcheck.errors import ConfigError

STATUSES = ("keep", "forbidden", "preferred")
CSV_COLUMNS = ("term", "status", "replacement", "note", "variants", "language")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class GlossaryEntry:
    """One term and what the glossary says about it."""

    term: str
    status: str  # keep | forbidden | preferred | admitted (TBX: allowed, no finding of its own)
    replacement: str | None = None  # forbidden: the term to use instead
    note: str | None = None
    variants: tuple[str, ...] = ()  # preferred: variants that should be replaced by term
    language: str | None = None  # None: applies to documents in any language
    translations: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # lang -> accepted renderings


@dataclass(frozen=True)
class Glossary:
    """Every entry of one glossary file."""

    path: str
    entries: tuple[GlossaryEntry, ...]

    def for_language(self, language: str | None) -> list[GlossaryEntry]:
        """Entries that apply to a document in this language."""
        return [e for e in self.entries if e.language is None or language is None or e.language == language]


def _lang(code: str | None) -> str | None:
    return code.strip().replace("_", "-").split("-")[0].lower() if code and code.strip() else None


def _read_text(path: Path) -> str:
    from mtcheck.read.files import MAX_SIDE_FILE_BYTES, read_regular

    data = read_regular(
        path, MAX_SIDE_FILE_BYTES, str(path), ConfigError, "glossary file", missing="glossary not found"
    )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(f"glossary is not UTF-8 text: {path}") from None


def _is_lang_column(name: str) -> bool:
    return name.isalpha() and 2 <= len(name) <= 3 and name not in CSV_COLUMNS


def load_csv(path: Path) -> Glossary:
    """A CSV glossary: term,status[,replacement][,note][,variants][,language][,<lang>...], or term pairs (en,de)."""
    text = _read_text(path)
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = max(",;\t", key=first.count) if first else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    try:
        return _read_rows(path, reader, first)
    except csv.Error as exc:
        raise ConfigError(f"{path}:{reader.line_num}: not a readable CSV row: {exc}") from None


def _read_rows(path: Path, reader: csv.DictReader[str], first: str) -> Glossary:
    header = [(h or "").strip().lower() for h in reader.fieldnames or []]
    if "term" not in header and len([h for h in header if _is_lang_column(h)]) >= 2:
        return _read_pairs(path, reader, header)
    if "term" not in header or "status" not in header:
        raise ConfigError(f"{path}: a glossary CSV needs the columns 'term' and 'status' (found: {first!r})")
    unknown = [h for h in header if h not in CSV_COLUMNS and not _is_lang_column(h)]
    if unknown:
        known = ", ".join(CSV_COLUMNS)
        raise ConfigError(f"{path}: unknown glossary column {unknown[0]!r} (use {known} or language codes)")
    reader.fieldnames = header
    entries: list[GlossaryEntry] = []
    for row in reader:
        line = reader.line_num
        values = {k: (v or "").strip() for k, v in row.items() if isinstance(k, str)}
        if not any(values.values()) or values.get("term", "").startswith("#"):
            continue
        term, status = values.get("term", ""), values.get("status", "").lower()
        if not term:
            raise ConfigError(f"{path}:{line}: empty term")
        if status not in STATUSES:
            raise ConfigError(
                f"{path}:{line}: unknown status {status!r} for {term!r} (use keep, forbidden or preferred)"
            )
        variants = tuple(v.strip() for v in values.get("variants", "").split("|") if v.strip())
        translations = {
            h: tuple(t.strip() for t in values[h].split("|") if t.strip())
            for h in header
            if _is_lang_column(h) and values.get(h)
        }
        entries.append(
            GlossaryEntry(
                term=term,
                status=status,
                replacement=values.get("replacement") or None,
                note=values.get("note") or None,
                variants=variants,
                language=_lang(values.get("language")),
                translations=translations,
            )
        )
    if not entries:
        raise ConfigError(f"{path}: the glossary has no entries")
    return Glossary(str(path), tuple(entries))


def _read_pairs(path: Path, reader: csv.DictReader[str], header: list[str]) -> Glossary:
    """A glossary of term pairs, one language per column (en,de): use the second column's term for the first's."""
    languages = [h for h in header if _is_lang_column(h)]
    source, targets = languages[0], languages[1:]
    reader.fieldnames = header
    entries: list[GlossaryEntry] = []
    for row in reader:
        values = {k: (v or "").strip() for k, v in row.items() if isinstance(k, str)}
        term = values.get(source, "")
        if not term or term.startswith("#"):
            continue
        translations = {
            t: tuple(x.strip() for x in values[t].split("|") if x.strip()) for t in targets if values.get(t)
        }
        entries.append(
            GlossaryEntry(term, "admitted", note=values.get("note") or None, language=source, translations=translations)
        )
    if not entries:
        raise ConfigError(f"{path}: the glossary has no entries")
    return Glossary(str(path), tuple(entries))


_STATUS_TYPES = ("administrativeStatus", "normativeAuthorization")


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def tbx_status(value: str) -> str | None:
    """preferred | admitted | deprecated from an administrativeStatus or normativeAuthorization value."""
    value = value.strip().lower()
    for word, status in (
        ("preferred", "preferred"),
        ("standardized", "preferred"),
        ("admitted", "admitted"),
        ("legal", "admitted"),
        ("deprecated", "deprecated"),
        ("superseded", "deprecated"),
        ("forbidden", "deprecated"),
    ):
        if word in value:
            return status
    return None


def _terms(lang_el: object) -> list[tuple[str, str | None]]:
    """(term, status) for each tig / ntig / termSec of a langSet or langSec."""
    found: list[tuple[str, str | None]] = []
    for holder in lang_el.iter():  # type: ignore[attr-defined]
        if _local(holder.tag) not in ("tig", "ntig", "termSec"):
            continue
        term = next((el for el in holder.iter() if _local(el.tag) == "term"), None)
        if term is None or not "".join(term.itertext()).strip():
            continue
        status = None
        for el in holder.iter():
            kind = _local(el.tag)
            if kind in _STATUS_TYPES or (kind in ("termNote", "descrip") and el.get("type") in _STATUS_TYPES):
                status = tbx_status("".join(el.itertext()))
        found.append((" ".join("".join(term.itertext()).split()), status))
    return found


def _concept_entries(concept: object, path: Path) -> list[GlossaryEntry]:
    by_lang: dict[str, list[tuple[str, str | None]]] = {}
    for el in concept.iter():  # type: ignore[attr-defined]
        if _local(el.tag) in ("langSet", "langSec"):
            lang = _lang(el.get(_XML_LANG) or el.get("lang"))
            if not lang:
                raise ConfigError(f"{path}:{el.sourceline}: {_local(el.tag)} without xml:lang")
            by_lang.setdefault(lang, []).extend(_terms(el))
    accepted = {lang: tuple(t for t, s in terms if s != "deprecated") for lang, terms in by_lang.items()}
    entries: list[GlossaryEntry] = []
    for lang, terms in by_lang.items():
        translations = {other: acc for other, acc in accepted.items() if other != lang and acc}
        preferred = next((t for t, s in terms if s == "preferred"), accepted[lang][0] if accepted[lang] else None)
        for term, status in terms:
            if status == "deprecated":
                entries.append(GlossaryEntry(term, "forbidden", replacement=preferred, language=lang))
            else:
                kind = "admitted" if status == "admitted" else "preferred"
                entries.append(GlossaryEntry(term, kind, language=lang, translations=translations))
    return entries


def load_tbx(path: Path) -> Glossary:
    """Every termEntry / conceptEntry of a TBX file (external entities and DTDs are never loaded)."""
    from lxml import etree

    data = _read_text(path).encode("utf-8")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise ConfigError(f"{path}: not valid TBX/XML: {exc.msg} (line {exc.lineno})") from None
    entries: list[GlossaryEntry] = []
    for concept in root.iter():
        if _local(concept.tag) in ("termEntry", "conceptEntry"):
            entries.extend(_concept_entries(concept, path))
    if not entries:
        raise ConfigError(f"{path}: no termEntry or conceptEntry with terms found")
    return Glossary(str(path), tuple(entries))


def load_glossary(path: str | Path) -> Glossary:
    """Load a CSV or TBX glossary; any problem is a ConfigError with a one-line message."""
    path = Path(path)
    if path.suffix.lower() in (".tbx", ".xml"):
        return load_tbx(path)
    return load_csv(path)
