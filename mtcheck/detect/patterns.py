"""Loading the phrase data: one TOML file per language plus shared tables, compiled once."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from importlib import resources
from typing import Any

from mtcheck.detect import scan
from mtcheck.detect.deferred import deferred

CATEGORIES = ("disclaimer", "predicate", "label", "verb", "watermark", "original", "source")
WORD_LISTS = (
    "negation",
    "negation_after",
    "hypothetical",
    "hypothetical_after",
    "aux",
    "articles",
    "continuation",
    "reporting",
    "agent",
    "means",  # instrument words before a label or engine: "by", "using", "mithilfe", "с использованием"
    "means_after",  # the same after it, in postpositional languages: "ile", "で", "으로"
    "determiners",  # an object after an active verb: "GPT-4 translated *the* prompt"
    "topic_after",  # "about" right after the phrase: "機械翻訳について", "기계 번역에 대한"
    "action_after",  # a non-past or action form after the verb: "ChatGPTで翻訳する", "DeepL로 번역하기" (a button)
    "made_after",  # where the verb does not inflect, what may follow it in a made form: "翻译的", "翻译而成"
    "topic_particles",  # a topic particle after a noun: "이 글은", "この記事は" (the clause is about that noun)
)
REGEX_LISTS = ("self", "generic", "languages", "ui", "human", "topic", "made", "apology")
# How words are told apart: "word" (regex word boundaries), "space" (scripts with combining marks,
# such as Devanagari, where only spaces and punctuation separate words), "none" (CJK, Thai).
BOUNDARY_MODES = ("word", "space", "none")
_BEFORE = {"word": r"(?<!\w)", "space": r"(?<![^\s.,;:!?()\"'\-\u0964\u0965])", "none": ""}
_AFTER = {"word": r"(?!\w)", "space": r"(?![^\s.,;:!?()\"'\-\u0964\u0965])", "none": ""}  # । ॥ end Devanagari clauses


@dataclass(frozen=True)
class Rules:
    """The compiled phrase patterns and context cues of one language."""

    code: str
    boundaries: str  # one of BOUNDARY_MODES
    triggers: tuple[str, ...]
    patterns: Patterns  # by category, compiled on first read
    cues: Mapping[str, re.Pattern[str] | None]  # compiled on first read: _Cues


class Shared:
    """Engines, language names and code words shared by every language (data/common.toml).

    Each table is compiled the first time it is read: most texts need a few of them, and the language names
    alone are a regex of some 800 stems.
    """

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data
        # one regex source matching any engine
        self.engine_any = rf"(?<![a-z0-9])(?:{'|'.join(f'(?:{rx})' for rx in data['engines'].values())})(?![a-z0-9])"
        self.ai_any: str = data["engines"]["AI"]
        self._cuts: dict[tuple[str, ...], re.Pattern[str]] = {}  # `second_predicate` by languages

    @cached_property
    def engines(self) -> tuple[tuple[str, re.Pattern[str]], ...]:
        # Engine names are mostly Latin: only Latin letters and digits around them count as part of a word,
        # so "DeepLで翻訳" and "由AI翻译" still name an engine.
        return tuple(
            (name, re.compile(rf"(?<![a-z0-9])(?:{rx})(?![a-z0-9])")) for name, rx in self._data["engines"].items()
        )

    @cached_property
    def language_names(self) -> tuple[tuple[str, str], ...]:
        """(stem, code), longest stems first."""
        names = sorted(
            ((stem.lower(), code) for code, stems in self._data["languages"].items() for stem in stems),
            key=lambda item: -len(item[0]),
        )
        return tuple(names)

    @cached_property
    def language_any(self) -> str:
        """One regex source matching any language name stem (what `language_regex` compiles)."""
        return "|".join(re.escape(stem) for stem, _ in self.language_names)

    @cached_property
    def language_regex(self) -> re.Pattern[str]:
        return re.compile(self.language_any)

    @cached_property
    def code_names(self) -> re.Pattern[str]:
        return re.compile(rf"(?<![\w+#-])(?:{self._data['code']['names']})(?![\w+#'])")

    @cached_property
    def code_cues(self) -> re.Pattern[str]:
        return re.compile(self._data["code"]["cues"])

    @cached_property
    def _product_code(self) -> re.Pattern[str]:
        named = "|".join(f"(?:{rx})" for name, rx in self._data["engines"].items() if name != "AI")
        return re.compile(rf"(?<![a-z0-9])(?:{named})[ -](code)(?![\w-])")

    def code_cue(self, text: str) -> bool:
        """A code word in the (folded) text, but not the "code" of a coding assistant's name right after an engine's:
        "translated by Claude Code", "Gemini Code Assistによって自動翻訳" name a tool, not source code."""
        if self.code_cues.search(text) is None:
            return False
        if "code" not in text:
            return True
        text = self._product_code.sub(lambda m: m.group(0)[: m.start(1) - m.start()] + "    ", text)
        return self.code_cues.search(text) is not None

    @cached_property
    def docstring(self) -> re.Pattern[str]:
        """A function's documentation: "Returns …", "Gibt … zurück", "Retourne …" opening a sentence."""
        return re.compile(self._data["code"]["docstring"], re.IGNORECASE)

    @cached_property
    def log_line(self) -> re.Pattern[str]:
        """A log line: "[*] …", "INFO: …", a time stamp with seconds at its start."""
        return re.compile(self._data["code"]["log_line"], re.IGNORECASE)

    @cached_property
    def crossed(self) -> re.Pattern[str]:
        """A line struck out as a "don't" item: a cross mark ("❌", "🚫", "✗") opens it."""
        return re.compile(self._data["code"]["crossed"])

    @cached_property
    def comment_tag(self) -> re.Pattern[str]:
        """A code comment's tag or a route opening the line: "ACTION: …", "TODO: …", "POST /api/x: …"."""
        return re.compile(self._data["code"]["comment_tag"])

    @cached_property
    def declaration(self) -> re.Pattern[str]:
        """A field declared with its type and a comment after it: "summaryJa String? // DeepL訳"."""
        return re.compile(self._data["code"]["declaration"])

    @cached_property
    def person_names(self) -> re.Pattern[str]:
        """Engine names that are also given names: "Claude"."""
        return re.compile(rf"(?:{self._data['person_names']})$")

    @cached_property
    def engine_name_tails(self) -> frozenset[str]:
        """Words after an engine name that is a given name which keep it an engine: "pro", "sonnet", "ia"."""
        return frozenset(self._data["engine_name_tails"])

    @cached_property
    def original_words(self) -> re.Pattern[str]:
        """ "original", "оригинал", "原文"."""
        return re.compile(self._data["original_words"])

    @cached_property
    def shown_original(self) -> re.Pattern[str]:
        """ "Show original", "Xem bản gốc", "원문 보기": the link that ends a badge, after a separator."""
        return re.compile(self._data["shown_original"])

    @cached_property
    def toggle_values(self) -> re.Pattern[str]:
        """ "off", "aus", "kikapcsolva": a settings switch's value."""
        return re.compile(rf"(?:{self._data['toggle_values']})(?!\w)")

    @cached_property
    def translation_engine(self) -> re.Pattern[str]:
        """Engines that only translate: "DeepL", not "ChatGPT"."""
        engines = self._data["engines"]
        return re.compile(
            r"(?<![a-z0-9])(?:"
            + "|".join(f"(?:{engines[n]})" for n in self._data["translation_engines"])
            + r")(?![a-z0-9])"
        )

    @cached_property
    def possessives(self) -> re.Pattern[str]:
        """ "our", "unsere", "наш": deixis that names the site, not this text."""
        return _possessives(self._data["possessives"])

    @cached_property
    def reader_languages(self) -> re.Pattern[str]:
        """ "into your language", "in Ihre Sprache", "dans votre langue": the reader's language as the target."""
        return _possessives(self._data["reader_languages"])

    @cached_property
    def frequency(self) -> re.Pattern[str]:
        """ "often", "oft", "a menudo": what happens to such texts in general."""
        return _possessives(self._data["frequency"])

    @cached_property
    def agents(self) -> re.Pattern[str]:
        """ "by", "pelo", "mit": a preposition of the agent or the instrument, a whole word (`instruments` too)."""
        return _alternatives(self._data["agents"] + self._data["instruments"])

    @cached_property
    def obligations(self) -> re.Pattern[str]:
        """ "must", "müssen", "必须": a rule about such texts."""
        return _possessives(self._data["obligations"])

    @cached_property
    def tools(self) -> re.Pattern[str]:
        """ "system", "outil", "приложение": a tool or product, at a word start (with its endings)."""
        return re.compile(rf"(?<!\w)(?:{_alternation(self._data['tools'])})\w*", re.IGNORECASE)

    @cached_property
    def times(self) -> re.Pattern[str]:
        """ "week", "Jahr", "semaine": a time noun, at a word start (with its endings)."""
        return re.compile(rf"(?<!\w)(?:{_alternation(self._data['times'])})\w*", re.IGNORECASE)

    @cached_property
    def yours(self) -> re.Pattern[str]:
        """ "your", "Ihre", "உங்கள்": a second-person possessive, a whole word."""
        return _alternatives(self._data["yours"])

    @cached_property
    def theirs(self) -> re.Pattern[str]:
        """ "their", "leurs", "deren": a third-person possessive, a whole word."""
        return _alternatives(self._data["theirs"])

    @cached_property
    def note_label(self) -> re.Pattern[str]:
        """ "Note:", "Catatan:", "注：" opening a line: the page's remark about itself."""
        return re.compile(rf"^\W*(?:{_alternation(self._data['note_labels'])})\s*[:：!]", re.IGNORECASE)

    @cached_property
    def example_marker(self) -> re.Pattern[str]:
        """An example marker opening a bracket ("[例: …", "(e.g. …") or a clause with its colon ("Beispiel: …"),
        with no closing bracket, line or sentence end after it (`opens_example`)."""
        words = self._data["example_markers"]
        every = _alternation(words)
        # a whole word ("(Example", not "(Examples", "(예전", "[例外"); "例如", "例えば" run on into what follows
        run_on = _alternation([w for w in words if len(w) > 1 and UNSPACED.search(w)])
        opened = rf"[\[(（【]\s{{0,3}}(?:(?:{every})(?:\s{{0,3}}[:：]|(?!(?<=\w)\w))|{run_on})"
        labelled = rf"(?:^|[,;:：\s])(?:{every})\s{{0,3}}[:：]"
        return re.compile(rf"(?:{opened}|{labelled})(?:[^\])）】\n\f。！？।؟.!?]|[.!?](?!\s))*$", re.IGNORECASE)

    @cached_property
    def success_word(self) -> re.Pattern[str]:
        """ "successfully", "erfolgreich", "با موفقیت", "成功": a word that reports an operation's success (a
        program's status message), or its failure ("failed", "失敗", "실패"), whole words in scripts with spaces,
        anywhere in scripts without."""
        return _by_script(self._data["success_words"] + self._data["failure_words"], r"(?<!\w)(?:{})(?!\w)")

    def reports_success(self, before: str, after: str, languages: Iterable[str] = ()) -> bool:
        """Whether a success word stands in the clause around a phrase (`before` and `after` it), with no dash nor
        coordinator of the clause's `languages` (codes) between: "Übersetzt mit ChatGPT – erfolgreich getestet", "…
        übersetzt und erfolgreich geprüft" are a notice and a second remark."""
        cut = self.second_predicate(tuple(sorted(set(languages))))
        return self.success_word.search(f"{cut.split(before)[-1]} {cut.split(after)[0]}") is not None

    @cached_property
    def service_word(self) -> re.Pattern[str]:
        """ "API key", "clé API", "APIキー", "free tier", "тариф": a service's credentials or price plan, "on save",
        "beim Speichern": the action that triggers it, and "fallback", "запасной", "dự phòng": the path a pipeline
        takes when another engine fails; at a word start (with its endings) in scripts with spaces, anywhere in
        scripts without."""
        return _possessives(self._data["service_words"] + self._data["trigger_events"] + self._data["fallback_words"])

    @cached_property
    def _action_heads(self) -> frozenset[str]:
        return frozenset(self._data["action_heads"])

    @cached_property
    def _control_noun(self) -> re.Pattern[str]:
        """A control's noun opening a clause, after bullets, numbers and marks (`control_nouns`)."""
        return re.compile(rf"[\W\d_]*(?:{_alternation(self._data['control_nouns'])})(?![\w-])", re.IGNORECASE)

    @cached_property
    def _feature_noun(self) -> re.Pattern[str]:
        """A feature's name opening a clause, after bullets, numbers and marks, with a bracket right after it
        (`feature_nouns`)."""
        return re.compile(
            rf"[\W\d_]*(?:{_alternation(self._data['feature_nouns'], flexible=True)})\s*[(（]", re.IGNORECASE
        )

    @cached_property
    def _present_active(self) -> re.Pattern[str]:
        """A present active third person of "translate" (`present_actives`), whole words."""
        return _by_script(self._data["present_actives"], r"(?<!\w)(?:{})(?!\w)")

    def acts(self, clause: str) -> bool:
        """Whether the (NFKC) clause that holds a finding opens with the verb of a control or a feature description
        (`action_heads`: "Add comment (machine translated)", "Shows the headlines, translated by DeepL", "Elige un
        idioma para ver la ficha traducida por IA") or a control's noun ("Toggle for …", `control_nouns`), or has the
        verb right before its first bracket, as a verb-final label does ("Kommentar hinzufügen (maschinell übersetzt)"):
        what a button or a program does, not this text. Not where an original word stands in the clause ("Show original
        (machine translated)": a notice's link)."""
        heads = self._action_heads
        if self._control_noun.match(clause) and self.shown_original.search(clause.lower()) is None:
            return True  # "Toggle for machine-translated comments", "Кнопка вставляет текст, переведённый DeepL"
        if self._feature_noun.match(clause):
            return True  # "Multilingual support (AI translation)": how a listed feature works
        if self._present_active.search(clause):
            return True  # "DeepL segítségével fordítja le a leírásokat": what a program does (not where the clause
            # names this text, "Ezt az oldalt … fordítja le": `core._ruled_clause` asks `concepts.names_this`)
        first = _HEAD_WORD.match(clause)
        bracket = _BEFORE_BRACKET.search(clause) if "(" in clause or "（" in clause else None
        if bracket and _CLOSED.search(clause[bracket.end() :].rstrip().rstrip(")）")):
            bracket = None  # an aside closed before the finding ends: "… what we export (grain, steel) are machine …"
        acted = bool(first and first.group(1).lower() in heads) or bool(bracket and bracket.group(1).lower() in heads)
        return acted and self.shown_original.search(clause.lower()) is None

    @cached_property
    def _distributive(self) -> re.Pattern[str]:
        return _by_script(self._data["distributives"], r"(?<!\w)(?:{})(?!\w)")

    @cached_property
    def _past_marker(self) -> re.Pattern[str]:
        return _by_script(self._data["past_markers"], r"(?<!\w)(?:{})(?!\w)")

    def distributes(self, head: str, clause: str) -> bool:
        """Whether the (NFKC, folded) words before a finding's translate word (`head`) hold a distributive quantifier
        ("Each chapter is …", "Jedes Kapitel wird …"; `distributives`) and no possessive of the site ("Each article on
        our blog …"), and its `clause` no past auxiliary ("Each chapter was translated …"; `past_markers`): a rule a
        program applies to every item, told in the present."""
        if self._distributive.search(head) is None or self.possessives.search(head) is not None:
            return False
        return self._past_marker.search(clause) is None

    @cached_property
    def _data_noun(self) -> re.Pattern[str]:
        """A data resource's noun (`data_nouns`): at a word start, with its endings, in scripts with spaces, but not
        after a dot (an identifier's part: "${el.dataset.lang}"); anywhere in scripts without. A noun written with a
        final "$" is a whole word: "test set$" is not "test settings", tr "derlem$" not "derleme" (a compilation)."""
        nouns = self._data["data_nouns"]
        stems = _by_script([w for w in nouns if not w.endswith("$")], r"(?<![\w.])(?:{})\w*", flexible=True)
        whole = [w.rstrip("$") for w in nouns if w.endswith("$")]
        if not whole:
            return stems
        return re.compile(rf"{stems.pattern}|(?<![\w.])(?:{_alternation(whole, flexible=True)})(?!\w)", re.IGNORECASE)

    def names_data(self, sentence: str) -> bool:
        """Whether the (NFKC) sentence of a finding names a dataset or a corpus ("The dataset was machine translated
        from English", "El conjunto de datos fue traducido con DeepL"): how data for a model was made, not this
        text."""
        return self._data_noun.search(sentence) is not None

    @cached_property
    def _input_verb(self) -> re.Pattern[str]:
        """ "paste", "collez", "вставьте", "貼り付け": an instruction to put a text into a form; whole words in scripts
        with spaces, anywhere in scripts without."""
        return _alternatives(self._data["input_verbs"])

    def asks_input(self, sentence: str) -> bool:
        """Whether the (NFKC, any case) sentence tells the reader to put a text into a form ("Paste the
        machine-translated text below"): the machine translation it names is the form's input, not this page."""
        return self._input_verb.search(sentence.lower()) is not None

    @cached_property
    def _prompt_role(self) -> re.Pattern[str]:
        """An address that opens a text and a role noun in its first sentence ("You are a professional translator",
        "너는 최고의 번역 전문가야"): whole words of the address, then at most PROMPT_WORDS words with nothing but
        spaces between them, and a role noun at a word start (with its endings) in scripts with spaces ("You are
        welcome to join our volunteer translators!", "You are here: Home > Experts", "Вы читаете текст, переведённый
        машинным переводчиком" are notices' openings); in scripts without spaces the role within PROMPT_CHARS
        characters."""
        address = self._data["prompt_address"]
        roles = self._data["prompt_roles"]
        spaced = _alternation([w for w in address if not UNSPACED.search(w)], flexible=True)
        unspaced = _alternation([w for w in address if UNSPACED.search(w)])
        role_spaced = _alternation([w for w in roles if not UNSPACED.search(w)], flexible=True)
        role_unspaced = _alternation([w for w in roles if UNSPACED.search(w)])
        return re.compile(
            rf"^[\W_]*(?:(?:{spaced})(?:[ \t]+[\w'’-]+){{0,{PROMPT_WORDS}}}?[ \t]+(?:{role_spaced})"
            rf"|(?:{unspaced})(?!否)[^.!?。！？\n]{{0,{PROMPT_CHARS}}}?(?:{role_unspaced}))",
            re.IGNORECASE,
        )

    def prompts_role(self, paragraph: str) -> bool:
        """Whether the paragraph opens with an instruction that gives a language model a role ("You are a professional
        translator …", "Ты профессиональный переводчик …"): a prompt, whose machine translation is its input."""
        return self._prompt_role.search(paragraph) is not None

    @cached_property
    def _engine_list(self) -> re.Pattern[str]:
        """Two or more engine names with a comma between each ("DeepL, Google Translate", "DeepL、Google翻訳"); not
        "or", "/" nor "and": "Übersetzt mit DeepL oder ChatGPT" may credit the engines of a site that uses two."""
        return re.compile(rf"(?:{self.engine_any})(?:\s*[,、]\s*(?:{self.engine_any}))+")

    @cached_property
    def _list_credits(self) -> tuple[frozenset[str], tuple[str, ...], frozenset[str], tuple[str, ...]]:
        """Words before a name that credit it (the instruments, "by", "使用"), the unspaced ones among them, and the
        instruments after a name ("ile", "で"), the unspaced ones among them."""
        before = self._data["instruments"] + self._data["list_credits"]
        after = self._data["instruments_after"]
        return (
            frozenset(before),
            tuple(w for w in before if UNSPACED.search(w)),
            frozenset(after),
            tuple(w for w in after if UNSPACED.search(w)),
        )

    @cached_property
    def _or_engine(self) -> re.Pattern[str]:
        """ "or" and an engine after a list of engines ("…, Google Translate or Papago")."""
        words = self._data["list_alternatives"]
        spaced = _alternation([w for w in words if not UNSPACED.search(w)])
        unspaced = _alternation([w for w in words if UNSPACED.search(w)])
        return re.compile(rf"(?:,?\s+(?:{spaced})\s+|,?\s*(?:{unspaced})\s*)(?:{self.engine_any})")

    def lists_engines(self, folded: str) -> bool:
        """Whether the (folded) text lists engines to choose from: engine names with a comma between them
        ("Traducción: DeepL, Google Translate", "übersetzt — Claude, Gemini, DeepSeek"), unless the list is what a
        credit names: after an instrument or "by" ("Translated with DeepL, Google Translate", "本文使用 DeepL, Google
        翻译翻译") or before an instrument ("DeepL, Google Translate ile çevrildi"), but for a list that ends with "or"
        ("Translated with DeepL, Google Translate or Papago — pick one in the settings")."""
        if not self._may_list_engines(folded):
            return False
        before_words, before_unspaced, after_words, after_unspaced = self._list_credits
        for m in self._engine_list.finditer(folded):
            # "DeepL, Google Translate or Papago": alternatives, whatever stands before them
            if self._or_engine.match(folded, m.end()):
                return True
            before = folded[max(0, m.start() - 30) : m.start()].rstrip()
            words = before.split()
            if words and (words[-1] in before_words or " ".join(words[-2:]) in before_words):
                continue
            if before.endswith(before_unspaced):
                continue
            after = folded[m.end() : m.end() + 30].lstrip()
            if after.split()[:1] and after.split()[0] in after_words or after.startswith(after_unspaced):
                continue
            return True
        return False

    def _may_list_engines(self, folded: str) -> bool:
        """False where `_engine_list` cannot match, told without compiling it (a regex of some 7,000 characters, the
        costliest a one-line notice compiled): it needs a comma and an engine name, and a match of `engine_any` is a
        match of one of `engines` (the same names with the same bounds, one at a time)."""
        return ("," in folded or "、" in folded) and any(rx.search(folded) for _, rx in self.engines)

    def describes_service(self, text: str) -> bool:
        """Whether the text (NFKC, any case) describes a translation service rather than credits one: a service's
        credentials or price plan ("… mit DeepL übersetzt, ohne API-Schlüssel", "Machine translation. Has a free tier"),
        an editor's action that triggers it ("… wird beim Speichern mit DeepL übersetzt"), a fallback path ("Google
        Translate (fallback)", "запасной вариант"), a list of engines to choose
        from (`lists_engines`), an arrow that chains steps (`chains_steps`), an engine glossed by what it is
        (`glosses_engine`) or a roadmap's item (`plans_work`)."""
        folded = text.lower()
        return (
            self.service_word.search(folded) is not None
            or self.lists_engines(folded)
            or self.chains_steps(text)
            or self.glosses_engine(folded)
            or self.plans_work(text)
        )

    @cached_property
    def _roadmap(self) -> re.Pattern[str]:
        """A numbered step that opens the item or an open checkbox, a state word."""
        steps = self._data["roadmap_steps"]
        spaced = _alternation([w for w in steps if not UNSPACED.search(w)], flexible=True)
        unspaced = _alternation([w for w in steps if UNSPACED.search(w)])
        states = _alternation(self._data["roadmap_states"], flexible=True)
        # a number in any script (NFKC keeps "۱۲" as it is: \d reads it)
        return re.compile(
            rf"^[\W_]*(?:(?:(?<!\w)(?:{spaced})|{unspaced})\s*[#№]?\s*\d+(?!\w)|[-*+]?\s*\[ \]\s)"
            rf"|(?<!\w)(?:{states})(?!\w)",
            re.IGNORECASE,
        )

    @cached_property
    def _roadmap_tag(self) -> re.Pattern[str]:
        """A state tag in capitals ("IMPLEMENTADO", "DONE")."""
        return re.compile(rf"(?<!\w)(?:{_alternation([w.upper() for w in self._data['roadmap_tags']])})(?!\w)")

    def plans_work(self, item: str) -> bool:
        """Whether the item (as written: its case is read) is a roadmap's or a changelog's: it opens with a numbered
        phase or stage ("Fase 5 — Tradução automática") or an open checkbox ("- [ ] …"), or names a feature's state
        of work ("в бэклоге", "IMPLEMENTADO" in capitals in an item with lower-case words: in an item written all in
        capitals the word is a participle, "MACHINE TRANSLATION DONE WITH DEEPL", "TEXTO FEITO COM O GOOGLE")."""
        if self._roadmap.search(item) is not None:
            return True
        return self._roadmap_tag.search(item) is not None and any(c.islower() for c in item)

    def glosses_engine(self, line: str) -> bool:
        """Whether the (folded) line is only a translation engine's name and a bracket that says what it is
        ("DeepL (machine translation)", "Google Translate (otomatik çeviri)"): a product named, a heading or an item
        of a list of tools, not a credit ("Translator: Google Translate (machine translation)" names a role)."""
        m = _GLOSSED.fullmatch(line.strip())
        return m is not None and self.translation_engine.fullmatch(m.group(1).strip()) is not None

    def chains_steps(self, text: str) -> bool:
        """Whether an arrow in the text chains steps: a pipeline ("Capture → traduit par Gemini → PDF"), a menu path,
        a log line's result ("Переклад виконано → ${id}"); not an arrow between two languages ("en → vi", "EN → DE",
        "{language} → {translator}", "English → German"), one to the original or to another language's version ("→
        Show original", "→ Lire en anglais"), one that ends the text ("Next →"), nor an HTML comment's "-->"."""
        for m in _ARROW.finditer(text):
            before = text[max(0, m.start() - 40) : m.start()].split()
            after = text[m.end() : m.end() + 40].split()
            if before and after and self._language_pair(before[-1], after[0]):
                continue
            # "Read more →", "Next →", "zum Original →": the arrow of a link, no step after it
            if not any(w.strip(_MARKS) for w in after):
                continue
            # "Machine translated → Show original", "Traduit automatiquement → Lire en anglais": the link to the
            # original, or to another language's version, that ends a badge ("→ Arapça mesajlar … çevriliyor", an
            # arrow that opens the line, is a step's result)
            link = " ".join(after[:ORIGINAL_WORDS]).lower()
            if self.shown_original.search(link) or before and self.language_regex.search(link):
                continue
            return True
        return False

    def _language_pair(self, left: str, right: str) -> bool:
        """Two sides of an arrow that name languages: a name or a language placeholder on one side, an upper-case
        code ("EN", "PT-BR") on one side, or a two-letter code on both ("en → vi")."""
        left, right = (w.strip("()[]{}«»\"'“”„.,:;") for w in (left, right))
        if _UPPER_CODE.fullmatch(left) or _UPPER_CODE.fullmatch(right):
            return True
        if _LOWER_CODE.fullmatch(left) and _LOWER_CODE.fullmatch(right):
            return True
        return any(
            _LANGUAGE_PLACEHOLDER.search(w.lower()) or self.language_regex.match(w.lower()) for w in (left, right)
        )

    def coordinators(self, code: str) -> tuple[str, ...]:
        """The language's coordinators ("and", "und", "và"), lower case; none for a language without a list."""
        return tuple(self._data["coordinators"].get(code, ()))

    def second_predicate(self, languages: tuple[str, ...]) -> re.Pattern[str]:
        """A dash or a coordinator of one of the languages between two remarks or predicates, spaces around it."""
        cut = self._cuts.get(languages)
        if cut is None:
            table = self._data["coordinators"]
            words = sorted({w for code in languages for w in table.get(code, [])})
            joined = f"|{_alternation(words)}" if words else ""
            cut = self._cuts[languages] = re.compile(rf"\s(?:[-–—]{joined})\s", re.IGNORECASE)
        return cut

    def opens_example(self, text: str) -> bool:
        """Whether an example marker opens a bracket or a clause that is still open where the text ends."""
        # a match has no end after its marker: it starts at most a marker's length before the last end, so the
        # search starts there (from every marker before it, each tried to the end, it took quadratic time)
        last = -1
        for m in _EXAMPLE_END.finditer(text):
            last = m.start()
        return self.example_marker.search(text, max(0, last - self._example_reach)) is not None

    @cached_property
    def _example_reach(self) -> int:
        return max(map(len, self._data["example_markers"])) + 8  # a bracket, the spaces and a colon around it

    @cached_property
    def instruments(self) -> tuple[frozenset[str], frozenset[str]]:
        """Prepositions and postpositions of the instrument ("with", "con", "ile"), lower case."""
        return frozenset(self._data["instruments"]), frozenset(self._data["instruments_after"])

    @cached_property
    def platforms(self) -> re.Pattern[str]:
        """ "Weblate", "Crowdin": platforms where people translate, at a word start."""
        return re.compile(rf"(?<!\w)(?:{_alternation(self._data['platforms'])})", re.IGNORECASE)

    @cached_property
    def alternatives(self) -> re.Pattern[str]:
        """ "instead of", "anstatt", "en lugar de": the option not taken."""
        return _alternatives(self._data["alternatives"])

    @cached_property
    def into_words(self) -> frozenset[str]:
        """ "into", "naar", "til": the preposition that names what a made form turned a text into."""
        return frozenset(self._data["into_words"])

    @cached_property
    def tongues(self) -> re.Pattern[str]:
        """ "language", "langue", "Sprache" at a word start: a noun that names a language without naming which."""
        return re.compile(r"(?<!\w)(?:{})".format("|".join(re.escape(w) for w in self._data["tongues"])))

    @cached_property
    def relatives(self) -> frozenset[str]:
        """ "that", "qui", "che", "które": a relative pronoun that ends a completed passive's subject makes its clause
        qualify a noun ("articles that were machine translated"), no report on the texts at hand."""
        return frozenset(self._data["relatives"])

    @cached_property
    def except_words(self) -> re.Pattern[str]:
        """ "other than", "distintos al", "以外": beside a language name, the site's other language versions."""
        return _alternatives(self._data["except_words"])

    @cached_property
    def comparisons(self) -> re.Pattern[str]:
        """ "than", "nego", "чем": the other side of a comparison (whole words; none in scripts without spaces)."""
        return re.compile(rf"(?<!\w)(?:{_alternation(self._data['comparisons'], flexible=True)})(?!\w)", re.IGNORECASE)

    @cached_property
    def reported(self) -> re.Pattern[str]:
        """ "a short notice that", "einen Hinweis, dass": an article, a notice noun, then "that" (a reported notice); or
        a verb that says what a sign or a value means, and its "that" ("indicates that", "bedeutet, dass"), in the
        group `verb` (its callers keep a clause that names this text after it: `concepts.names_this`)."""

        def alt(key: str) -> str:
            return _alternation(self._data[key], flexible=True)

        # one fixed-width look-behind per copula: "This is a notice that …" stays a notice
        copulas = "".join(rf"(?<!\b{re.escape(w)}\s)" for w in self._data["reported_copulas"])
        # a verb that says what a sign means, and its "that", a comma allowed before it: "bedeutet, dass"
        by_length = sorted(self._data["reported_verbs"], key=len, reverse=True)
        verbs = "|".join(re.escape(w).replace("\\ ", r",?\s+") for w in by_length)
        return re.compile(
            copulas
            + rf"(?<!\w)(?:{alt('reported_articles')})\s+(?:[\w-]+\s+){{0,2}}(?:{alt('reported_nouns')})\w{{0,3}}"
            rf",?\s+(?:{alt('reported_that')})(?!\w)"
            rf"|(?<!\w)(?P<verb>{verbs})(?!\w)",
            re.IGNORECASE,
        )

    @cached_property
    def definitions(self) -> dict[str, re.Pattern[str]]:
        """Per concept lexicon, the copula of a definition ("is a", "— це", "是一种"): whole words, anywhere in
        scripts written without spaces. Each is compiled on first use: a text reads the copulas of a few lexicons."""
        out = {}
        for code, words in self._data.get("definitions", {}).items():
            out[code] = _by_script(words, r"(?<!\w)(?:{})(?!\w)", flexible=True, compiler=deferred)
        return out


@cache
def _data(name: str) -> dict[str, Any]:
    text = resources.files("mtcheck.detect").joinpath("data", name).read_text(encoding="utf-8")
    return tomllib.loads(text)


# A Persian/Urdu half-space (ZWNJ) between Arabic-script letters reads as a space in the view.
ZWNJ_IN_ARABIC = deferred(r"(?<=[\u0600-\u06ff])\u200c(?=[\u0600-\u06ff])")


def spaces_match_breaks(source: str) -> str:
    """Let a literal space in a pattern also match a line break (outside character classes)."""
    out: list[str] = []
    in_class = escaped = False
    for ch in source:
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        elif in_class:
            out.append(" \\n" if ch == " " else ch)
            in_class = ch != "]"
        elif ch == "[":
            out.append(ch)
            in_class = True
        elif ch == " ":
            out.append("[ \\n]")
        else:
            out.append(ch)
    return "".join(out)


# The words after an arrow read for the link to the original or to another language ("→ Show the original").
ORIGINAL_WORDS = 4
# An arrow ("→", "->", "➜", "⇒"), not the end of an HTML comment ("-->") nor a fat arrow ("=>").
_ARROW = deferred(r"(?<![-<=])(?:[→⟶➔➜➝➞➡⮕⇒⟹]|->)(?!>)")
# A name and one bracket after it, nothing else on the line but marks ("### DeepL (machine translation):").
_GLOSSED = deferred(r"[^\w(\[]*([^()\[\]\n]{2,40}?)\s*[(\[][^()\[\]\n]{2,60}[)\]][\W]*")
_UPPER_CODE = deferred(r"[A-Z]{2,3}(?:[-_][A-Za-z]{2,4})?")
_LOWER_CODE = deferred(r"[a-z]{2}(?:[-_][a-zA-Z]{2,4})?")
# "{lang}", "%{language}", "$LANG$", "${targetLocale}", and the view's "xlanguage"
_LANGUAGE_PLACEHOLDER = deferred(r"lang|locale|^x$")
# Marks with no word in them: what may follow a link's arrow ("Next →.", "→ )").
_MARKS = "()[]{}«»\"'“”„.,:;!?*_-–—→⟶>"
PROMPT_CHARS = 60  # characters between a prompt's address and its role noun: "너는 최고의 한국어 법률 번역 전문가야"
PROMPT_WORDS = 4  # words between a prompt's address and its role noun: "You are a careful legal translator"
# Scripts written without spaces: a word there may start anywhere ("我们的", "ของเรา").
UNSPACED = deferred(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


# What closes an example (`Shared.opens_example`): a closing bracket, a line or a sentence end.
_EXAMPLE_END = deferred(r"[\])）】\n\f。！？।؟]|[.!?](?=\s)")


def _alternation(words: list[str], flexible: bool = False) -> str:
    """The words as one regex alternation, longest first; with `flexible`, a space matches any run of whitespace."""
    escaped = (re.escape(w) for w in sorted(words, key=len, reverse=True))
    return "|".join(e.replace("\\ ", r"\s+") for e in escaped) if flexible else "|".join(escaped)


def _by_script(
    words: list[str],
    spaced_form: str,
    flexible: bool = False,
    compiler: Callable[[str, int], re.Pattern[str]] = re.compile,
) -> re.Pattern[str]:
    """Words of scripts written with spaces inside `spaced_form` (its "{}": their alternation, word bounds around
    it), words of scripts without spaces anywhere; a group with no words is left out, so the pattern never
    matches the empty string."""
    spaced = [w for w in words if not UNSPACED.search(w)]
    unspaced = [w for w in words if UNSPACED.search(w)]
    branches = [spaced_form.format(_alternation(spaced, flexible))] if spaced else []
    branches += [_alternation(unspaced)] if unspaced else []
    return compiler("|".join(branches) or r"(?!)", re.IGNORECASE)


def _possessives(words: list[str]) -> re.Pattern[str]:
    """Possessive words at a word start (with their endings), or anywhere in scripts written without spaces."""
    return _by_script(words, r"(?<!\w)(?:{})\w*")


def _alternatives(words: list[str]) -> re.Pattern[str]:
    """Prepositions of a rejected alternative, at a word start ("au lieu d'une", not "Werkstatt"; anywhere in
    scripts written without spaces)."""
    return _by_script(words, r"(?<!\w)(?:{})(?!(?<=\w)\w)", flexible=True)


# The first word of a clause, after bullets, numbers, marks and emoji ("- ", "1. ", "✅ "); a hyphen or an apostrophe
# keeps it whole ("Add-ons", "L'IA"), so it is compared as written.
_HEAD_WORD = deferred(r"[\W\d_]*([^\W\d_][\w'’-]*)")
# The word right before a clause's first bracket: a verb-final label's infinitive ("… hinzufügen (maschinell …)").
_BEFORE_BRACKET = deferred(r"^[^(（]*?(?<![\w'’-])([^\W\d_][\w'’-]*)\s*[(（]")
# A closing bracket: the label's bracket holds the finding, to the clause's end ("… hinzufügen (maschinell übersetzt)").
_CLOSED = deferred(r"[)）]")


@cache
def shared() -> Shared:
    """The shared tables from data/common.toml."""
    return Shared(_data("common.toml"))


# What a placeholder becomes when an item is read for the literals every match holds (common None): a group with no
# literal, so that only the item's own words are required (the engines' and languages' names are not).
_NO_LITERAL = "(?:.{0,80})"


def _expand(source: str, common: Shared | None) -> str:
    return spaces_match_breaks(
        ZWNJ_IN_ARABIC.sub(" ", source)  # the view reads a Persian half-space as a space
        .replace("{engine}", f"(?:{common.engine_any})" if common else _NO_LITERAL)
        .replace("{ai}", f"(?:{common.ai_any})" if common else _NO_LITERAL)
        .replace("{language}", f"(?:{common.language_any})" if common else _NO_LITERAL)
    )


def _word_list(words: list[str], boundaries: str) -> re.Pattern[str] | None:
    if not words:
        return None
    # Longest first, so that "liest gerade" wins over "liest" where both would match.
    ordered = sorted(words, key=len, reverse=True)
    body = "|".join(spaces_match_breaks(re.escape(ZWNJ_IN_ARABIC.sub(" ", w)).replace("\\ ", " ")) for w in ordered)
    return re.compile(f"{_BEFORE[boundaries]}(?:{body}){_AFTER[boundaries]}")


def _regex_list(items: list[str], boundaries: str, common: Shared) -> re.Pattern[str] | None:
    if not items:
        return None
    body = "|".join(f"(?:{_expand(item, common)})" for item in items)
    return re.compile(f"{_BEFORE[boundaries]}(?:{body})")


class _Cues(Mapping[str, "re.Pattern[str] | None"]):
    """A language's context cues, each list compiled the first time it is read (a text weighs few phrases)."""

    def __init__(self, context: dict[str, Any], boundaries: str) -> None:
        self._context = context
        self._boundaries = boundaries
        self._compiled: dict[str, re.Pattern[str] | None] = {}

    def __getitem__(self, name: str) -> re.Pattern[str] | None:
        if name in self._compiled:
            return self._compiled[name]
        if name in WORD_LISTS:
            pattern = _word_list(self._context.get(name, []), self._boundaries)
        elif name in REGEX_LISTS:
            pattern = _regex_list(self._context.get(name, []), self._boundaries, shared())
        else:
            raise KeyError(name)
        self._compiled[name] = pattern
        return pattern

    def __iter__(self) -> Iterator[str]:
        return iter(WORD_LISTS + REGEX_LISTS)

    def __len__(self) -> int:
        return len(WORD_LISTS) + len(REGEX_LISTS)


MAX_PARTIAL = 2  # patterns of some items compiled per category; past them, the category's whole pattern is compiled


class Patterns(Mapping[str, "re.Pattern[str]"]):
    """A language's phrase patterns by category, each the alternation of its items, compiled the first time it is read.

    `for_text` gives what matches in one text without compiling a whole pattern first: an item whose every match
    holds a literal string that is not in the text (`scan.required`, read from the item with its placeholders left
    out) cannot match there, so the alternation of the other items, in the same order, finds the very matches
    (same spans) the whole one finds. A run that reads one page compiles a fraction of the big patterns; a run over
    many texts compiles the whole ones after a few texts (MAX_PARTIAL).
    """

    def __init__(self, items: dict[str, list[str]], common: Shared) -> None:
        self._items = items
        self._common = common
        self._compiled: dict[str, re.Pattern[str]] = {}
        self._required: dict[str, tuple[Required, ...]] = {}
        self._partial: dict[tuple[str, tuple[int, ...]], re.Pattern[str]] = {}

    def __getitem__(self, category: str) -> re.Pattern[str]:
        pattern = self._compiled.get(category)
        if pattern is None:
            if category not in self._items:
                raise KeyError(category)
            pattern = self._compiled[category] = self._compile(category, range(len(self._items[category])))
        return pattern

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def _compile(self, category: str, keep: Iterable[int]) -> re.Pattern[str]:
        items = self._items[category]
        return re.compile("|".join(f"(?:{_expand(items[k], self._common)})" for k in keep))

    def for_text(self, category: str, text: str) -> re.Pattern[str] | None:
        """A pattern with the matches of self[category] in `text` (None: it has none there)."""
        whole = self._compiled.get(category)
        if whole is not None:
            return whole
        keep = self.may_match(category, text)
        if len(keep) == len(self._items[category]):
            return self[category]
        if not keep:
            return None
        pattern = self._partial.get((category, keep))
        if pattern is None:
            if sum(c == category for c, _ in self._partial) >= MAX_PARTIAL:
                return self[category]
            pattern = self._partial[(category, keep)] = self._compile(category, keep)
        return pattern

    def may_match(self, category: str, text: str) -> tuple[int, ...]:
        """The items of a category that may match in `text` (indices, in order): the others cannot."""
        required = self._required.get(category)
        if required is None:
            required = self._required[category] = tuple(
                scan.required(_expand(rx, None)) for rx in self._items[category]
            )
        occurs = _occurs_in(text)
        return tuple(k for k, need in enumerate(required) if _may_match(need, occurs))

    def pattern_of(self, category: str, keep: Iterable[int]) -> re.Pattern[str]:
        """The alternation of some items of a category, in their order (compiled anew)."""
        return self._compile(category, keep)


Required = tuple[tuple[frozenset[str], ...], ...] | None  # see scan.required


def _may_match(required: Required, occurs: Callable[[str], bool]) -> bool:
    """False when every alternative of an item has a literal set none of whose strings occurs."""
    if required is None:
        return True
    return any(not any(not any(occurs(x) for x in literals) for literals in alternative) for alternative in required)


def compile_rules(data: dict[str, Any]) -> Rules:
    """One language's rules from its data (a parsed TOML table); the patterns are compiled when first read."""
    common = shared()
    boundaries = str(data.get("boundaries", "word"))
    if boundaries not in BOUNDARY_MODES:
        raise ValueError(f"{data.get('code')}: boundaries must be one of {BOUNDARY_MODES}")
    items = {c: list(data.get("patterns", {}).get(c, [])) for c in CATEGORIES}
    patterns = Patterns({c: found for c, found in items.items() if found}, common)
    cues = _Cues(data.get("context", {}), boundaries)
    return Rules(
        code=str(data["code"]),
        boundaries=boundaries,
        triggers=tuple(t.lower() for t in data.get("triggers", [])),
        patterns=patterns,
        cues=cues,
    )


@cache
def _language_files() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(file name, trigger stems) of every language file; reading them is cheap, compiling is not."""
    folder = resources.files("mtcheck.detect").joinpath("data", "languages")
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".toml"))
    out = []
    for name in names:
        try:
            triggers = _triggers(name)
        except tomllib.TOMLDecodeError as exc:
            raise ValueError(f"mtcheck/detect/data/languages/{name}: {exc}") from exc
        out.append((name, tuple(t.lower() for t in triggers)))
    return tuple(out)


_TABLE_HEADER = deferred(r"^\[", re.MULTILINE)


def _triggers(name: str) -> list[str]:
    """A language file's trigger stems, read from its top-level keys only (the tables below are the big part)."""
    text = resources.files("mtcheck.detect").joinpath("data", "languages", name).read_text(encoding="utf-8")
    header = _TABLE_HEADER.search(text)
    if header is not None:
        try:
            head = tomllib.loads(text[: header.start()])
        except tomllib.TOMLDecodeError:
            head = {}
        if "triggers" in head:
            return [str(t) for t in head["triggers"]]
    return [str(t) for t in _data(f"languages/{name}").get("triggers", [])]


@cache
def rules_named(name: str) -> Rules:
    """One language's compiled rules, compiled on first use only (a run rarely needs more than a few)."""
    try:
        return compile_rules(_data(f"languages/{name}"))
    except (re.error, tomllib.TOMLDecodeError, KeyError, ValueError) as exc:
        raise ValueError(f"mtcheck/detect/data/languages/{name}: {exc}") from exc


def all_rules() -> tuple[Rules, ...]:
    """Every language's rules, in file-name order, with every cue compiled (so a bad one is found here)."""
    out = []
    for name, _ in _language_files():
        rules = rules_named(name)
        try:
            dict(rules.cues)
            dict(rules.patterns)
        except re.error as exc:
            raise ValueError(f"mtcheck/detect/data/languages/{name}: {exc}") from exc
        out.append(rules)
    return tuple(out)


def rules_for(view_text: str) -> list[Rules]:
    """The languages whose trigger stems occur in the view (the others cannot match)."""
    occurs = _occurs_in(view_text)
    return [rules_named(name) for name, triggers in _language_files() if any(occurs(t) for t in triggers)]


def _occurs_in(text: str) -> Callable[[str], bool]:
    """`lambda stem: stem in text`, quicker for many stems on a long text: a stem without white space occurs in the
    text exactly when it occurs in its distinct words (scan.distinct_words), a fraction of a long page's length; one
    with white space ("we translated", scan.required's literals past a branch) is looked for in the whole text only
    where each of its runs without white space occurs in those words (each lies inside one word of the text)."""
    if len(text) < scan.MIN_TEXT:
        return text.__contains__
    seen: dict[str, bool] = {}
    in_words = scan.looked_up(scan.words_of(text))

    def occurs(stem: str) -> bool:
        found = seen.get(stem)
        if found is None:
            found = in_words(stem) if _solid(stem) else all(in_words(r) for r in stem.split()) and stem in text
            seen[stem] = found
        return found

    return occurs


@lru_cache(maxsize=4096)
def _solid(stem: str) -> bool:
    """No white space (str.split's) and no NUL: inside one word of any text it occurs in."""
    return "\x00" not in stem and stem.split() == [stem]


_INVISIBLE = deferred("[\u064b-\u065f\u0640\u00ad\u200b\u200d\u2060\ufeff]")


@cache
def _all_triggers() -> tuple[str, ...]:
    return tuple(sorted({t for _, triggers in _language_files() for t in triggers}))


def might_match(text: str) -> bool:
    """False when no language's trigger stem occurs: the (slower) matching view can be skipped."""
    import unicodedata

    folded = unicodedata.normalize("NFKC", text.replace("\u0130", "i")).lower()
    if _has_trigger(folded):
        return True
    # Arabic harakat and tatweel, soft hyphens and zero-width spaces can sit inside a trigger stem (none is ASCII: an
    # ASCII text, checked without a pass over it, holds none; the character-class pass costs 5 ms a megabyte).
    if folded.isascii():
        return False
    bare = _INVISIBLE.sub("", folded)
    return bare != folded and _has_trigger(bare)


@cache
def _trigger_pieces() -> tuple[str, ...] | None:
    return scan.pieces(_all_triggers())


def _has_trigger(folded: str) -> bool:
    """Whether a trigger stem occurs in the folded text. A long text is first checked once per distinct word:
    when no stem's longest piece occurs in any word, no stem occurs in the text."""
    if len(folded) >= scan.MIN_TEXT:
        found = _trigger_pieces()
        if found is not None:
            words = scan.words_of(folded)
            if not any(piece in words for piece in found):
                return False
            return any(t in (words if _solid(t) else folded) for t in _all_triggers())
    return any(t in folded for t in _all_triggers())
