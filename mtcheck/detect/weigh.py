"""Weigh one phrase found in a view by its context: a disclaimer, a badge or a passing mention."""

from __future__ import annotations

import functools
import re

from mtcheck.detect import concepts
from mtcheck.detect.context import (
    COUNTED,
    FIRST_PART,
    FROM_LANGUAGE,
    LABEL_PREFIX,
    LANGUAGE_SLOT,
    LEAD,
    PICKER_SENTENCE_BREAK,
    SPACED_DASH,
    TALLY,
    WIDE_CHAR,
    Context,
    after_last_cut,
    count_words,
    head_words,
    names_a_language,
    source_language_at,
    tail_words,
    word_iter,
)
from mtcheck.detect.deferred import deferred
from mtcheck.detect.patterns import Rules, shared

WEAK = 0.25
# A line of key/value metadata ("lang: en", "---") before a line that starts with the phrase.
_CODE_TAG = deferred(r"\s*[a-z]{2}(?:-[a-z]{2,4})?\s*")
_TOGGLE_SEP = deferred(r"\s*[:=]\s*")
_BRACKETED = deferred(r"\([^()]*\)?")
# the word right after a phrase, with no punctuation between (a closing quote may stand before it)
_ATTACHED = deferred(r"[\"']? ([^\W\d_][^\s,.;:!?()\"']*)")
_SHORT_BRACKET = deferred(r"^[^\S\n]*\([^()\n]{1,20}\)")
_QUOTED_AFTER = deferred(r"\"[^\"\n]*\"|“[^“”\n]*”|«[^«»\n]*»|„[^„“\n]*“")
_KEY_LINE = deferred(r"(?:^|\n)\s*(?:-{3,}|[\w.-]+(?: [\w.-]+)?\s*:[^\n]*)\s*$")


@functools.cache
def _POSSESSIVE_END() -> re.Pattern[str]:  # noqa: N802
    """A first-person possessive at the end of a gap, right before the engine: "with our (AI)", "mit unserer (KI)"."""
    return re.compile(rf"(?:{shared().possessives.pattern})\s*$", re.IGNORECASE)


@functools.cache
def _named_language() -> re.Pattern[str]:
    """A language name and the word after it: "engleskog jezika", "английского языка"."""
    return re.compile(rf"(?<!\w)(?:{shared().language_any})\w*\s+[^\W\d_]+")


# A language slot and the word next to it: "s jezika {lang}", "{lang} dilinden" name one language, not many.
_SLOTTED_LANGUAGE = deferred(rf"(?:[^\W\d_]+\s+)?{LANGUAGE_SLOT}(?:\s*[^\W\d_]+)?")


@functools.cache
def _LANGUAGE_TAIL() -> re.Pattern[str]:  # noqa: N802
    """A language name or a code such as "pt-br" at the end of a clause, with the space before it."""
    return re.compile(rf"(?:\s+(?:[a-z]{{2}}-[a-z]{{2,4}}|(?:{shared().language_any})\w*)){{1,2}}$")


def has(rules: Rules, cue: str, text: str) -> bool:
    """Whether a language's cue list matches somewhere in `text`."""
    pattern = rules.cues[cue]
    return bool(pattern is not None and pattern.search(text))


def _initial(rules: Rules, pre: str) -> bool:
    """Nothing but punctuation, a "Note:" prefix or a source language before the phrase."""
    b = rules.boundaries
    rest = after_last_cut(pre)
    if count_words(FROM_LANGUAGE.sub(" ", rest), b) == 0 or _CODE_TAG.fullmatch(rest):
        return True  # nothing before it, or only a language tag: "[EN] Automatic translation of ..."
    # Front matter and key/value lists: "lang: en\ntranslated_by: Amazon Translate".
    if "\n" in pre:
        before, line = pre.rsplit("\n", 1)
        return count_words(line, b) == 0 and bool(_KEY_LINE.search(before))
    return False


def _means(rules: Rules, pre: str, post: str) -> bool:
    """An instrument word right before a label or right after it: "by machine translation", "çevirisi ile"."""
    b = rules.boundaries
    before = rules.cues["means"]
    after = rules.cues["means_after"]
    # "with the help of a system of machine translation": the instrument may stand a few words back.
    if before is not None and before.search(tail_words(pre, 6, b)):
        return True
    return after is not None and bool(after.match(post.lstrip(" -")))


def _made(rules: Rules, ctx: Context, pre: str) -> bool:
    """The clause says the text was made: a passive or copula before, or a making or translating verb.

    "This chapter *was* run through ...", "entsteht per KI-Übersetzung", "переведен с использованием";
    not "This article deals with machine translation".
    """
    aux, verb = rules.cues["aux"], rules.patterns.get("verb")
    if aux is not None and aux.search(pre):
        return True
    if has(rules, "made", ctx.clause):
        return True
    return verb is not None and bool(verb.search(pre) or verb.search(ctx.post))


def weigh(rules: Rules, ctx: Context, category: str, engine: tuple[str, str] | None = None) -> tuple[str, float]:
    """The kind and weight of a phrase of `category`; `engine` is (name text, text after it) for verbs."""
    b = rules.boundaries
    if category == "watermark":
        return "engine_watermark", 0.95
    if ctx.question and category != "original":  # a question is not a statement about this text
        return "mention", 0.15
    # "[例: 英語はDeepLで翻訳した段階です]", "(e.g. translated with DeepL)": a sample answer in a form or a template
    if category != "original" and shared().opens_example(ctx.sentence_pre):
        return "mention", 0.15
    # "Translated successfully with AI!", "Übersetzung erfolgreich": a program's status message, not a notice
    # (unless a deictic word points at this text: "This page was successfully machine translated")
    if (
        category != "original"
        and shared().success_word.search(ctx.clause) is not None
        and shared().reports_success(f"{ctx.pre} {ctx.span}", ctx.post, concepts.read_by(rules.code, ctx.clause))
        and not concepts.cue_word(rules.code, "deixis", f"{ctx.pre} {ctx.span} {ctx.post}")
    ):
        return "mention", 0.1
    # "✨ Перекладено автоматично!", "Paste the machine-translated text here...": a toast or a placeholder
    toast = ctx.ui_message == "toast" and not has(rules, "self", f"{ctx.pre} {ctx.post}")  # not "Diese Seite …!"
    if (ctx.ui_message == "trailing" or toast) and category != "original":
        return "mention", 0.1
    if _toggle(rules, ctx.post):  # "Machine translation: Off", "Gépi fordítás: kikapcsolva": a settings switch
        return "mention", 0.1
    # "Machine-translated rows: {n:,}", "Auto-translated: 1,204", "Automatically translated %u messages": a statistic
    if TALLY.match(ctx.post) or COUNTED.match(ctx.post):
        return "mention", 0.1
    # "স্বয়ংক্রিয়ভাবে অনূদিত হবে", "ترجمہ ہو جائیں گے": a future or modal right after the phrase, in a verb-final
    # language (the concept lexicon's `future` markers), describes a feature, not this text
    # (the phrase's last word too: Turkish "çevrilecektir" carries it as a suffix)
    after = tail_words(ctx.span, 1, b) + head_words(ctx.post, 3, b)
    if category != "original" and concepts.future_follows(rules.code, after):
        return "mention", 0.1
    # "… ข้อความ … จะถูกแปลอัตโนมัติ", "… will be automatically translated": the same marker right before the phrase, where
    # the language puts it there (the last two words, or four characters in scripts without spaces)
    if category != "original" and concepts.future_precedes(rules.code, tail_words(ctx.pre, 2, b)):
        return "mention", 0.1
    first_post = FIRST_PART.split(ctx.post)[0]
    # "into 20 languages" is general; "s engleskog jezika" ("from the English language") names a source.
    local = ctx.pre + " " + first_post
    if shared().language_regex.search(local) is not None:  # else _named_language cannot match
        local = _named_language().sub(" ", local)
    local = _SLOTTED_LANGUAGE.sub(" ", local)
    languages = has(rules, "languages", local) and not _sourced_subject(rules, ctx.pre, first_post)
    if ctx.quoted_example or has(rules, "generic", ctx.pre) or languages:
        return "mention", 0.15
    # "Die Nachrichten Ihrer Kunden werden automatisch in Ihre Sprache übersetzt": into the reader's language, with
    # nothing pointing at this text, a feature or a setting (the concept layer decides: it needs a deictic word)
    if category != "original" and concepts.for_the_reader(rules.code, ctx.clause):
        return "mention", WEAK
    if has(rules, "ui", _ui_scope(rules, ctx)) or _picker(ctx):
        return "mention", 0.15
    if category == "original":
        return ("mention", 0.1) if has(rules, "human", ctx.clause) else ("original", 0.3)
    # "This is a machine translation API", "machine translation tool": the phrase names a product, not this text.
    # (a short bracket may stand between: "Machine translation (beta) settings")
    attached = _ATTACHED.match(_SHORT_BRACKET.sub("", ctx.post, count=1))
    if category in ("disclaimer", "label", "verb") and attached and has(rules, "generic", attached.group(1)):
        return "mention", 0.1
    if category == "verb" and engine is not None and _engine_as_product(rules, ctx, engine):
        return "mention", 0.1
    # A heading or article about translation: "Machine translation – definition and uses", "DeepLの使い方",
    # "この記事では機械翻訳について説明します" (a whole-statement pattern only yields to the same clause).
    head = head_words(_SHORT_BRACKET.sub("", ctx.post, count=1), 2, b)
    topic_after = has(rules, "topic_after", head)
    # "ChatGPTで翻訳する" (a menu item), "ChatGPTで翻訳します" (a log line: "translating with ChatGPT"): the verb's
    # non-past or action form names what a tool does, not how this text was made ("翻訳しました", "翻訳しています")
    action_after = has(rules, "action_after", head) or _object_after(rules, ctx, category)
    # "이 글은 DeepL로 번역하는 과정에서 …", "この記事はDeepLで翻訳中です": the clause is about this text (a self noun
    # and a topic particle), so the form says how it is made, not what a tool does
    action_after = action_after and not _text_is_topic(rules, ctx.pre)
    if topic_after or action_after or has(rules, "topic", ctx.clause if category == "disclaimer" else ctx.sentence):
        return "mention", 0.1
    if category == "disclaimer":
        return "disclaimer", 0.9
    pre = LABEL_PREFIX.sub("", ctx.pre) if ":" in ctx.pre else ctx.pre
    # "English translation by DeepL", "Aus dem Englischen mit KI übersetzt": the source language may lead.
    initial = _initial(rules, pre)
    # A label in the clause is not the text itself: "Machine translation in practice: how agencies use DeepL".
    label = rules.patterns.get("label")
    is_self = has(rules, "self", _without_tool_deixis(rules, label.sub(" ", pre) if label is not None else pre))
    post_words = count_words(first_post, b)
    cont = rules.cues["continuation"]
    aux = rules.cues["aux"]
    continues = cont is None or post_words <= 2 or bool(cont.match(LEAD.sub("", first_post)))
    predicative = aux is not None and bool(aux.search(tail_words(pre, 3, b)))
    if category == "label":
        return _label(rules, ctx, pre, initial, is_self, post_words, continues)
    # "… automatikoki itzuli eta txiokatzeko tresna": the participle describes what a tool that follows it does
    if category == "predicate" and _tool_after(rules, ctx.post):
        return "mention", WEAK
    # "CMS'et opretter et nyt dokument med AI-oversat indhold", "The plugin fills new pages with machine-translated
    # content": a tool is the subject, the participle is in what it makes
    if category == "predicate" and not predicative and _tool_subject(rules, pre):
        return "mention", WEAK
    if category == "source":  # "Translated from German": a badge only next to "Show original" (see find_hits)
        return ("mention", 0.1) if has(rules, "human", ctx.clause) else ("mention", 0.2)
    if _named_person(rules, ctx, engine):
        return "mention", 0.1
    if category == "verb":  # a translation verb next to an engine name
        return _verb(rules, ctx, pre, initial, is_self, post_words, continues, predicative, engine)
    # category == "predicate"
    if initial and post_words == 0 and ctx.segment_words <= 2 and not ctx.pre.strip():
        return "badge", 0.7
    # "Machine-translated content – may contain errors": the participle names the page's own text.
    # ("Google penaliza el contenido traducido automáticamente": a generic noun, the object of another subject's
    # verb, is content in general, as "Google bestraft automatisch übersetzte Inhalte" is in the other word order)
    if is_self and (continues or predicative) and (predicative or not _object_of_other(rules, pre)):
        return "disclaimer", 0.9
    # "Automatically translated from German by DeepL" is a statement; "Machine-translated content"
    # is a label, which a page that discusses machine translation may also use as a heading.
    stated = cont is None or bool(cont.match(LEAD.sub("", first_post)))
    if initial and (stated or predicative):
        return "disclaimer", 0.8
    if initial and (continues or _self_noun_only(rules, first_post)):
        return "badge", 0.7
    return "mention", WEAK


def _object_after(rules: Rules, ctx: Context, category: str) -> bool:
    """A word right after a verb that does not inflect, and no made form: its object, so an action, a step or a
    feature ("使用 ChatGPT 翻译论文", "使用谷歌翻译 API 将意大利语翻译成英语"), not how this text was made
    ("由 DeepL 翻译的内容", "使用百度翻译而成"); a clause that names this text stays a notice
    ("本文使用 DeepL 翻译全文")."""
    made = rules.cues["made_after"]
    if made is None or category not in ("predicate", "verb") or not ctx.span.endswith(rules.triggers):
        return False
    post = ctx.post[1:] if ctx.post.startswith(" ") else ctx.post
    if not post[:1].isalnum() or made.match(post):
        return False
    # an agent ("由", "经": "by") marks a made text by itself: "英文翻译是由谷歌翻译进行的"; only an instrument
    # ("使用", "用") makes the verb an action
    agent = rules.cues["agent"]
    if agent is not None and (agent.match(ctx.span) or agent.search(tail_words(ctx.pre, 1, rules.boundaries))):
        return False
    return not has(rules, "self", ctx.pre)


def _text_is_topic(rules: Rules, pre: str) -> bool:
    """A self noun followed by a topic particle before the phrase: "이 글은", "본 문서는", "この記事は"."""
    self_words, particles = rules.cues["self"], rules.cues["topic_particles"]
    if self_words is None or particles is None:
        return False
    # the particle after the noun ("페이지는"), or ending a self word that holds it ("글은")
    return any(particles.match(pre, m.end()) or particles.search(m.group(0)[-1:]) for m in self_words.finditer(pre))


def _sourced_subject(rules: Rules, pre: str, first_post: str) -> bool:
    """The languages word is in the subject and a source language follows the phrase: "Texts in other languages
    are machine-translated from German" names this site's texts and how they were made, not a list of targets
    ("translated into 20 languages", "translated from English into 20 languages" stay features)."""
    post = LEAD.sub("", first_post.lower())
    m = source_language_at(post)
    if m is None or has(rules, "languages", post[m.end() :]):
        return False
    return has(rules, "languages", after_last_cut(pre))


def _label(rules: Rules, ctx: Context, pre: str, initial: bool, is_self: bool, post_words: int,
           continues: bool) -> tuple[str, float]:  # fmt: skip
    """A noun such as "machine translation": a badge alone, a disclaimer when it names how this text was made."""
    # "Automatski prevoditelj", "automatic translator": the label's own word names an agent, a product
    if concepts.cue_word(rules.code, "human", ctx.span):
        return "mention", 0.1
    # "Machine Translation: Developer Guidelines": a heading about the topic, not a badge on this text.
    # (the term may be quoted, its quote ending the clause: 'a label appears: "機械翻訳です" (Machine translation)')
    glossed = _gloss(ctx.pre, ctx.post) or _gloss(ctx.sentence_pre, ctx.post)
    if _heading_after_colon(rules, ctx.post) or glossed or _glossed_after(ctx.post):
        return "mention", 0.1
    # "This article is a machine translation of ...", "... est une traduction automatique fournie à titre ..."
    made_after = has(rules, "made", head_words(ctx.post, 1, rules.boundaries))
    if is_self and _nominal(rules, pre) and (post_words <= 2 or continues or made_after):
        return "disclaimer", 0.85
    # "This chapter was run through machine translation", "Данный документ переведен с использованием
    # машинного перевода", "Bu yazı makine çevirisi ile aktarılmıştır": the text itself, made by it.
    # The clause after the last comma, or the whole when that part is only an instrument (", using ...").
    head, _, last = pre.rpartition(",")
    means = rules.cues["means"]
    own = pre if head and means is not None and means.fullmatch(last.strip()) else last
    if has(rules, "self", own) and _means(rules, pre, ctx.post) and _made(rules, ctx, pre):
        return "disclaimer", 0.85
    alone = ctx.segment_words == 0 and not ctx.run_on
    # "Machine translation from German", "Automatic translation by DeepL"
    common, b = shared(), rules.boundaries
    named = bool(common.language_regex.search(ctx.segment_post) or re.search(common.engine_any, ctx.segment_post))
    # ... or led by it where the source comes first: "{lang}から自動翻訳", "İngilizceden makine çevirisi"
    lead = after_last_cut(pre)
    led = names_a_language(lead)
    led = led and count_words(ctx.segment_post, b) <= 3
    introduced = initial and (ctx.segment_words <= 3 and named or led)
    # "Machine-generated English translation of the original Japanese press release"
    cont = rules.cues["continuation"]
    of_original = (
        initial
        and cont is not None
        and bool(cont.match(LEAD.sub("", ctx.segment_post)))
        and bool(
            common.original_words.search(ctx.segment_post) or has(rules, "self", head_words(ctx.segment_post, 3, b))
        )
    )
    return ("badge", 0.6) if alone or introduced or of_original else ("mention", 0.1)


def _verb(rules: Rules, ctx: Context, pre: str, initial: bool, is_self: bool, post_words: int, continues: bool,
          predicative: bool, engine: tuple[str, str] | None) -> tuple[str, float]:  # fmt: skip
    """A translation verb and an engine name: "translated with DeepL", "DeepLで翻訳"."""
    b = rules.boundaries
    # "AI translator", "### DeepL translator": an engine and an agent noun with nothing after is a product's name
    if engine is not None and ctx.span.startswith(engine[0]) and ctx.span.endswith("translator") and post_words == 0:
        return "mention", 0.1
    # "translation looks AI generated": a hedge or a product word between them ("сервисом": an instrument)
    if has(rules, "human", ctx.clause) or (has(rules, "generic", ctx.gap) and not has(rules, "means", ctx.gap)):
        return "mention", 0.1
    # "Nous avons traduit ce billet à l'aide de DeepL": the words between may name the text itself.
    # (not a possessive of the engine: "translated with our AI", "mit unserer KI")
    is_self = is_self or has(rules, "self", _POSSESSIVE_END().sub(" ", ctx.gap))
    # "GPT-4 translated the prompt into French": an engine as the subject of something else's translation.
    # ("O Google traduziu …": a determiner may stand before the engine's name)
    determiners = rules.cues["determiners"]
    opening = after_last_cut(pre) if determiners is None else determiners.sub(" ", after_last_cut(pre))
    subject = engine is not None and ctx.span.startswith(engine[0]) and count_words(opening, b) == 0
    if (
        subject
        and has(rules, "determiners", head_words(ctx.post, 1, b))
        and not has(rules, "self", head_words(ctx.post, 3, b))
    ):
        return "mention", WEAK
    # "Google наказва машинно преведеното съдържание", "Google penalizes machine-translated content": the engine is
    # the subject of another verb, the participle an adjective of its object
    if subject and _other_words(rules, concepts.without_machine_words(rules.code, ctx.gap, ctx.span)):
        return "mention", WEAK
    # "переведён человеком, сравнён с языковой моделью": an engine in the instrumental after "с" / "з" ("with") is
    # an object of another verb, not the agent of the translate verb
    if engine is not None and concepts.comitative_object(
        rules.code, f"{tail_words(pre if ctx.span.startswith(engine[0]) else ctx.gap, 2, b)} {engine[0]}"
    ):
        return "mention", WEAK
    if engine is not None and _noun_in_prose(rules, ctx, pre, engine, predicative):
        return "mention", WEAK
    # "Von Google übersetzt", "Door DeepL vertaald": only the agent's preposition before the engine.
    agent = rules.cues["agent"]
    led = agent is not None and bool(agent.fullmatch(after_last_cut(pre).strip()))
    if (initial or is_self or led) and (post_words <= 1 or continues or predicative) and _tight(rules, ctx.gap):
        return "disclaimer", 0.85
    return "mention", WEAK


CREDIT_WORDS = 4  # words of a credit line besides its engine and translate noun: "Übersetzung: DeepL, ohne Gewähr"


def _noun_in_prose(rules: Rules, ctx: Context, pre: str, engine: tuple[str, str], predicative: bool) -> bool:
    """The translate word is a noun or part of a product's name, not a made form, no instrument or agent word ties it
    to the engine, and the clause is longer than a credit line: a sentence about the engine or about machine
    translation ("Google Traducere, ca și celelalte sisteme de traducere, are limitele sale", "la traducción de
    Google Translate no es reconocida …", "DeepL은 유럽 언어에 대한 번역 품질이 뛰어나다"), not a credit on this text
    ("Übersetzung mit DeepL", "DeepLで翻訳", "由 DeepL 翻译", "Traducere: Google")."""
    b = rules.boundaries
    name, gap = engine[0], ctx.gap
    first = ctx.span.startswith(name)
    word = ctx.span[len(name) + len(gap) :] if first else ctx.span[: max(0, len(ctx.span) - len(name) - len(gap))]
    attached = word + (ctx.post.split(maxsplit=1)[0] if ctx.post[:1].strip() else "")  # "번역" + "됨"
    if not word.strip() or predicative or has(rules, "made", word) or concepts.cue_word(rules.code, "done", attached):
        return False
    # a made form or a caveat elsewhere in the clause: "… سرویس ترجمه هوش مصنوعی … ترجمه شده است", "AI translation, not
    # checked by a human"
    if any(concepts.cue_word(rules.code, concept, ctx.clause) for concept in ("done", "caveat")):
        return False
    if count_words(ctx.pre, b) + count_words(ctx.post, b) <= CREDIT_WORDS or ":" in gap or "\n" in gap:
        return False  # a credit line, or a key and its value ("translation:\n  engine: deepl")
    # "이 번역은 … AI가 만들었습니다", "a Google translation of the README": the noun names this text's translation
    code = rules.code
    head = head_words(ctx.post, 2 if b == "none" else 3, b)
    if concepts.cue_word(code, "deixis", tail_words(pre, 2, b)) or any(
        concepts.cue_word(code, concept, head) for concept in ("deixis", "content")
    ):
        return False
    # the tie: an instrument or agent word (or a made form) between them ("created with the assistance of an LLM"),
    # or before the engine when it comes first ("durch DeepL-Übersetzung"), or a postposition right after it
    # ("DeepLで", "DeepL로", "DeepL ile"); in scripts without spaces only at either end of the gap, as a particle
    inner = gap.strip(" -–—")
    if b == "none":
        inner = f"{head_words(inner, 2, b)} {tail_words(inner, 2, b)}"
    if inner.strip() and any(has(rules, cue, inner) for cue in ("means", "means_after", "agent", "made")):
        return False
    if first and (has(rules, "means", tail_words(pre, 2, b)) or has(rules, "agent", tail_words(pre, 1, b))):
        return False
    # or before the noun when it comes first: "using the AI translation service", "با استفاده از سرویس ترجمه"
    if not first and has(rules, "means", tail_words(pre, 4, b)):
        return False
    if not first and has(rules, "means_after", head_words(ctx.post, 1, b)):
        return False
    # last, the concept reading of the clause, in every lexicon that owns its words: a notice there ("यो दस्तावेज़ AI
    # अनुवाद सेवा … प्रयोग गरेर अनुवाद गरिएको हो", made by a machine, this text) is no remark about the engine
    reading = concepts.read(ctx.clause)
    return reading is None or reading.score <= 0


def _named_person(rules: Rules, ctx: Context, engine: tuple[str, str] | None) -> bool:
    """The phrase ends in an engine name that is also a given name, and a surname follows: "Claude Demanuelli"."""
    if engine is not None:
        if ctx.span.startswith(engine[0]):  # "Claude translated this": the subject, not a credit
            return False
        name, after = engine
    else:
        m = re.search(rf"(?:{shared().person_names.pattern})$", ctx.span)
        if m is None:
            return False
        name, after = m.group(0), ctx.post
    if not shared().person_names.match(name.strip()):
        return False
    m = re.match(r"[ \n]+([^\W\d_]+)", after)
    if m is None:
        return False
    word = m.group(1)
    for cue in ("continuation", "aux", "means", "agent", "articles"):
        pattern = rules.cues[cue]
        if pattern is not None and pattern.fullmatch(word):
            return False
    # (a model tier, or the generic AI word of the language after the name: "Gemini AI", "Gemini IA", "Claude KI")
    return word not in shared().engine_name_tails


def _other_words(rules: Rules, gap: str) -> bool:
    """Words between an engine and its verb that are none of the connecting or self-naming cues."""
    if rules.boundaries == "none" or not gap.strip():
        return False
    first = word_iter(gap, rules.boundaries)
    if not first or any(has(rules, cue, first[0].group(0)) for cue in ("means", "means_after", "agent", "aux")):
        return False  # "एआई से मिले अनुवाद", "AI-assisted": the engine is the instrument, not a subject
    rest = gap
    for cue in ("self", "means", "continuation", "articles", "aux", "agent", "made"):
        pattern = rules.cues[cue]
        if pattern is not None:
            rest = pattern.sub(" ", rest)
    # one verb between them: "Google penalizes machine-translated …"; a longer stretch is a clause of its own ("Google
    # uses AI technology in your language to translate …" is how one notice says it)
    if sum(1 for w in word_iter(rest, rules.boundaries) if len(w.group(0)) > 2) == 1:
        return True
    # or a verb and its object, the noun the participle follows: "Google penalizza i contenuti tradotti …"
    words = [w.group(0) for w in word_iter(gap, rules.boundaries)]
    return len(words) == 3 and any(has(rules, cue, words[1]) for cue in ("determiners", "articles"))


OBJECT_HEAD_WORDS = 2  # a subject and its verb before the noun ("Google penaliza"); one may be a label


def _object_of_other(rules: Rules, pre: str) -> bool:
    """The only self word before a participle is the noun right before it, and a subject and its verb stand before
    that noun: "Google penaliza el contenido [traducido automáticamente]", "Les moteurs ignorent les pages [traduites
    …]" (not "Cette page contient du contenu …", where the self word that opens the clause is the subject)."""
    b = rules.boundaries
    pattern = rules.cues["self"]
    rest = after_last_cut(pre)
    if b == "none" or pattern is None:
        return False
    found = list(pattern.finditer(rest))
    if len(found) != 1:
        return False  # no self word, or "this" and a noun
    tail = re.sub(r"^\w*", "", rest[found[0].end() :])  # the noun's ending: "contenid|os"
    if count_words(tail, b) > 0:
        return False  # words between the noun and the participle
    head = rest[: found[0].start()]
    for cue in ("determiners", "articles", "continuation", "means", "agent"):
        cues = rules.cues[cue]
        if cues is not None:
            head = cues.sub(" ", head)
    return sum(1 for w in word_iter(head, b) if len(w.group(0)) > 2) >= OBJECT_HEAD_WORDS


def _without_tool_deixis(rules: Rules, pre: str) -> str:
    """`pre` without "this" before a tool or time noun ("Tämä laajennus näyttää …", "This extension shows …", "Deze week
    lanceerde …"): the deixis points at the tool or the time, not at this text; and without the reader's own text, a
    second-person possessive and the self words beside it ("Your messages are translated …")."""
    self_words = rules.cues["self"]
    if self_words is None or rules.boundaries == "none":
        return pre
    words = word_iter(pre, rules.boundaries)
    out = pre
    common = shared()
    # "your messages", "Ihre Nachrichten", "pesan Anda": the reader's own text, what a feature does with it
    for k, w in enumerate(words):
        if common.yours.fullmatch(w.group(0).lower()):
            for near in words[max(0, k - 2) : k + 3]:
                if near is w or self_words.match(near.group(0).lower()):
                    out = out[: near.start()] + " " * len(near.group(0)) + out[near.end() :]
    for k in range(1, len(words)):
        # "this extension", "Deze week", "this year": the deixis points at a tool or a time
        if not (common.tools.fullmatch(words[k].group(0).lower()) or common.times.fullmatch(words[k].group(0).lower())):
            continue
        # "this extension", "ez a bővítmény" (an article between)
        first = k - 2 if k >= 2 and len(words[k - 1].group(0)) <= 2 else k - 1
        if self_words.fullmatch(pre[words[first].start() : words[k - 1].end()].lower()) or self_words.fullmatch(
            words[first].group(0).lower()
        ):
            s, e = words[first].start(), words[k - 1].end()
            out = out[:s] + " " * (e - s) + out[e:]
    return out


TOOL_AFTER_WORDS = 3  # "itzuli eta txiokatzeko tresna": words from the participle to the tool noun


def _tool_after(rules: Rules, post: str) -> bool:
    """A tool noun within a few words after the participle, with no instrument word ("by", "mit", "bidez") around it:
    the participle is part of a description of the tool ("… automatikoki itzuli eta txiokatzeko tresna")."""
    if rules.boundaries == "none":
        return False
    words = word_iter(FIRST_PART.split(post)[0], rules.boundaries)
    for k, w in enumerate(words[:TOOL_AFTER_WORDS]):
        if not shared().tools.fullmatch(w.group(0).lower()):
            continue
        around = " ".join(x.group(0) for x in words[: k + 3] if x is not w)  # "… tresna baten bidez": by a tool
        return not any(has(rules, cue, around) for cue in ("means", "means_after", "agent"))
    return False


TOOL_SUBJECT_WORDS = 2  # words after the tool noun before the participle: its verb and something it makes


def _tool_subject(rules: Rules, pre: str) -> bool:
    """The clause opens with a tool noun (after determiners and elided articles), then its verb and at least one more
    word before the participle, the first not a self word: "The CMS creates a new page with …", not "App content,
    machine translated"."""
    b = rules.boundaries
    if b == "none":
        return False
    rest = after_last_cut(pre)
    determiners, articles = rules.cues["determiners"], rules.cues["articles"]
    words = [w.group(0).lower() for w in word_iter(rest, b)]
    while words and (
        len(words[0]) == 1 or any(p is not None and p.fullmatch(words[0]) for p in (determiners, articles))
    ):
        words = words[1:]
    if len(words) < 1 + TOOL_SUBJECT_WORDS or not shared().tools.fullmatch(words[0]):
        return False
    self_words = rules.cues["self"]
    return self_words is None or not self_words.match(words[1])


def _tight(rules: Rules, gap: str) -> bool:
    """Between a verb and its engine only connecting words: "translated from German into English by"."""
    if rules.boundaries == "none" or not gap.strip():
        return True
    rest = FROM_LANGUAGE.sub(" ", gap)
    if shared().language_regex.search(rest) is not None:  # else no language name to take out
        rest = re.sub(rf"(?<!\w)(?:{shared().language_any})\w*", " ", rest)
    for cue in ("self", "means", "continuation", "articles", "aux", "agent"):
        pattern = rules.cues[cue]
        if pattern is not None:
            rest = pattern.sub(" ", rest)
    return sum(1 for w in word_iter(rest, rules.boundaries) if len(w.group(0)) > 1) <= 2


def _self_noun_only(rules: Rules, post: str) -> bool:
    """The words after a participle are one or two words about the text itself: "... content", "... article"."""
    words = word_iter(post, rules.boundaries) if rules.boundaries != "none" else []
    return 0 < len(words) <= 2 and has(rules, "self", post) and not has(rules, "aux", post)


def _engine_as_product(rules: Rules, ctx: Context, engine: tuple[str, str]) -> bool:
    """An engine named as a product: "translation service DeepL", "Cloud Translation API: integrates ..."."""
    # "翻訳サービスDeepL": the translate word is part of the product's name ("translated using a service" is not)
    # ("Переведено сервисом «Яндекс Переводчик»" is: in spaced scripts a case ending may be the instrument)
    if rules.boundaries == "none" and has(rules, "generic", ctx.gap) and not has(rules, "means", ctx.gap):
        return True
    return ctx.span.startswith(engine[0]) and ":" in ctx.gap  # a heading: the engine, a colon, a sentence


def _gloss(pre: str, post: str) -> bool:
    """A label in brackets right after the same term in another language: "机器翻译(Machine Translation)致力于"."""
    if not (pre.rstrip().endswith("(") and post.lstrip().startswith(")")):
        return False
    before = pre.rstrip()[:-1].rstrip()
    word = before.split()[-1] if before.split() else ""
    # the term may be two or three words, its translate word not the last: "fassarar na'ura (machine-translation)"
    term = " ".join(before.split()[-3:])
    return bool(word) and not shared().language_regex.search(word) and concepts.has_translate_word(term)


def _glossed_after(post: str) -> bool:
    """The label is followed by the same term in brackets in another language: "makine çevirisi (machine
    translation) eğitimi", a term being explained; not "(Google翻訳)" or "(from German)"."""
    m = re.match(r"\s*\(([^()]{2,40})\)", post)
    if m is None or not concepts.has_translate_word(m.group(1)):
        return False
    common = shared()
    return not (common.language_regex.search(m.group(1)) or re.search(common.engine_any, m.group(1)))


def _heading_after_colon(rules: Rules, post: str) -> bool:
    """The label ends a title before a colon and words that neither continue a notice nor name what made it."""
    m = _TOGGLE_SEP.match(post)
    if m is None or ":" not in m.group(0):
        return False
    rest = FIRST_PART.split(post[m.end() :])[0]
    if concepts.setting_word(rules.code, rest):  # "Maschinelle Übersetzung: Einstellungen", "…: activer"
        return True
    if count_words(rest, rules.boundaries) < 2 and not (WIDE_CHAR.search(rest) and count_words(rest, "none") >= 2):
        return False
    common, cont = shared(), rules.cues["continuation"]
    if common.language_regex.search(rest) or re.search(common.engine_any, rest) or has(rules, "self", rest):
        return False
    return not (cont is not None and cont.match(rest.strip()))


def _nominal(rules: Rules, pre: str) -> bool:
    """The clause so far ends in a copula and maybe an article and one word: "this text is an (unedited) ..."."""
    aux, articles = rules.cues["aux"], rules.cues["articles"]
    if aux is None:
        return False
    # "This is the pt-br machine translation of ...", "This is the Japanese machine translation of ...": a
    # language name or code before the label is a modifier, and a determiner ("the") counts as an article.
    tail = _LANGUAGE_TAIL().sub("", pre.rstrip()).rstrip()
    determiners = rules.cues["determiners"]
    if determiners is not None:
        ending = [m for m in determiners.finditer(tail) if m.end() == len(tail)]
        if ending and any(m.end() == len(tail[: ending[-1].start()].rstrip()) for m in aux.finditer(tail)):
            return True
    if articles is not None:
        ending = [m for m in articles.finditer(tail) if m.end() == len(tail)]
        if not ending and rules.boundaries == "word":  # "an unedited", "a raw", "une simple"
            cut = tail.rsplit(" ", 1)[0] if " " in tail else tail
            ending = [m for m in articles.finditer(cut) if m.end() == len(cut)]
            tail = cut if ending else tail
        if ending:
            tail = tail[: ending[-1].start()].rstrip()
    return any(m.end() == len(tail) for m in aux.finditer(tail))


def _ui_scope(rules: Rules, ctx: Context) -> str:
    """Where interface cues count: the sentence, or only the part after a spaced dash that names the text.

    "Powered by Microsoft Translator — this listing was translated automatically": a credit, then a statement.
    """
    parts = SPACED_DASH.split(ctx.pre)
    if len(parts) > 1 and has(rules, "self", parts[-1]):
        return parts[-1] + ctx.span + _QUOTED_AFTER.sub(" ", ctx.post)
    # '[Auto-translated] "Auto-translate All"': a string quoted after the phrase is what the phrase labels, a button's
    # caption among them; its words are no interface around the phrase
    head, span, tail = ctx.sentence.partition(ctx.span)
    return head + span + _QUOTED_AFTER.sub(" ", tail)


def _toggle(rules: Rules, post: str) -> bool:
    """A colon and a switch's value right after the phrase, and nothing more: "Machine translation: Off"."""
    m = _TOGGLE_SEP.match(post)
    if m is None:
        return False
    value = shared().toggle_values.match(post, m.end())
    return value is not None and count_words(_BRACKETED.sub(" ", post[value.end() :]), rules.boundaries) == 0


def _picker(ctx: Context) -> bool:
    """A language picker: "English | Deutsch | Français (machine translated)"."""
    names = shared().language_regex
    # Names inside the phrase's own brackets ("English (machine translated from Arabic)") do not count.
    after = ctx.post.split(")", 1)[1][:80] if ")" in ctx.post else ""
    # only this sentence: "Do you read Korean? The text above was translated from English" is not a picker
    own = PICKER_SENTENCE_BREAK.split(ctx.sentence_pre)[-1]
    if len(names.findall(own)) + len(names.findall(after)) < 2:
        return False
    # "English | Deutsch (machine translated)", "Sottotitoli: italiano, inglese, traduzione automatica"
    return bool(re.search(rf"(?:{names.pattern})\w*\s*[(\-–:,/]?\s*$", ctx.pre))
