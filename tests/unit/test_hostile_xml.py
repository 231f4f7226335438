"""Hostile XML is refused with one line and exit 2, and never makes mtcheck read a local file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE xliff [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<xliff version="2.0" srcLang="en" trgLang="de" xmlns="urn:oasis:names:tc:xliff:document:2.0"><file id="f">
<unit id="1"><segment><source>&lol4;</source><target>&lol4;</target></segment></unit></file></xliff>
"""


def _external_entity(target: Path) -> str:
    return f"""<?xml version="1.0"?>
<!DOCTYPE xliff [ <!ENTITY secret SYSTEM "file://{target}"> ]>
<xliff version="2.0" srcLang="en" trgLang="de" xmlns="urn:oasis:names:tc:xliff:document:2.0"><file id="f">
<unit id="1"><segment><source>Hello</source><target>&secret;</target></segment></unit></file></xliff>
"""


def _external_dtd(target: Path) -> str:
    return f"""<?xml version="1.0"?>
<!DOCTYPE xliff SYSTEM "file://{target}">
<xliff version="2.0" srcLang="en" trgLang="de" xmlns="urn:oasis:names:tc:xliff:document:2.0"><file id="f">
<unit id="1"><segment><source>Hello</source><target>Hallo</target></segment></unit></file></xliff>
"""


def _parameter_entity(target: Path) -> str:
    return f"""<?xml version="1.0"?>
<!DOCTYPE tmx [ <!ENTITY % remote SYSTEM "file://{target}"> %remote; ]>
<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>Hi</seg></tuv>
<tuv xml:lang="de"><seg>Hallo</seg></tuv></tu></body></tmx>
"""


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # A FIFO as the entity's target blocks any reader: if mtcheck tried to open it, this would time out.
    return subprocess.run(
        [sys.executable, "-m", "mtcheck", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(
    ("name", "build", "reason"),
    [
        ("laughs.xlf", lambda _: BILLION_LAUGHS, "declares entities"),
        ("xxe.xlf", _external_entity, "declares entities"),
        ("dtd.xlf", _external_dtd, "external DTD"),
        ("param.tmx", _parameter_entity, "declares entities"),
    ],
)
def test_hostile_xml_is_refused_without_reading_local_files(tmp_path: Path, name: str, build, reason: str) -> None:  # type: ignore[no-untyped-def]
    secret = tmp_path / "secret"
    os.mkfifo(secret)
    hostile = tmp_path / name
    hostile.write_text(build(secret), encoding="utf-8")
    out = tmp_path / "out"
    result = _run(["report", str(hostile), "--engine", "none", "-o", str(out), "-f", "json,xliff"], tmp_path)
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("mtcheck: error:")]
    assert len(errors) == 1 and reason in errors[0] and "refused" in errors[0]
    assert not list(out.glob("*.json"))


def test_a_local_file_never_reaches_a_report(tmp_path: Path) -> None:
    secret = tmp_path / "passwd"
    secret.write_text("root:SECRET-MARKER:0:0\n", encoding="utf-8")
    hostile = tmp_path / "xxe.xlf"
    hostile.write_text(_external_entity(secret), encoding="utf-8")
    out = tmp_path / "out"
    result = _run(["report", str(hostile), "--engine", "none", "-o", str(out)], tmp_path)
    assert result.returncode == 2
    assert "SECRET-MARKER" not in result.stderr + result.stdout
    assert all("SECRET-MARKER" not in p.read_text(encoding="utf-8") for p in out.rglob("*") if p.is_file())


def test_tmx_doctype_naming_its_dtd_is_read(tmp_path: Path) -> None:
    from mtcheck.read.units import read_bilingual

    data = Path(__file__).resolve().parents[1] / "data" / "bilingual" / "sample.tmx"
    assert "tmx14.dtd" in data.read_text(encoding="utf-8")
    assert len(read_bilingual(data).segments) == 2
