#!/usr/bin/env bash
# tools/setup.sh - prepare a machine and the project's virtual environment (.venv).
#
#   tools/setup.sh                 # then: .venv/bin/mnn-studio  or  .venv/bin/python -m pytest -q
#
# Idempotent and fast when nothing changed (about a second):
#   1. Debian packages that Qt needs (offscreen platform; xcb plugin under Xvfb). Installed only
#      when dpkg-query reports one missing: with apt-get as root, with sudo when it works without a
#      password, otherwise the exact command is printed and the script goes on.
#   2. .venv, created with python3 (override with PYTHON=/path/to/python3) when absent or broken.
#   3. pip install -c tools/constraints.txt -e ".[test,lint,nwb,parquet]", skipped when the install stamp matches
#      the hash of pyproject.toml + tools/constraints.txt + the venv's Python version.
#
# Environment knobs:
#   PYTHON=python3.12       interpreter used to create .venv (default: python3; needs >= 3.11)
#   MNN_SKIP_APT=1          do not check or install Debian packages
#   MNN_FORCE_INSTALL=1     ignore the install stamp and run pip again
set -euo pipefail

# ---------------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------------
step() { printf '[setup] %s\n' "$*"; }
warn() { printf '[setup] WARNING: %s\n' "$*" >&2; }
die()  { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

# Report which step failed, instead of a silent non-zero exit from `set -e`.
current_step="start"
trap 'rc=$?; [ "$rc" -ne 0 ] && printf "[setup] ERROR: failed during: %s (exit %s)\n" "$current_step" "$rc" >&2' EXIT

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="$ROOT/.venv"
CONSTRAINTS="$ROOT/tools/constraints.txt"
STAMP="$VENV/.mnn-install-stamp"
PYTHON="${PYTHON:-python3}"
t_start=$SECONDS

[ -f "$ROOT/pyproject.toml" ] || die "pyproject.toml not found in $ROOT"
[ -f "$CONSTRAINTS" ] || die "$CONSTRAINTS not found"

# Several people (or agents) may run this at once on one checkout: serialise on a lock that lives
# outside the work tree, so git never sees it.
if command -v flock >/dev/null 2>&1; then
    lock_file="${TMPDIR:-/tmp}/mnn-setup-$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1).lock"
    # (If another user owns the lock file, go on without the lock.)
    if { exec 9>>"$lock_file"; } 2>/dev/null; then
        chmod 0666 "$lock_file" 2>/dev/null || true
        if ! flock -n 9; then
            step "another tools/setup.sh is running on this checkout; waiting for it ..."
            flock 9
        fi
    fi
fi

# ---------------------------------------------------------------------------------------------------
# 1. Debian packages
# ---------------------------------------------------------------------------------------------------
current_step="Debian packages"

# What Qt's offscreen platform links against (QtGui: EGL, GL, X11, xkbcommon, fontconfig, dbus, glib)
# plus a font, then what the xcb platform plugin needs under Xvfb, then Xvfb itself.
# The list was checked with ldd in a bare Debian 12 chroot; some xcb libs come in as dependencies
# anyway, naming them keeps the check exact.
APT_PACKAGES=(
    libglib2.0-0 libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libxkbcommon0 fonts-dejavu-core
    libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
    libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1
    libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0
    xvfb xauth
)

command -v "$PYTHON" >/dev/null 2>&1 || die "'$PYTHON' not found. Install Python >= 3.11 (Debian 12: apt-get install python3) or set PYTHON=/path/to/python3."

# Debian's own python3 ships without ensurepip/venv; those come with python3-venv.
# (pyenv and python.org builds already have them.) Only needed while .venv does not exist yet.
if [ ! -x "$VENV/bin/python" ] && ! "$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    APT_PACKAGES+=(python3-venv)
fi

missing_packages() {
    # dpkg-query prints one "<name> <status>" line per known package; "ii" means installed.
    # Unknown packages produce no line (and a message on stderr), so compare against the request.
    local installed
    installed="$(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "${APT_PACKAGES[@]}" 2>/dev/null \
                 | awk '$2 == "ii" {print $1}' || true)"
    local p
    for p in "${APT_PACKAGES[@]}"; do
        grep -qxF "$p" <<<"$installed" || printf '%s\n' "$p"
    done
}

if [ "${MNN_SKIP_APT:-0}" = 1 ]; then
    step "Debian packages: skipped (MNN_SKIP_APT=1)"
elif ! command -v dpkg-query >/dev/null 2>&1; then
    warn "dpkg-query not found (not a Debian system?): cannot check Qt's system libraries."
    warn "Qt needs EGL, GL, X11, xkbcommon, fontconfig, dbus, glib and the xcb-* libraries; install them yourself."
else
    mapfile -t MISSING < <(missing_packages)
    if [ "${#MISSING[@]}" -eq 0 ]; then
        step "Debian packages: all ${#APT_PACKAGES[@]} present"
    else
        step "Debian packages missing: ${MISSING[*]}"
        apt_cmd=(apt-get install -y --no-install-recommends "${MISSING[@]}")
        if [ "$(id -u)" -eq 0 ]; then
            sudo_cmd=()
        elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            sudo_cmd=(sudo -n)
        else
            sudo_cmd=(none)
        fi
        if [ "${sudo_cmd[0]:-}" = none ]; then
            warn "not root and no password-less sudo: cannot install them. Run this, then re-run tools/setup.sh:"
            warn "  sudo apt-get update && sudo ${apt_cmd[*]}"
            warn "continuing without them (Qt may fail to load its platform plugin)"
        else
            step "running: ${sudo_cmd[*]:+${sudo_cmd[*]} }apt-get update && ${sudo_cmd[*]:+${sudo_cmd[*]} }${apt_cmd[*]}"
            export DEBIAN_FRONTEND=noninteractive
            "${sudo_cmd[@]}" apt-get update -q >/dev/null \
                || die "apt-get update failed (is the Debian mirror reachable?)"
            "${sudo_cmd[@]}" "${apt_cmd[@]}" -q -o Dpkg::Use-Pty=0 \
                || die "apt-get install failed: ${MISSING[*]}"
            mapfile -t STILL < <(missing_packages)
            [ "${#STILL[@]}" -eq 0 ] || die "still missing after apt-get install: ${STILL[*]}"
            step "Debian packages: installed ${#MISSING[@]}"
        fi
    fi
fi

# ---------------------------------------------------------------------------------------------------
# 2. virtual environment
# ---------------------------------------------------------------------------------------------------
current_step="virtual environment"

# A venv whose interpreter no longer runs (e.g. the pyenv version it was made from was removed)
# is rebuilt; a working one is kept.
if [ -e "$VENV" ] && ! "$VENV/bin/python" -c 'import sys' >/dev/null 2>&1; then
    warn ".venv exists but its python does not run; recreating it"
    rm -rf "$VENV"
fi

if [ ! -x "$VENV/bin/python" ]; then
    # The pinned set (numpy 2.4, IPython 9) needs 3.11; the engine alone would run on older Pythons.
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
        || die "$("$PYTHON" -V 2>&1) is too old; tools/constraints.txt needs Python >= 3.11 (set PYTHON=...)"
    "$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1 \
        || die "$PYTHON cannot create virtual environments (no ensurepip). Debian: apt-get install python3-venv"
    step "creating .venv with $("$PYTHON" -c 'import sys; print(sys.executable, sys.version.split()[0])')"
    "$PYTHON" -m venv "$VENV" || die "python -m venv failed"
else
    step ".venv: present ($("$VENV/bin/python" -V 2>&1))"
fi

# ---------------------------------------------------------------------------------------------------
# 3. Python packages
# ---------------------------------------------------------------------------------------------------
current_step="pip install"

# The stamp identifies what was installed: the two input files and the venv's interpreter.
want_stamp="$( { cat "$ROOT/pyproject.toml" "$CONSTRAINTS"; "$VENV/bin/python" -c 'import sys; print(sys.version)'; } \
               | sha256sum | cut -d' ' -f1)"
have_stamp="$(cat "$STAMP" 2>/dev/null || true)"

# Also make sure the editable install is still there (someone may have pip-uninstalled it).
installed_ok() {
    "$VENV/bin/python" -c 'import importlib.metadata as m; m.version("mnn-studio")' >/dev/null 2>&1
}

if [ "${MNN_FORCE_INSTALL:-0}" != 1 ] && [ "$want_stamp" = "$have_stamp" ] && installed_ok; then
    step "Python packages: up to date (stamp matches pyproject.toml + constraints.txt)"
else
    pip_opts=(--no-input --disable-pip-version-check)
    [ -t 1 ] || pip_opts+=(--progress-bar off)
    step "upgrading pip in .venv"
    "$VENV/bin/python" -m pip install "${pip_opts[@]}" -q -c "$CONSTRAINTS" --upgrade pip \
        || die "could not upgrade pip (is PyPI reachable?)"
    step "pip install -c tools/constraints.txt -e \".[test,lint,nwb,parquet]\" (first time: ~500 MB, a minute or two)"
    "$VENV/bin/python" -m pip install "${pip_opts[@]}" -c "$CONSTRAINTS" -e ".[test,lint,nwb,parquet]" \
        || die "pip install failed (see above). Is PyPI reachable? Does every pin in tools/constraints.txt resolve?"
    current_step="import check"
    "$VENV/bin/python" -c 'import numpy, pytest, pyqtgraph, qtconsole, ipykernel, pytestqt, matplotlib, PyQt6.QtCore, importlinter, mypy' \
        || die "packages installed but the import check failed (see above)"
    # Loading QtWidgets needs the system libraries from step 1; warn only, so that a machine where
    # they could not be installed can still run the engine tests.
    if ! "$VENV/bin/python" -c 'import PyQt6.QtWidgets' >/dev/null 2>&1; then
        warn "PyQt6.QtWidgets does not load: Qt's system libraries are missing (see step 1)."
        warn "  details: .venv/bin/python -c 'import PyQt6.QtWidgets'"
    fi
    printf '%s\n' "$want_stamp" >"$STAMP"
    step "Python packages: installed"
fi

current_step="done"
step "ready in $((SECONDS - t_start)) s: .venv/bin/mnn-studio (studio), .venv/bin/python -m pytest -q (tests)"
