"""Open audit.html and a review page in headless Chromium: each must render (ranking and
findings; page outlines and the script's mark) with no script error and no network request,
and the review page is photographed (SCREENSHOT). ``make browser-check``; not in ``make test``.

Requests are read from Chromium's own net log (every URL it tried to load); script errors from
its console log. A control page with an outside image and a failing script is checked first,
so a check that could not see either would fail rather than pass. Every host name resolves to
nothing (--host-resolver-rules), so even the control page sends no traffic.

Usage: ``python -m scripts.browser_check [PAGE.html]`` (default: audit the samples into a
temporary folder and check that page).
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--enable-logging=stderr", "--v=0",
         "--virtual-time-budget=3000"]
CONTROL = """<!DOCTYPE html><html><head><title>control</title></head><body>
<img src="http://control.invalid/pixel.png"><script>undefinedFunction();</script>
</body></html>"""


@functools.cache
def _browser_hosts() -> frozenset[str]:
    """Hosts Chromium calls by itself, seen when it opens a blank page."""
    with tempfile.TemporaryDirectory(prefix="browser_check_blank_") as tmp:
        blank = Path(tmp) / "blank.html"
        blank.write_text("<!DOCTYPE html><title>blank</title>", encoding="utf-8")
        netlog = Path(tmp) / "net.json"
        subprocess.run([chromium(), *FLAGS, f"--user-data-dir={tmp}/profile",
                        f"--log-net-log={netlog}", "--dump-dom", blank.as_uri()],
                       capture_output=True, text=True, timeout=120, check=False)
        urls = _requested(netlog) if netlog.exists() else []
    return frozenset(_host(u) for u in urls if not u.startswith(("file:", "data:", "about:")))


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if found := shutil.which(name):
            return found
    raise SystemExit("browser-check: chromium is not installed (apt-get install -y chromium)")


def load(page: Path) -> tuple[str, list[str], list[str]]:
    """(rendered DOM, URLs requested other than the page itself, console error lines)."""
    with tempfile.TemporaryDirectory(prefix="browser_check_") as tmp:
        netlog = Path(tmp) / "net.json"
        result = subprocess.run(
            [chromium(), *FLAGS, f"--user-data-dir={tmp}/profile", f"--log-net-log={netlog}",
             "--dump-dom", page.resolve().as_uri()],
            capture_output=True, text=True, timeout=120, check=False)
        urls = _requested(netlog) if netlog.exists() else []
    own = page.resolve().as_uri()
    # The browser's own background calls (update and account checks) are not the page's.
    outside = sorted({u for u in urls if u != own and not u.startswith(("data:", "about:"))
                      and _host(u) not in _browser_hosts()})
    errors = [line for line in result.stderr.splitlines()
              if "CONSOLE" in line or "Uncaught" in line]
    return result.stdout, outside, errors


def _requested(netlog: Path) -> list[str]:
    # A regex rather than a JSON parse: the log is cut short when the browser exits.
    text = netlog.read_text(encoding="utf-8", errors="replace")
    return re.findall(r'"url":"([^"]+)"', text)


def _host(url: str) -> str:
    return urlsplit(url).netloc


def audit_page(out: Path) -> Path:
    """Audit the audit samples (and their reports) into ``out``; return audit.html."""
    subprocess.run([str(ROOT / ".venv" / "bin" / "actionplan"), "audit",
                    str(ROOT / "samples" / "audit"), "--reports", str(ROOT / "reports"),
                    "--out", str(out)], check=True, capture_output=True, timeout=900)
    return out / "audit.html"


REVIEW_SAMPLE = ROOT / "samples" / "dtv_crc_2020.pdf"
REVIEW_PAGES = 4
# An action of the sample selected through the page's own fragment (#ref=…), so the
# screenshot shows a highlighted value and its outline.
REVIEW_FRAGMENT = "#ref=r1-a2"
SCREENSHOT = ROOT / "output" / "browser-check-review.png"


def review_page(out: Path) -> Path:
    """Review one sample into ``out``; return its review page."""
    subprocess.run([str(ROOT / ".venv" / "bin" / "actionplan"), "review", str(REVIEW_SAMPLE),
                    "--out", str(out), "--pages", str(REVIEW_PAGES), "--jobs", "1"],
                   check=True, capture_output=True, timeout=900)
    return out / f"{REVIEW_SAMPLE.name}.review.html"


def screenshot(page: Path, fragment: str, png: Path) -> bool:
    """Photograph ``page`` at a laptop's window size; True when the file was written."""
    png.parent.mkdir(parents=True, exist_ok=True)
    png.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="browser_check_shot_") as tmp:
        subprocess.run([chromium(), *FLAGS, f"--user-data-dir={tmp}/profile",
                        "--window-size=1400,1000", f"--screenshot={png}",
                        page.resolve().as_uri() + fragment],
                       capture_output=True, text=True, timeout=120, check=False)
    return png.exists() and png.stat().st_size > 0


def check_review(tmp: Path) -> list[str]:
    """Problems with the review page in the browser (none: it passed)."""
    page = review_page(tmp / "review")
    dom, outside, errors = load(page)
    problems = []
    if outside:
        problems.append(f"network requests: {outside}")
    if errors:
        problems.append(f"script errors: {errors}")
    if 'data-ready="1"' not in dom:
        problems.append("the page's script did not run")
    boxes = dom.count('class="box ')
    if not boxes:
        problems.append("no outlines on the pages")
    if not screenshot(page, REVIEW_FRAGMENT, SCREENSHOT):
        problems.append("no screenshot")
    if problems:
        return [f"browser-check: {page.name}: " + "; ".join(problems)]
    print(f"browser-check: {page.name} rendered with {boxes} outlines, its script ran, no "
          f"script errors, no network requests; screenshot {SCREENSHOT.relative_to(ROOT)}")
    return []


def main(argv: list[str] | None = None) -> int:
    """Check the control page fails and the audit and review pages pass; one line each."""
    args = sys.argv[1:] if argv is None else argv
    with tempfile.TemporaryDirectory(prefix="browser_check_pages_") as tmp:
        control = Path(tmp) / "control.html"
        control.write_text(CONTROL, encoding="utf-8")
        _, outside, errors = load(control)
        if not outside or not errors:
            print(f"browser-check: the control page was not caught (requests {outside}, "
                  f"errors {errors}); the check cannot be trusted")
            return 1
        page = Path(args[0]) if args else audit_page(Path(tmp) / "out")
        dom, outside, errors = load(page)
        review_problems = [] if args else check_review(Path(tmp))
    problems = []
    if outside:
        problems.append(f"network requests: {outside}")
    if errors:
        problems.append(f"script errors: {errors}")
    if 'id="ranking-table"' not in dom or 'class="finding ' not in dom:
        problems.append("the ranking or the findings did not render")
    if problems:
        print(f"browser-check: {page.name}: " + "; ".join(problems))
        return 1
    findings = dom.count('class="finding ')
    print(f"browser-check: {page.name} rendered with {findings} findings, "
          "no script errors, no network requests (control page caught)")
    for line in review_problems:
        print(line)
    return 1 if review_problems else 0


if __name__ == "__main__":
    sys.exit(main())
