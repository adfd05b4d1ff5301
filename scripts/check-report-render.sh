#!/usr/bin/env bash
# Render check of the HTML reports: writes the report of every seed dataset with the command line
# (`report --format html`), opens each in headless Chromium (Debian's `chromium`), takes a
# 1280×2000 screenshot and checks it is not blank (scripts/check-screenshot.ts: enough pixels
# unlike the background, many colours). Installs chromium and the Noto CJK fonts with apt-get
# when missing (CI runs as root on a fresh Debian machine); without apt it skips with a message.
# Screenshots are kept in $REPORT_SHOTS when set (e.g. to look at them), else in a temporary folder.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

find_browser() {
  for name in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$name" >/dev/null 2>&1; then
      command -v "$name"
      return 0
    fi
  done
  return 1
}

have_cjk_font() {
  command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh family 2>/dev/null | head -n 1)" ]
}

apt_install() {
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else return 1; fi
  fi
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "$@"
}

if ! BROWSER=$(find_browser) || ! have_cjk_font; then
  if command -v apt-get >/dev/null 2>&1; then
    echo "installing chromium and fonts-noto-cjk with apt-get"
    apt_install chromium fonts-noto-cjk || { echo "apt-get install failed" >&2; exit 1; }
    BROWSER=$(find_browser) || { echo "chromium not found after installing it" >&2; exit 1; }
  else
    echo "SKIPPED: no chromium and no apt-get to install it (Debian's chromium and fonts-noto-cjk are needed for this check)"
    exit 0
  fi
fi
have_cjk_font || { echo "no CJK font found (fc-list :lang=zh is empty): Chinese would not render" >&2; exit 1; }
echo "browser: $("$BROWSER" --version 2>/dev/null | head -n 1)"
echo "CJK font: $(fc-list :lang=zh family | head -n 1)"

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
SHOTS=${REPORT_SHOTS:-$TMP/shots}
mkdir -p "$SHOTS"

shopt -s nullglob
seeds=(seeds/*.json seeds/*.yaml seeds/*.yml)
shopt -u nullglob
if [ ${#seeds[@]} -eq 0 ]; then
  echo "no seed datasets in seeds/" >&2
  exit 1
fi

shots=()
for seed in "${seeds[@]}"; do
  name=$(basename "${seed%.*}")
  html="$TMP/$name.html"
  npx --no -- tsx src/cli/main.ts report "$seed" --format html --out "$html"
  # a fresh profile, no network, no background services: the page is self-contained
  timeout 120 "$BROWSER" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d -p "$TMP")" --hide-scrollbars \
    --screenshot="$SHOTS/$name.png" --window-size=1280,2000 "file://$html" >"$TMP/$name.log" 2>&1 || {
    echo "chromium failed on $html:" >&2
    cat "$TMP/$name.log" >&2
    exit 1
  }
  [ -s "$SHOTS/$name.png" ] || { echo "no screenshot of $html" >&2; cat "$TMP/$name.log" >&2; exit 1; }
  shots+=("$SHOTS/$name.png")
done

npx --no -- tsx scripts/check-screenshot.ts "${shots[@]}"
echo "${#shots[@]} report(s) rendered in headless Chromium, none blank"
