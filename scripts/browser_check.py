"""Open audit.html in headless Chromium: it must render (ranking and findings in the DOM) with
no script error and no network request. ``make browser-check``; not part of ``make test``.

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


def main(argv: list[str] | None = None) -> int:
    """Check the control page fails and the audit page passes; print one line each."""
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
