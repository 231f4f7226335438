"""The harvested real-world detection dev set (tests/data/detect-real-*.jsonl).

Rows were copied from real public pages and repositories, each with the address it was read at (see
docs/detection.md, "Real-world dev set (harvested)"). These tests check that the data stays well formed
and hold detection to the figures measured on each file (blind first, then after the concept layer):
recall and false-positive rate, in each placement (alone, at the top of an article, at the bottom), may not
get worse than the recorded floor.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from tests.shared import load_script

ROOT = Path(__file__).resolve().parent.parent.parent
DATA = ROOT / "tests" / "data"
FILES = sorted(DATA.glob("detect-real-[0-9]*.jsonl"))
# held out, measured by the lead only: checked for form here, but not measured and given no floor
# the sets listed in tests/data/detect-real-held-out.txt get form checks only
MEASURED = [path for path in FILES if not load_script("train_detect").real_set_held_out(path.name)]
# the shared eval set sits beside the checkout (or beside the folder holding a worktree)
_EVAL_CANDIDATES = [base / "shared" / "eval" / "detect-dev.jsonl" for base in (ROOT.parent, ROOT.parent.parent)]
EVAL_SET = next((p for p in _EVAL_CANDIDATES if p.is_file()), _EVAL_CANDIDATES[0])
REQUIRED = ("id", "kind", "language", "text", "source_address", "site", "class", "notes")
KINDS = ("disclaimer_phrase", "tricky_negative")
NOTICE_CLASSES = ("one-off", "repeated-per-language site string", "badge")

# Floors per file: the figures after the fixes (docs/detection.md, "Real-world dev sets: blind, after fix and
# held-out figures"), less a margin. Blind figures, measured before any fix: detect-real-1 recall 0.528 / FP
# 0.070 (code of 26e7833); detect-real-2 recall 0.135 / FP 0.046 (code of 226f63a); detect-real-3 0.705 /
# 0.075 (code of a8e3079, the harvester's run) and 0.705 / 0.052 (this branch before reading it). After the
# fixes of 2026-12-06 (fitted on the files): 0.979 / 0.010, 0.892 / 0.015, 0.839 / 0.015, and for the held-out
# detect-real-4 0.942 / 0.000 after fixing from it, the same in every placement. detect-real-5: held out 0.675 /
# 0.109 (blind at a8e3079 and again at fac63b0, after the fixes of 1-4); split by site (docs), its fit half went
# 0.487 / 0.053 -> 0.936 / 0.000 and its check half, held out once at 573f24b, 0.835 / 0.235 -> 0.868 / 0.235;
# after fixing from both halves (973d466) the whole set is 0.964 / 0.036 and set 3 rose to 0.848.
# detect-real-6 (new sites only, harvested by harvest-d): held out once, blind, at mtcheck babd818:
# 0.683 / 0.025 in every placement (tests/data/detect-real-6.md). After fixing its miss classes (fitted, not
# held out; issue 12, branch detect-quality3, 35b5f66): 0.927 / 0.025, sets 1-5 unchanged.
# detect-real-7 (new sites only, harvested by harvest-e): held out blind twice, at decfa7f and at 3bd13b1:
# 0.756 / 0.119 in every placement (docs/detection.md). After fixing its false-alarm classes by mechanism
# (fitted; branch fix7-fp): 0.756 / 0.012, sets 1-6 unchanged. Its misses are another helper's (fix7-recall).
# detect-real-8 (new sites, harvested by harvest-f): held out blind twice, at 3bd13b1 (0.774 / 0.214) and at
# 1e9e56e (0.764 / 0.214), every placement. After fixing its false-alarm classes by mechanism (fitted; branch
# fix8-fp): 0.764 / 0.095, sets 1-7 unchanged; with its misses fixed too (fix8-recall), merged at 91e2a19:
# 0.953 / 0.095, and sets 5 and 7 rose to 0.982 and 0.988. detect-real-9 (harvest-g) stays held out: measured
# once at 1e9e56e (0.719 / 0.105) and once at 91e2a19 (0.742 / 0.105); it became a dev set on 2026-12-06 (13:20
# UTC), and detect-real-10, -11 and -12 were the held-out sets then (12 became dev in round 11; 10 and 11, read by
# nobody until then, in round 12, 2026-12-06 16:05 UTC, when detect-real-13 and -14 were harvested as held out).
# After fixing set 9's misses by mechanism (fitted; branch fix9-recall, docs/detection.md "Set 9: misses by
# mechanism"): 0.944 / 0.105, and set 6 rose to 0.951; its false alarms fixed by mechanism (fitted; branch
# fix9-fp): 0.944 / 0.048 (5/105), and set 8's fell to 0.071 (6/84).
# Round 15 (fix15-cjk, Chinese, Japanese and Korean notices read over sets 1-20): recall of 5 0.982 -> 0.988, 13
# 0.750 -> 0.781, 15 0.581 -> 0.689, 18 0.731 -> 0.785, 20 0.540 -> 0.655; set 13's false alarms 16 -> 17 of 156.
# Round 21 (rules21-latin, rules21-cjk and reader21 merged at a0b47f1): recall floors raised to the merged figures for
# sets 2, 13, 17, 19, 21, 23 and 28 (readings fixed from sets 33-34 that carried), set 20's ceiling lowered.
TOLERANCE = 0.02
RECALL_FLOOR = {
    "detect-real-1.jsonl": 0.979,
    "detect-real-2.jsonl": 0.918,  # round 21 merged (a0b47f1)
    "detect-real-3.jsonl": 0.848,
    "detect-real-4.jsonl": 0.942,  # held out first: 0.635 / 0.024 at 385fe9b, before its misses were read
    "detect-real-5.jsonl": 0.988,  # held out: 0.675 / 0.109 (fac63b0); check half held out 0.868 / 0.235
    "detect-real-6.jsonl": 0.951,  # held out blind at babd818: 0.683 / 0.025; fitted from it since
    "detect-real-7.jsonl": 0.988,  # held out blind at decfa7f and 3bd13b1: 0.756 / 0.119; fitted from it since
    "detect-real-8.jsonl": 0.953,  # held out blind at 3bd13b1 and 1e9e56e: 0.774 / 0.214, 0.764 / 0.214
    "detect-real-9.jsonl": 0.944,  # held out blind at 1e9e56e and 91e2a19: 0.719 / 0.105, 0.742 / 0.105
    "detect-real-12.jsonl": 0.826,  # held out at 032a9b4: 0.477 / 0.192; 0.570 / 0.205 after round 10 (not blind);
    # 0.826 after its misses were fixed by mechanism (fitted; branch fix12-recall)
    "detect-real-10.jsonl": 0.901,  # held out, unread, 032a9b4 to 388eb1e: 0.762 / 0.168 -> 0.762 / 0.144; fix10-recall
    # round 24 (lang24, weak dev languages by grammar): 90 -> 91 of 101
    "detect-real-11.jsonl": 0.769,  # held out, unread, 032a9b4 to 388eb1e: 0.692 / 0.091 (dev from round 12)
    "detect-real-13.jsonl": 0.770,  # held out: blind at 754f3df 0.750 / 0.115, after round 12 (b2a65d0) 0.750 / 0.103
    "detect-real-14.jsonl": 0.636,  # held out: blind at 754f3df 0.636 / 0.129, after round 12 0.636 / 0.079
    "detect-real-15.jsonl": 0.757,  # held out: blind at 2c3fcb9 0.581 / 0.221, after round 13 (6aa3bae) the same
    # round 24 (lang24, weak dev languages by grammar): 51 -> 56 of 74
    "detect-real-16.jsonl": 0.778,  # held out: blind at 2c3fcb9 0.778 / 0.049, after round 13 the same
    # round 25 (miss25: a source language after a machine-made form, a later reviewer caveat): 81 -> 82 of 91
    "detect-real-17.jsonl": 0.901,  # held out in round 14: 0.868 / 0.229 at 152ac53, 0.868 / 0.221 after fix14-fp
    # round 24 (lang24, weak dev languages by grammar): 80 -> 81 of 91
    "detect-real-18.jsonl": 0.795,  # held out in round 14: 0.731 / 0.282 at 152ac53, 0.731 / 0.257 after fix14-fp
    # round 25 (miss25: a source language after a machine-made form, a later reviewer caveat): 69 -> 70 of 90
    # round 28 (miss28, an engine's service name as a copula's predicate): 73 -> 74 of 93
    "detect-real-19.jsonl": 0.777,  # measured once, at the end of round 14 (6735257): 0.756 / 0.234
    "detect-real-20.jsonl": 0.667,  # measured once, at the end of round 14 (6735257): 0.540 / 0.246
    # round 24 (lang24, weak dev languages by grammar): 56 -> 58 of 87
    # round 25 (miss25: a source language after a machine-made form, a later reviewer caveat): 61 -> 63 of 81
    "detect-real-21.jsonl": 0.777,  # held out in round 15: 0.728 / 0.207 at 8466d1b and after every merge
    "detect-real-22.jsonl": 0.660,  # held out in round 15: 0.623 / 0.094 at 8466d1b, 0.642 / 0.094 after fix15-cjk
    # round 24 (lang24, weak dev languages by grammar): 34 -> 35 of 53
    # round 25 (miss25: a source language after a machine-made form, a later reviewer caveat): 48 -> 49 of 85
    "detect-real-23.jsonl": 0.576,  # held out in round 16: 0.553 / 0.079 at d1009f1 and after every merge
    "detect-real-24.jsonl": 0.768,  # held out in round 16: 0.758 / 0.148 at d1009f1; 0.768 after rules21-cjk
    "detect-real-25.jsonl": 0.804,  # measured once in round 16 (eb61754): 0.804 / 0.113; 0.121 after the revert
    "detect-real-26.jsonl": 0.446,  # measured once in round 16 (eb61754): 0.446 / 0.135; 0.146 after the revert
    "detect-real-27.jsonl": 0.681,  # held out in round 17: 0.667 / 0.174 at cbb44a1 and at a6550e1
    # round 24 (lang24, weak dev languages by grammar): 48 -> 49 of 72
    "detect-real-28.jsonl": 0.777,  # held out in round 17: 0.756 / 0.294 at cbb44a1 and at a6550e1; 0.767 after
    # rules21-latin (a JSX expression read as a placeholder) and after rules21-cjk
    "detect-real-29.jsonl": 0.384,  # held out in round 18: 0.308 / 0.028 at cf9bf22; 0.385 / 0.028 after rules20
    "detect-real-30.jsonl": 0.738,  # held out in round 18: 0.718 / 0.194 at cf9bf22, after rules20; 0.738 rules21-cjk
    # round 25 (miss25: a source language after a machine-made form, a later reviewer caveat): 32 -> 33 of 36
    "detect-real-31.jsonl": 0.916,  # held out in round 19: 0.833 / 0.074 at 1e18c0c; 0.861 / 0.074 after rules20
    # round 24 (lang24, weak dev languages by grammar): 31 -> 32 of 36
    "detect-real-32.jsonl": 0.760,  # held out in round 19: 0.680 / 0.112 at 1e18c0c; 0.760 / 0.112 after rules20
    "detect-real-33.jsonl": 0.944,  # held out in round 20: 0.778 / 0.082 at fcc5623, 0.806 / 0.082 at fc1c7d9;
    # 0.944 / 0.074 after its Latin-script misses and false alarms were fixed by mechanism (fitted; rules21-latin)
    "detect-real-34.jsonl": 0.750,  # held out in round 20: 0.411 / 0.104 at fcc5623, 0.429 / 0.104 at fc1c7d9;
    # 0.750 / 0.104 after its non-Latin misses were fixed by mechanism (round 21, branch rules21-cjk, fitted)
    "detect-real-35.jsonl": 0.904,  # held out in round 21: 0.827 / 0.235 at 27d95e2 and at 18e65af; 0.904 / 0.235
    # after its misses were fixed by mechanism (round 22, branch miss22, fitted)
    "detect-real-36.jsonl": 0.830,  # held out in round 21: 0.755 / 0.153 at 27d95e2 and at 18e65af; 0.830 / 0.153
    # after round 22 (miss22, fitted)
    "detect-real-37.jsonl": 0.897,  # held out in round 22: 0.828 / 0.192 at 6c93925 and at 3c7c29c (dev from round 23)
    # round 24 (lang24, weak dev languages by grammar): 24 -> 26 of 29
    "detect-real-38.jsonl": 0.882,  # held out in round 22: 0.882 / 0.100 at 6c93925 and at 3c7c29c (dev from round 23)
    "detect-real-39.jsonl": 0.906,  # held out in round 23: 0.717 / 0.434 at 03019d0 and at ddd7502 (dev from round 24);
    # 0.906 (48/53) in round 24 (miss24: other-language headings with a bracketed label, engine key before a caveat)
    "detect-real-40.jsonl": 0.875,  # held out in round 23: 0.734 / 0.147 at 03019d0 and at ddd7502 (dev from round 24);
    # 0.875 (56/64) in round 24 (miss24: ja/ko caveats and asides, README, ur/fa labels, zh adverbs, th questions)
    # round 25 (miss25: a source language after a machine-made form, a later reviewer caveat): 38 -> 45 of 56
    "detect-real-41.jsonl": 0.803,  # held out in round 24: 0.679 / 0.240 at 2602877 and at 62cc90d (dev from round 25)
    "detect-real-42.jsonl": 0.729,  # held out in round 24: 0.703 / 0.211 at 2602877, 0.730 / 0.168 at 62cc90d
    "detect-real-43.jsonl": 0.786,  # held out in round 25: 0.770 / 0.127 at 98e68b3, 0.787 at f8cccc6 (dev, round 26)
    "detect-real-44.jsonl": 0.645,  # held out in round 25: 0.645 / 0.221 at 98e68b3 and at f8cccc6 (dev from round 26)
    "detect-real-45.jsonl": 0.707,  # held out in round 26: 0.707 / 0.059 at ab99136, 0.068 at e7a8c4b (dev, round 27)
    "detect-real-46.jsonl": 0.450,  # held out in round 26: 0.400 / 0.129 at ab99136 and at e7a8c4b (dev from round 27)
    # round 28 (miss28, a Korean engine glued to its noun, a heading closed by one engine's credit): 16 -> 18 of 40
    "detect-real-47.jsonl": 0.860,  # held out in round 27: 0.860 / 0.165 at 1e82cfc and at 78e2263 (dev from round 28)
    "detect-real-48.jsonl": 0.549,  # held out in round 27: 0.471 / 0.158 at 1e82cfc and at 78e2263 (dev from round 28)
    # round 28 (miss28, a Korean engine glued to its noun, a heading closed by one engine's credit, an engine's service
    # name as a copula's predicate): 24 -> 28 of 51
}
FALSE_POSITIVE_CEILING = {
    "detect-real-1.jsonl": 0.010,
    "detect-real-2.jsonl": 0.015,
    "detect-real-3.jsonl": 0.015,
    "detect-real-4.jsonl": 0.000,
    "detect-real-5.jsonl": 0.018,  # 0.036 before the engine-noun reading of round 12 (branch fix10-fp)
    "detect-real-6.jsonl": 0.025,
    "detect-real-7.jsonl": 0.012,
    "detect-real-8.jsonl": 0.071,
    "detect-real-9.jsonl": 0.048,
    "detect-real-12.jsonl": 0.110,  # 0.205 before set 12's false-alarm round (branch fix12-fp)
    "detect-real-10.jsonl": 0.072,  # 0.144 before fix10-fp (fitted); round 24 (fp24): 10 → 9 of 125
    "detect-real-11.jsonl": 0.008,  # 0.091 before, the same round (fitted; branch fix10-fp)
    "detect-real-13.jsonl": 0.090,  # round 15 (fix15-fp, action forms and objects): 16 → 14 of 156
    "detect-real-14.jsonl": 0.030,  # round 13 (fix13-fp): 8 → 3 of 101
    "detect-real-15.jsonl": 0.122,  # round 14 (fix14-fp): 31 → 21 of 140; round 24 (fp24): 21 → 20 of 140
    # round 25 (fp25): 20 → 19 of 140
    # round 26 (fp26, an action head, a distributive rule): 19 → 17 of 140
    "detect-real-16.jsonl": 0.016,  # round 14 (fix14-fp): 3 → 1 of 61
    "detect-real-17.jsonl": 0.168,  # round 24 (fp24): 29 → 26 of 131
    # round 26 (fp26, an action head, a distributive rule): 26 → 24 of 131
    # round 28 (fp28, a dataset or corpus, a programming language past an article): 24 → 22 of 131
    "detect-real-18.jsonl": 0.179,  # round 15 (fix15-fp): 52 → 44 of 202; round 24 (fp24): 44 → 41 of 202
    # round 25 (log25, a fallback path, a form's input): 41 → 37 of 202
    # round 28 (fp28, a dataset or corpus): 37 → 36 of 202
    "detect-real-19.jsonl": 0.212,  # round 25 (fp25): 32 → 31 of 137
    # round 26 (fp26, an action head, a distributive rule): 31 → 29 of 137
    "detect-real-20.jsonl": 0.166,  # fix15-fp: 46 → 36 of 187; fp22: 35 → 34; round 24 (fp24): 34 → 32
    # round 24 (lang24, the Urdu full stop ends a clause): 32 → 31 of 187
    "detect-real-21.jsonl": 0.118,  # round 22 (fp22, success status): 30 → 29 of 145; round 24 (fp24): 29 → 27
    # round 24 (lang24, the Swedish present s-passive as a feature, `habitual`): 27 → 22 of 145
    # round 26 (fp26, an action head, a distributive rule): 22 → 18 of 145
    # round 28 (fp28, a dataset or corpus): 18 → 17 of 145
    "detect-real-22.jsonl": 0.094,
    "detect-real-23.jsonl": 0.068,  # round 25 (fp25): 13 → 12 of 164; round 25 (log25): 12 → 11
    "detect-real-24.jsonl": 0.099,  # round 24 (fp24): 18 → 15 of 122; round 25 (fp25): 15 → 13 of 122
    # round 25 (log25, a fallback path): 13 → 12 of 122
    "detect-real-25.jsonl": 0.100,  # round 25 (fp25): 17 → 15 of 141; round 25 (log25): 15 → 14
    "detect-real-26.jsonl": 0.117,  # round 22 (fp22, success status): 25 → 23 of 171; round 24 (fp24): 23 → 22
    # round 25 (fp25): 22 → 20 of 171
    "detect-real-27.jsonl": 0.139,  # round 24 (fp24): 34 → 31 of 195; round 25 (log25): 31 → 30
    # round 26 (fp26, an action head, a distributive rule): 30 → 28 of 195
    # round 28 (fp28, a Hungarian present active): 28 → 27 of 195
    "detect-real-28.jsonl": 0.249,  # round 24 (fp24): 45 → 43 of 153; its second read (review24b): 43 → 42
    # round 25 (fp25): 42 → 39 of 153; round 25 (log25, a form's input): 39 → 38 of 153
    "detect-real-29.jsonl": 0.019,  # round 25 (fp25): 3 → 2 of 106
    "detect-real-30.jsonl": 0.167,  # round 24 (fp24): 42 → 39 of 216; its second read (review24b): 39 → 38
    # round 25 (fp25): 38 → 37 of 216
    # round 26 (fp26, an action head, a distributive rule): 37 → 36 of 216
    "detect-real-31.jsonl": 0.043,  # round 24 (fp24): 7 → 4 of 94
    "detect-real-32.jsonl": 0.113,
    "detect-real-33.jsonl": 0.074,  # round 21 (rules21-latin): 10 → 9 of 122
    "detect-real-34.jsonl": 0.079,  # round 21: 12 → 8 of 115 (rules21-latin), 9 with rules21-cjk (a0b47f1)
    "detect-real-35.jsonl": 0.209,  # round 22 (fp22, French "se traduit par"): 27 → 26 of 115; round 24 (fp24): 26 → 25
    # round 26 (fp26, an action head, a distributive rule): 25 → 24 of 115
    "detect-real-36.jsonl": 0.136,  # round 22 (fp22, success status): 17 → 16 of 111; round 24 (fp24): 16 → 15
    "detect-real-37.jsonl": 0.154,  # round 24 (fp24): 15 → 13 of 78
    # round 26 (fp26, an action head, a distributive rule): 13 → 12 of 78
    "detect-real-38.jsonl": 0.100,
    "detect-real-39.jsonl": 0.332,  # round 24 (fp24): 63 → 51 of 145
    # round 26 (fp26, an action head, a distributive rule): 51 → 49 of 145
    # round 28 (fp28, a dataset or corpus): 49 → 48 of 145
    "detect-real-40.jsonl": 0.111,  # round 24 (fp24): 16 → 13 of 109; round 25 (fp25): 13 → 12 of 109
    "detect-real-41.jsonl": 0.140,  # held out in round 24 (24 of 100 at 2602877 and at 62cc90d; dev from round 25)
    # round 25 (fp25): 24 → 17 of 100; round 25 (log25, a form's input): 17 → 16 of 100
    # round 26 (fp26, an action head, a distributive rule): 16 → 15 of 100
    # round 28 (fp28, a dataset or corpus, a programming language after a Swedish preposition): 15 → 13 of 100
    # its second read (review28a, tr "verileri" is a bare data word, as es "datos": a notice's word): 13 → 14 of 100
    "detect-real-42.jsonl": 0.137,  # held out in round 24 (20 of 95 at 2602877, 16 at 62cc90d; dev from round 25)
    # round 25 (fp25): 16 → 14 of 95
    # round 26 (fp26, an action head, a distributive rule): 14 → 13 of 95
    "detect-real-43.jsonl": 0.128,  # held out in round 25 (13 of 102 at 98e68b3 and at f8cccc6; dev from round 26)
    "detect-real-44.jsonl": 0.222,  # held out in round 25 (25 of 113 at 98e68b3 and at f8cccc6; dev from round 26)
    "detect-real-45.jsonl": 0.068,  # held out in round 26 (7 of 118 at ab99136, 8 at e7a8c4b; dev from round 27)
    "detect-real-46.jsonl": 0.129,  # held out in round 26 (13 of 101 at ab99136 and at e7a8c4b; dev from round 27)
    "detect-real-47.jsonl": 0.116,  # held out in round 27 (20 of 121 at 1e82cfc and at 78e2263; dev from round 28)
    # round 28 (fp28, a dataset or corpus, a feature's name before the bracket, a programming language past an
    # article, a Hungarian present active): 20 → 13 of 121; its second read (review28a, tr "veriler"): 13 → 14 of 121
    "detect-real-48.jsonl": 0.159,  # held out in round 27 (19 of 120 at 1e82cfc and at 78e2263; dev from round 28)
}
# the size of the harvest (rows may be added, not lost)
MIN_NOTICES = 3201  # sets 1-48
MIN_NOTICE_LANGUAGES = 114
MIN_NEGATIVES = 5729
MIN_SITES = 7025
MAX_SITE_SHARE = 1 / 3  # Co-op Translator's disclaimer table holds 56 of 193 notices (29%)


def _rows() -> list[dict[str, str]]:
    rows = []
    for path in FILES:
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text).casefold()).strip()


def test_files_exist() -> None:
    assert FILES, "no tests/data/detect-real-*.jsonl"


def test_rows_are_well_formed() -> None:
    rows = _rows()
    for row in rows:
        assert set(REQUIRED) <= set(row), row.get("id")
        assert row["kind"] in KINDS, row["id"]
        assert row["text"].strip() and row["language"].strip() and row["site"].strip(), row["id"]
        assert row["source_address"].strip(), row["id"]
        assert row["class"].strip(), row["id"]
        if row["kind"] == "disclaimer_phrase":
            assert row["class"] in NOTICE_CLASSES, row["id"]
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    texts = [_norm(r["text"]) for r in rows]
    assert len(texts) == len(set(texts)), "a text appears twice"


def test_size_languages_and_sites() -> None:
    rows = _rows()
    notices = [r for r in rows if r["kind"] == "disclaimer_phrase"]
    negatives = [r for r in rows if r["kind"] == "tricky_negative"]
    languages = Counter(r["language"] for r in notices)
    assert len(notices) >= MIN_NOTICES
    assert len(languages) >= MIN_NOTICE_LANGUAGES, sorted(languages)
    assert len(negatives) >= MIN_NEGATIVES
    assert len({r["site"] for r in rows}) >= MIN_SITES
    site, count = Counter(r["site"] for r in notices).most_common(1)[0]
    assert count <= len(notices) * MAX_SITE_SHARE, site


@pytest.mark.skipif(not EVAL_SET.is_file(), reason="shared eval set not present")
def test_no_row_repeats_the_eval_set() -> None:
    lines = EVAL_SET.read_text(encoding="utf-8").splitlines()
    held_out = {_norm(json.loads(line)["text"]) for line in lines if line.strip()}
    assert not [r["id"] for r in _rows() if _norm(r["text"]) in held_out]


def _file_rows(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def figures() -> dict[str, dict[str, object]]:
    script = load_script("eval_detect_real")
    bodies = script.load_bodies()
    return {path.name: script.measure(_file_rows(path), bodies).summary() for path in MEASURED}


def test_every_file_has_floors() -> None:
    assert {path.name for path in MEASURED} <= set(RECALL_FLOOR) & set(FALSE_POSITIVE_CEILING)


@pytest.mark.parametrize("name", sorted(RECALL_FLOOR))
@pytest.mark.parametrize("placement", ["alone", "top", "bottom"])
def test_recall_does_not_regress(figures: dict[str, dict[str, object]], name: str, placement: str) -> None:
    recall = figures[name]["recall"][placement]["rate"]  # type: ignore[index]
    assert recall >= RECALL_FLOOR[name] - TOLERANCE


@pytest.mark.parametrize("name", sorted(FALSE_POSITIVE_CEILING))
@pytest.mark.parametrize("placement", ["alone", "top", "bottom"])
def test_false_positive_rate_does_not_regress(figures: dict[str, dict[str, object]], name: str, placement: str) -> None:
    rate = figures[name]["false_positive"][placement]["rate"]  # type: ignore[index]
    assert rate <= FALSE_POSITIVE_CEILING[name] + TOLERANCE


def test_the_measuring_script_leaves_held_out_sets_out_by_default() -> None:
    # a bare `python scripts/eval_detect_real.py` must never read a held-out set: it is measured only when named
    defaults = {path.name for path in load_script("eval_detect_real").default_paths()}
    assert defaults == {path.name for path in MEASURED}
