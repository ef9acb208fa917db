#!/usr/bin/env bash
# report_screenshot.sh: prove that `stancekit report --html` renders in a real browser.
#
# Usage:  bash benchmarks/report_screenshot.sh [OUT]     (OUT defaults to benchmarks/out/, git-ignored)
#
# Steps:
#   1. scores the fixture dev articles:   stancekit score fixtures/dev -o OUT/scored.jsonl --quiet
#   2. writes the HTML report:            stancekit report OUT/scored.jsonl --html OUT/report.html
#   3. opens OUT/report.html in Debian's headless Chromium and saves OUT/report.png (1400x2000)
#   4. checks the PNG is not blank: decodes it with the Python stdlib only (zlib + struct) and
#      requires enough non-white pixels, many distinct colours, and pixels of each of the
#      report's bar colours (green = supporting, red = questioning, grey = neutral).
# Exits 0 when all four steps succeed; non-zero otherwise (2 = chromium missing).
#
# Needs Chromium:  apt-get update && apt-get install -y chromium
#
# Environment:
#   PYTHON    interpreter that has stancekit installed (default: python3); stancekit is run
#             as "$PYTHON -m stancekit", so no `stancekit` executable on PATH is needed
#   CHROMIUM  browser binary (default: chromium)
#   TIMEOUT   seconds allowed for the browser (default: 120)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/benchmarks/out}"
PYTHON="${PYTHON:-python3}"
CHROMIUM="${CHROMIUM:-chromium}"
TIMEOUT="${TIMEOUT:-120}"

if ! command -v "$CHROMIUM" >/dev/null 2>&1; then
    echo "report_screenshot: '$CHROMIUM' not found; install it with: apt-get update && apt-get install -y chromium" >&2
    exit 2
fi

mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
SCORED="$OUT/scored.jsonl"
HTML="$OUT/report.html"
PNG="$OUT/report.png"
LOG="$OUT/chromium.log"
rm -f "$SCORED" "$HTML" "$PNG" "$LOG"

# 1. score
echo "[1/4] scoring $ROOT/fixtures/dev -> $SCORED"
(cd "$ROOT" && "$PYTHON" -m stancekit score fixtures/dev -o "$SCORED" --quiet)
[ -s "$SCORED" ] || { echo "report_screenshot: no scored records written" >&2; exit 1; }
echo "      $(wc -l < "$SCORED") records"

# 2. HTML report (the text table it also prints goes to a file, not the terminal)
echo "[2/4] writing $HTML"
"$PYTHON" -m stancekit report "$SCORED" --html "$HTML" > "$OUT/report.txt"
[ -s "$HTML" ] || { echo "report_screenshot: no HTML report written" >&2; exit 1; }
echo "      $(wc -c < "$HTML") bytes"

# 3. screenshot in headless Chromium, with a throwaway profile
echo "[3/4] screenshot with $("$CHROMIUM" --version 2>/dev/null | head -n1) -> $PNG"
PROFILE="$(mktemp -d)"
trap 'rm -rf "$PROFILE"' EXIT
set +e
timeout "$TIMEOUT" "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$PROFILE" --window-size=1400,2000 --screenshot="$PNG" \
    "file://$HTML" > "$LOG" 2>&1
rc=$?
set -e
if [ "$rc" -ne 0 ] || [ ! -s "$PNG" ]; then
    echo "report_screenshot: chromium failed (exit $rc); its log, $LOG, ends:" >&2
    tail -n 20 "$LOG" >&2
    exit 1
fi

# 4. not blank: decode the PNG with the stdlib and count pixels
echo "[4/4] checking $PNG"
"$PYTHON" - "$PNG" <<'PY'
import struct
import sys
import zlib

path = sys.argv[1]
data = open(path, "rb").read()
if data[:8] != b"\x89PNG\r\n\x1a\n":
    sys.exit(f"{path}: not a PNG")
pos, idat, hdr = 8, [], None
while pos < len(data):
    (length,) = struct.unpack(">I", data[pos:pos + 4])
    kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
    pos += 12 + length
    if kind == b"IHDR":
        hdr = struct.unpack(">IIBBBBB", body)
    elif kind == b"IDAT":
        idat.append(body)
    elif kind == b"IEND":
        break
width, height, depth, ctype, _, _, interlace = hdr
channels = {2: 3, 6: 4}.get(ctype)
if depth != 8 or channels is None or interlace:
    sys.exit(f"{path}: unsupported PNG (depth {depth}, colour type {ctype}, interlace {interlace})")
raw = zlib.decompress(b"".join(idat))
stride = width * channels
prev = bytearray(stride)
pixels = 0
nonwhite = 0
colours = set()
# the report's CSS: .sup #2e7d32, .que #c62828, .neu #9e9e9e
bars = {"green": (0x2e, 0x7d, 0x32), "red": (0xc6, 0x28, 0x28), "grey": (0x9e, 0x9e, 0x9e)}
bar_hits = dict.fromkeys(bars, 0)
for y in range(height):
    i = y * (stride + 1)
    f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
    if f == 1:
        for x in range(channels, stride):
            line[x] = (line[x] + line[x - channels]) & 255
    elif f == 2:
        for x in range(stride):
            line[x] = (line[x] + prev[x]) & 255
    elif f == 3:
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            line[x] = (line[x] + ((left + prev[x]) >> 1)) & 255
    elif f == 4:
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b, c = prev[x], (prev[x - channels] if x >= channels else 0)
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    elif f != 0:
        sys.exit(f"{path}: bad filter type {f} on row {y}")
    prev = line
    for x in range(0, stride, channels):
        px = (line[x], line[x + 1], line[x + 2])
        pixels += 1
        if px != (255, 255, 255):
            nonwhite += 1
            colours.add(px)
            for name, ref in bars.items():
                if all(abs(px[k] - ref[k]) <= 12 for k in range(3)):
                    bar_hits[name] += 1

share = nonwhite / pixels
print(f"      {width}x{height}, non-white {nonwhite} px ({share:.1%}), distinct colours {len(colours)}, "
      + ", ".join(f"{k} bar {v} px" for k, v in bar_hits.items()))
problems = []
if share < 0.02:
    problems.append(f"only {share:.2%} of pixels are non-white (want >= 2%)")
if len(colours) < 50:
    problems.append(f"only {len(colours)} distinct colours (want >= 50)")
for name, hits in bar_hits.items():
    if hits < 100:
        problems.append(f"only {hits} pixels of the {name} bar colour (want >= 100)")
if problems:
    sys.exit(f"{path}: looks blank or unstyled: " + "; ".join(problems))
print("      OK: the report rendered")
PY
