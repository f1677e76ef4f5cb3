#!/usr/bin/env bash
# Installs what ScenarioMatch needs on a Debian machine, and nothing that is already there.
#   scripts/setup.sh          build and run: BLAS, LAPACK (OpenBLAS chosen at run time)
#   scripts/setup.sh --test   also what the tests use: headless Chromium, pytrec_eval
# Idempotent and quiet when everything is installed.
set -euo pipefail

packages=(libblas-dev liblapack-dev libopenblas0-pthread)
python_packages=()
if [ "${1:-}" = "--test" ]; then
  packages+=(chromium fonts-wqy-microhei python3 python3-pip)
  python_packages+=(pytrec-eval-terrier openapi-spec-validator)
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

missing=()
for p in "${packages[@]}"; do
  # python3 may come from elsewhere (pyenv); only ask apt for it when none is on PATH.
  case "$p" in python3) command -v python3 >/dev/null && continue ;; python3-pip) python3 -m pip --version >/dev/null 2>&1 && continue ;; esac
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

for p in "${python_packages[@]}"; do
  module=${p//-/_}
  [ "$p" = pytrec-eval-terrier ] && module=pytrec_eval
  python3 -c "import $module" 2>/dev/null && continue
  echo "setup: installing $p from PyPI" >&2
  python3 -m pip install -q --disable-pip-version-check "$p" 2>/dev/null \
    || python3 -m pip install -q --disable-pip-version-check --break-system-packages "$p"
done
