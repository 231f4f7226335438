"""Key/value lines in raw text: front matter, i18n files, JSON payloads, .properties and .strings entries.

A page or string table often says it was machine translated only through a key: `machine_translated: true`,
`mt = true`, `"isMachineTranslated": true`, `translated_by: deepl`, or a string whose key names a
machine-translation label (`'blog.autoTranslated': 'ترجمة آلية'`, `mt_notice=...`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cached_property

from mtcheck.detect.deferred import deferred
from mtcheck.detect.patterns import shared
from mtcheck.results import Evidence


class _Lazy:
    """A regex compiled the first time it is used: the key tests below run only on texts that have keys, and
    compiling them costs a few milliseconds of every start-up."""

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source, self._flags = source, flags

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(self._source, self._flags)

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text)

    def match(self, text: str) -> re.Match[str] | None:
        return self.pattern.match(text)


# One key and its value on a line of its own: YAML/TOML/properties (`key: v`, `key = v`), JSON (`"key": v,`),
# Apple .strings (`"key" = "v";`), JS objects (`key: 'v',`). A line that starts with prose has no key.
_LINE = deferred(
    r"""^[ \t]*(?:[-*][ \t]+)?(?P<q>["']?)(?P<key>[A-Za-z@][\w.:@-]{0,80})(?P=q)[ \t]*(?P<sep>[:=])[ \t]*"""
    r"""(?P<value>[^\n]*?)[ \t]*[,;]?[ \t]*$""",
    re.MULTILINE,
)
# A quoted key inside a line of JSON or a JS object: `{"slug": "faq", "isMachineTranslated": true}`.
_INLINE = deferred(
    r"""(?P<q>["'])(?P<key>[A-Za-z@][\w.:@-]{0,80})(?P=q)\s*:\s*(?P<value>true|false|null|\d+|"[^"\n]*"|'[^'\n]*')"""
)
# A one-line nested object, YAML flow or JS: `traduzione: { automatica: true, motore: "deepl" }` gives the
# dotted keys `traduzione.automatica` and `traduzione.motore`.
_NESTED = deferred(r"""(?P<key>[A-Za-z_][\w-]{0,60})["']?\s*:\s*\{(?P<body>[^{}\n]{1,300})\}""")
_MEMBER = deferred(r"""["']?(?P<key>[A-Za-z_][\w-]{0,60})["']?\s*:\s*(?P<value>"[^"\n]*"|'[^'\n]*'|[\w.-]+)""")
_COMMENT_TAIL = deferred(r"\s+(?:#|//).*$")
_CAMEL = deferred(r"(?<=[a-z0-9])(?=[A-Z])")
# A key that holds the label or notice itself: "autoTranslated", "mt_notice", "machineTranslationBanner".
_NOTICE_KEY = _Lazy(
    r"(?:^|[._-])(?:is[._-]?)?(?:machine|auto|automatic(?:ally)?|ai|mt)[._-]?translated(?:$|[._-])"
    r"|(?:^|[._-])(?:mt|machine[._-]?translation|auto(?:matic)?[._-]?translation|ai[._-]?translation)"
    r"[._-]?(?:notice|banner|disclaimer|badge|hint|warning|note|info|tag|label|message|text|title|body|footer)"
    r"(?:$|[._-])",
    re.IGNORECASE,
)
# A key that says this page or string was machine translated (a state, not the setting "auto_translate").
# Keys in other languages too: `maschinell_uebersetzt: ja`, `traduction_automatique: oui`.
_MACHINE_STEM = (
    r"(?:machine|auto(?:matic(?:ally)?)?|ai|ki|ia|mt|maschinell|automatisch|automatique(?:ment)?|automatic[oa]"
    r"|automatizad[oa]|automatisk|machinaal|maszynow\w*|automatyczn\w*|strojov\w*|strojn\w*|машинн\w*|автоматическ\w*)"
)
_TRANSLATED_STEM = (
    r"(?:translat(?:ed|ion)|(?:ue|ü|u)bersetz(?:t|ung)|tradu(?:it|ite|ction|cid[oa]|cci[oó]n|zione|tt[oa]|zid[oa]|[cç][aã]o)"
    r"|vertaald|vertaling|oversat|översatt|oversatt|przetłumaczon\w*|tłumaczeni\w*|přeložen\w*|переведен\w*|перевод)"
)
# After the noun, only full words: `translation_auto` is a setting, `traduction_automatique` a state.
_MACHINE_AFTER = _MACHINE_STEM.replace("auto(?:matic(?:ally)?)?|ai|ki|ia|mt|", "automatic(?:ally)?|")
_FLAG_KEY = _Lazy(
    rf"(?:^|[._-])(?:is[._-])?{_MACHINE_STEM}[._-]?{_TRANSLATED_STEM}(?:$|[._-])"
    rf"|(?:^|[._-]){_TRANSLATED_STEM}[._-]{_MACHINE_AFTER}(?:$|[._-])|^(?:[\w.-]*[._])?mt$",
    re.IGNORECASE,
)
# A key that names how it was translated: `translated_by: deepl`, `translation_engine: google`.
_HOW_KEY = _Lazy(
    r"^(?:[\w-]*[._])?(?:translat\w*|tradu\w*|übersetz\w*|mt)[._-]?(?:by|engine|tool|provider|service|method|type|mode"
    r"|model|system)?$",
    re.IGNORECASE,
)
_TRUE = _Lazy(r"^(?:true|yes|1|on|y|ja|oui|s[ií]|sim|tak|ano|igen|kyllä|evet|da|да|так|jā|taip|jah)$", re.I)
# After an engine, a language pair or a mode may follow: `mt: yandex, en→ru`, `translated_by: deepl (auto)`.
_ENGINE_REST = _Lazy(
    r"^(?:[\s,;/|(]+(?:[a-z]{2,3}(?:[-_][a-z]{2,4})?\s*(?:→|->|>|2|to|/|-)\s*[a-z]{2,3}(?:[-_][a-z]{2,4})?|auto\w*)\)?)?$",
    re.I,
)
_MACHINE = _Lazy(
    r"^(?:machine|automatic|automated|auto|mt|nmt|ai|neural|automatique|automática|automático|automatica|automatico"
    r"|automatisch|maschinell|machinaal|automatisk|автоматический|машинный)$",
    re.IGNORECASE,
)
_FILE = deferred(r"\.(?:html?|jsx?|tsx?|vue|svelte|mdx?|ya?ml|json|py|rb|php|liquid|njk|hbs|erb|twig|s?css)$", re.I)
_FALSE = deferred(r"^(?:false|no|off|0|none|null|nil|disabled?|human|manual)$", re.IGNORECASE)
_TEXT = deferred(r"[^\W\d_]{2}")


def snake(key: str) -> str:
    """`isMachineTranslated` -> `is_machine_translated`."""
    return _CAMEL.sub("_", key).lower()


_LINE_CHARS = 40  # lines shorter than this on average: finditer


def line_matches(raw: str) -> Iterator[re.Match[str]]:
    """`_LINE.finditer(raw)`, trying line starts only: every match starts at one (`^`) and ends on its line, so
    the regex engine need not try the other million positions of a long page. Texts of short lines (one call
    per line would cost more than the scan) are scanned the usual way."""
    if raw.count("\n") * _LINE_CHARS > len(raw):
        yield from _LINE.finditer(raw)
        return
    pos = 0
    while True:
        m = _LINE.match(raw, pos)
        if m is not None:
            yield m
        newline = raw.find("\n", pos if m is None else m.end())
        if newline < 0:
            return
        pos = newline + 1


def key_values(raw: str) -> dict[str, str]:
    """Every `key: value` line of a raw text, keys in snake case, values unquoted (first occurrence wins)."""
    if ":" not in raw and "=" not in raw:
        return {}
    found: dict[str, str] = {}
    for m in line_matches(raw):
        value = _COMMENT_TAIL.sub("", m.group("value")).strip().rstrip(",;").strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'`":
            value = value[1:-1].strip()
        elif m.group("sep") == ":" and value[:1] in "\"'`":
            continue  # an unterminated quote: prose, not a value
        found.setdefault(snake(m.group("key")), value)
    for m in _INLINE.finditer(raw):
        found.setdefault(snake(m.group("key")), m.group("value").strip("\"'"))
    if "{" in raw:
        for m in _NESTED.finditer(raw):
            for member in _MEMBER.finditer(m.group("body")):
                key = f"{snake(m.group('key'))}.{snake(member.group('key'))}"
                found.setdefault(key, member.group("value").strip("\"'"))
    return found


def notice_strings(pairs: dict[str, str]) -> list[tuple[str, str]]:
    """(key, value) pairs whose key names a machine-translation label and whose value is text."""
    out = []
    for key, value in pairs.items():
        text = _TEXT.search(value) and not _FALSE.match(value) and value.lower() != "true"
        if _NOTICE_KEY.search(key) and text and not value.startswith(("{", "http", "/", "<")):
            out.append((key, value))
    return out


def _names_machine(value: str) -> bool:
    low = value.lower().strip()
    if _MACHINE.match(low):
        return True
    m = re.match(rf"(?:{shared().engine_any})(?: (?:api|pro|free))?", low)
    return m is not None and bool(_ENGINE_REST.match(low[m.end() :]))


def flag_evidence(pairs: dict[str, str], known: Mapping[str, str]) -> list[Evidence]:
    """Evidence from raw key/value lines: a true machine-translation flag, an engine, a label's string."""
    out = []
    seen = {snake(k) for k in known}
    for key, value in pairs.items():
        if key in seen or _FILE.search(key):
            continue
        flag = _FLAG_KEY.search(key)
        if (flag and (_TRUE.match(value) or _names_machine(value))) or (
            _HOW_KEY.match(key) and not _TRUE.match(value) and _names_machine(value)
        ):
            out.append(Evidence("metadata", f"{key}: {value}"[:240], None, None, "top", None, 0.8))
    for key, value in notice_strings({k: v for k, v in pairs.items() if k not in seen and not _FILE.search(k)}):
        out.append(Evidence("metadata", f"{key}: {value}"[:240], None, None, "top", None, 0.6))
    return out
