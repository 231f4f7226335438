"""Round 24 (branch lang24): the weak languages of the real dev sets, fixed by grammar; docs/detection.md, "Weak dev
languages (round 24, branch `lang24`)". Every sentence here is written for the test, none is a dev-set row. Each
case expected flagged failed before its fix (checked by stashing the fix); the negatives are look-alikes (settings
labels, feature descriptions, negations, human credits) that must stay unflagged.
"""

from __future__ import annotations

import pytest

from mtcheck.detect import detect_text


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # Urdu, Hindi, Bengali: a bare label closed by the script's own full stop (۔ U+06D4, । U+0964), then a
        # request, is a badge as it is before "." (the clause ends at the stop, as the sentence already did)
        ("مشینی ترجمہ۔ غلطیوں کی اطلاع دیں۔", True),
        ("خودکار ترجمہ۔ اصل متن کے لیے نیچے دیکھیں۔", True),
        ("मशीनी अनुवाद। सुधार के सुझाव भेजें।", True),
        ("স্বয়ংক্রিয় অনুবাদ। ভুল পেলে জানান।", True),
        # look-alikes: a how-to, a feature, a negated status, each in a sentence of its own
        ("مشینی ترجمہ کیسے کام کرتا ہے؟ یہ مضمون اس کی وضاحت کرتا ہے۔", False),
        ("यह पृष्ठ मशीन अनुवाद नहीं है। इसे हमारे अनुवादकों ने लिखा है।", False),
        ("মেশিন অনুবাদ চালু করতে সেটিংস খুলুন। তারপর ভাষা বেছে নিন।", False),
    ],
)
def test_a_label_closed_by_the_scripts_full_stop(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # the user interface named as the text that was translated (fi, et, lt, hu, sv; da, nb, hr, lv too)
        ("Käyttöliittymä on käännetty koneellisesti.", True),
        ("Kasutajaliides on masintõlgitud ja võib sisaldada vigu.", True),
        ("Naudotojo sąsaja išversta automatiškai.", True),
        ("Gränssnittet är maskinöversatt.", True),
        # look-alikes: a setting, a feature, a negation, a human credit
        ("Käyttöliittymän kieli: valitse, käännetäänkö sivut automaattisesti.", False),
        ("Kasutajaliides ei ole masintõlgitud, selle tõlkisid vabatahtlikud.", False),
        ("Sąsają išvertė mūsų vertėjai, ne mašina.", False),
        ("A felületet emberi fordítók fordították le.", False),
        ("Gränssnittet översattes av frivilliga översättare.", False),
    ],
)
def test_the_user_interface_as_the_translated_text(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # Malay: the bare di- passive ("diterjemah", without -kan) is a made form as "diterjemahkan" is
        ("Sebahagian kandungan telah diterjemah oleh mesin.", True),
        ("Kandungan ini tidak diterjemah secara automatik.", False),
        ("Cara menterjemah laman secara automatik dalam tetapan pelayar.", False),
        # Hungarian: "auto" as a machine word before a hyphen
        ("auto-fordítás: bekapcsolva", False),
        ("Auto-fordítva angolból.", True),
        # Estonian: an active "nobody reviewed it" caveat after the made form, not a negation of it
        ("Selle lehe tõlkis masin ja keegi pole seda üle vaadanud.", True),
        ("See tõlge ei ole masintõlge.", False),
    ],
)
def test_inflected_made_forms_and_caveats(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # Danish, Swedish, Norwegian: the present s-passive ("oversættes", "översätts", "oversettes", concept
        # `habitual`) says what a program does each time, a feature, unless a deictic word points at this text; the
        # perfect and the participle stay made
        ("Siden oversættes automatisk til 15 sprog.", False),
        ("Gränssnittet översätts automatiskt till valt språk.", False),
        ("Meldingene oversettes automatisk når du åpner dem.", False),
        ("Denne side er blevet oversat automatisk.", True),
        ("Dette indlæg oversættes automatisk af DeepL.", True),
        ("Gränssnittet har översatts automatiskt.", True),
    ],
)
def test_the_scandinavian_present_passive_is_a_feature(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # an "AI translation" badge in the language's own spelling of AI, its compound or its genitive
        ("MI-fordítás", True),  # hu: MI (mesterséges intelligencia), only before a hyphen ("mi" is "we", "what")
        ("Tekoälykäännös", True),  # fi: one compound
        ("AI-käännösvertailu", False),  # fi: a longer compound, "AI translation comparison"
        ("DI vertimas", True),  # lt: DI (dirbtinis intelektas)
        ("MI tulkojums", True),  # lv: MI (mākslīgais intelekts)
        ("KI-oversettelse", True),  # nb
        ("AI-oversættelse", True),  # da
        ("AI þýðing", True),  # is
        ("AI tarjimasi", True),  # uz: the izafet -si
        ("مصنوعی ذہانت کا ترجمہ", True),  # ur: the genitive کا
        ("Tafsiri ya AI kutoka Kifaransa", True),  # sw: "ya", and Swahili language names (Ki-) as a source
        # look-alikes: settings, how-tos, negations, a human credit
        ("MI-fordítás bekapcsolása a beállításokban", False),
        ("Kaip veikia DI vertimas?", False),
        ("AI-oversættelse kan aktiveres i indstillingerne.", False),
        ("KI-oversettelse er ikke brukt på denne siden.", False),
        ("Tafsiri ya AI inapatikana kwenye mipangilio.", False),
        ("Tafsiri kutoka Kiingereza na mtafsiri wetu.", False),
        ("مصنوعی ذہانت کا ترجمہ کیسے کام کرتا ہے؟", False),
    ],
)
def test_an_ai_translation_badge_in_each_languages_spelling(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # Icelandic had no caveats: "not reviewed" after a label is the notice's caveat, not a negation of it
        ("Vélþýðing – ekki yfirfarin af manni", True),
        ("Vélþýðing. Textinn hefur ekki verið yfirfarinn.", True),
        ("Þessi síða er ekki vélþýdd.", False),
        ("Hvernig virkar vélþýðing? Hún er ekki yfirfarin.", False),
    ],
)
def test_icelandic_caveats(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged
