#!/usr/bin/python3
"""The workshop report prints on 1 to 2 A4 pages: a 45-minute workshop is played through the real game (the
composer's suggested plan, every step answered), its report printed by Debian's headless chromium, the pages
counted with pdfinfo and written as PNG (pdftoppm) to be looked at.

Usage: report_pages.py GAME_BINARY OUTPUT_DIR
"""
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

CHROMIUM_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--no-pdf-header-footer"]


def main():
    game, output = sys.argv[1], pathlib.Path(sys.argv[2])
    output.mkdir(parents=True, exist_ok=True)
    work = pathlib.Path(tempfile.mkdtemp(prefix="passerelles-report-"))
    try:
        # Each step: open, two options with hands, close, reveal or move the card or scenario on, then N passes
        # to the next step as it is (→ would first walk the explanation, a further page, a card's phases).
        step = "Space,A,5,B,3,Space,Enter,Enter,Enter,N"
        keys = ",".join(["Ctrl+L", "Right"] + [step] * 12 + ["Right", "Right", "Right", "E"])
        environment = dict(os.environ, SDL_VIDEODRIVER="dummy")
        subprocess.run([game, "--data-dir", str(work / "data"), "--guest", "--atelier", "--size", "1280x720",
                        "--keys", keys, "--frames", "400"], check=True, env=environment, timeout=300)
        reports = list((work / "data" / "ateliers").glob("*/compte-rendu.html"))
        assert len(reports) == 1, f"expected one report, found {reports}"
        played = (reports[0].parent / "etapes.csv").read_text(encoding="utf-8-sig").count(";oui;")
        assert played >= 8, f"only {played} steps played: the plan is not a 45-minute workshop"
        pdf = work / "compte-rendu.pdf"
        subprocess.run(["/usr/bin/chromium", *CHROMIUM_FLAGS, f"--user-data-dir={work / 'chromium'}",
                        f"--print-to-pdf={pdf}", reports[0].as_uri()],
                       check=True, timeout=120, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
        pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
        size = re.search(r"^Page size:\s+(.*)$", info, re.M).group(1)
        for old in output.glob("page-*.png"):
            old.unlink()
        subprocess.run(["pdftoppm", "-r", "70", "-png", str(pdf), str(output / "page")], check=True)
        print(f"report of {played} steps: {pages} page(s), {size}; PNGs in {output}")
        assert "A4" in size, f"the report prints on {size}, not A4"
        assert 1 <= pages <= 2, f"the report of a 45-minute workshop takes {pages} pages (1 to 2 expected)"
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
