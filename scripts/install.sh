#!/usr/bin/env bash
# Set up everything closeread needs on a Debian or Ubuntu machine.
#   bash scripts/install.sh          what `python build.py` needs (fonts for the PDFs, Python packages)
#   bash scripts/install.sh --test   also what the tests need (Chromium, poppler-utils, Node packages)
# Never runs `playwright install`: the tests drive Debian's own Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

want_tests=no
[ "${1:-}" = "--test" ] && want_tests=yes

debs=(fonts-dejavu-core fonts-liberation2 fonts-noto-core)
if [ "$want_tests" = yes ]; then
  debs+=(chromium poppler-utils nodejs npm)
fi

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }

missing=()
for pkg in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# node and npm may come from elsewhere than Debian; do not ask apt for them then
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for pkg in "${missing[@]}"; do [ "$pkg" = nodejs ] || [ "$pkg" = npm ] || filtered+=("$pkg"); done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi
if [ "${#missing[@]}" -gt 0 ]; then
  if command -v apt-get >/dev/null; then
    echo "installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "warning: no apt-get here; install these yourself: ${missing[*]}" >&2
  fi
fi

python3 -m pip install -q --disable-pip-version-check -r requirements.txt
if [ "$want_tests" = yes ]; then
  python3 -m pip install -q --disable-pip-version-check -r requirements-test.txt
  if [ -f tests/package.json ] && command -v npm >/dev/null; then
    npm install --prefix tests --no-audit --no-fund --silent
  fi
fi
echo "closeread: set-up done"
