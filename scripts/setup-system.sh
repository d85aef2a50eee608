#!/usr/bin/env bash
# System packages RLEF Studio needs beyond Node: bubblewrap (the code sandbox),
# Chromium (end-to-end tests), Debian's PyTorch, pytest and Jinja2 (trainer tests on CPU).
# Installed with apt when running as root; otherwise named exactly.
set -euo pipefail
need=()
command -v bwrap >/dev/null 2>&1 || need+=(bubblewrap)
if [ "${1:-}" = "--test" ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
  /usr/bin/python3 -c "import torch" >/dev/null 2>&1 || need+=(python3-torch)
  /usr/bin/python3 -c "import pytest" >/dev/null 2>&1 || need+=(python3-pytest)
  /usr/bin/python3 -c "import numpy" >/dev/null 2>&1 || need+=(python3-numpy)
  /usr/bin/python3 -c "import matplotlib" >/dev/null 2>&1 || need+=(python3-matplotlib)
  # the chat-template stub's Jinja2
  /usr/bin/python3 -c "import jinja2" >/dev/null 2>&1 || need+=(python3-jinja2)
fi
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "[setup] installing system packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "[setup] missing system packages: ${need[*]}" >&2
  echo "[setup] install them with: sudo apt-get install --no-install-recommends ${need[*]}" >&2
  exit 1
fi
