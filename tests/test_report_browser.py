"""The HTML report renders in a real headless browser (benchmarks/report_screenshot.sh).

Runs only where Debian's Chromium is installed (`apt-get install -y chromium`); skipped otherwise.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
SCRIPT = ROOT / "benchmarks" / "report_screenshot.sh"


@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(),
                    reason="needs Debian's Chromium at /usr/bin/chromium (apt-get install -y chromium); not installed here")
def test_html_report_screenshot_is_not_blank(tmp_path):
    env = {**os.environ, "PYTHON": sys.executable, "CHROMIUM": str(CHROMIUM)}
    proc = subprocess.run(["bash", str(SCRIPT), str(tmp_path)], env=env, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, f"script failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    assert "OK: the report rendered" in proc.stdout
    png = tmp_path / "report.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<table" in html and "Target:" in html
