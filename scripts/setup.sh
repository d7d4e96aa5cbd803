#!/usr/bin/env bash
# The setup path users (and CI) run: installs what the labs need, checks what it must not install itself,
# then prints `lab doctor`. Idempotent and non-interactive: present tools are skipped, nothing is upgraded.
#   npm run setup [-- --with-…]      (or: bash scripts/setup.sh [--with-…])
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

# --- arguments: parsed here, once; each optional section reads its own flag ----------------------------------
# `--with-<name>` flags choose optional sections; a name this version has no section for is reported and ignored,
# so a newer CI config never breaks an older checkout. A section runs under `if wants NAME; then … fi` and adds
# NAME to KNOWN_WITH below.
with=()
for arg in "$@"; do
  case "$arg" in
    --with-*) with+=("${arg#--with-}") ;;
    -h|--help) echo "usage: npm run setup [-- --with-NAME ...]   installs what the labs need, then runs lab doctor"; exit 0 ;;
    *) echo "setup: unknown argument $arg (usage: npm run setup [-- --with-NAME ...])" >&2; exit 2 ;;
  esac
done
wants() { local w; for w in "${with[@]:-}"; do [ "$w" = "$1" ] && return 0; done; return 1; }

LOG="$(mktemp -t journal-lab-setup.XXXXXX)"
trap 'rm -f "$LOG"' EXIT
problems=()

say() { printf 'setup: %s\n' "$*"; }
problem() { problems+=("$1"); printf 'setup: PROBLEM: %s\n' "$1" >&2; }

# Like src/toolchain/which.ts: admin tools live in sbin dirs that a user's PATH often lacks.
have() {
  local d
  local IFS=:
  for d in $PATH /usr/local/sbin /usr/sbin /sbin; do
    [ -n "$d" ] && [ -f "$d/$1" ] && [ -x "$d/$1" ] && return 0
  done
  return 1
}

# Root runs directly; otherwise sudo, which may prompt only when a terminal is attached (CI never hangs).
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif ! command -v sudo >/dev/null 2>&1; then echo "not root and no sudo for: $*" >>"$LOG"; return 1
  elif [ -t 0 ]; then sudo "$@"
  else sudo -n "$@"
  fi
}

show_log_tail() { tail -n 15 "$LOG" | sed 's/^/    /' >&2; }

# --- Debian tools the network/TLS labs use (tool:package) ---------------------------------------------------
TOOLS="haproxy:haproxy tcpdump:tcpdump tshark:tshark ip:iproute2 iptables:iptables openssl:openssl"
missing_tools() {
  local pair out=()
  for pair in $TOOLS; do have "${pair%%:*}" || out+=("${pair#*:}"); done
  echo "${out[*]:-}"
}
read -r -a missing_pkgs <<<"$(missing_tools)"
if [ ${#missing_pkgs[@]} -eq 0 ]; then
  say "Debian tools present (haproxy tcpdump tshark iproute2 iptables openssl)"
elif ! command -v apt-get >/dev/null 2>&1; then
  say "no apt-get here: install ${missing_pkgs[*]} with your package manager (labs needing them will say so)"
else
  say "installing ${missing_pkgs[*]} ..."
  apt_install() { as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing_pkgs[@]}" >>"$LOG" 2>&1; }
  # Update the package lists only when there are none, or when the install could not find a package.
  if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then as_root apt-get update -q >>"$LOG" 2>&1; fi
  if ! apt_install && ! { as_root apt-get update -q >>"$LOG" 2>&1 && apt_install; }; then
    show_log_tail
    problem "apt-get install ${missing_pkgs[*]} failed (see above); run it yourself: sudo apt-get install -y ${missing_pkgs[*]}"
  elif still="$(missing_tools)" && [ -n "$still" ]; then
    problem "apt-get reported success but these are still not executable on PATH or in sbin: $still"
  else
    say "installed ${missing_pkgs[*]}"
  fi
fi

# --- moto server (the default target) -------------------------------------------------------------------------
if have moto_server; then
  say "moto_server present (not upgraded)"
elif command -v python3 >/dev/null 2>&1 && python3 -c 'import moto.server, flask, flask_cors' >/dev/null 2>&1; then
  say "python3 -m moto.server available (not upgraded)"
elif ! command -v python3 >/dev/null 2>&1; then
  problem "python3 is missing; install it (sudo apt-get install -y python3 python3-pip) and rerun"
else
  say "installing moto[server] ..."
  # Debian's system python refuses pip installs (PEP 668); pipx then gives moto_server its own venv.
  if python3 -m pip install -q 'moto[server]' >>"$LOG" 2>&1; then
    say "installed moto[server] with pip"
  elif command -v pipx >/dev/null 2>&1 && pipx install 'moto[server]' >>"$LOG" 2>&1; then
    say "installed moto[server] with pipx (make sure ~/.local/bin is on PATH)"
  else
    show_log_tail
    problem "could not install moto[server]; run: python3 -m pip install 'moto[server]'  (or: pipx install 'moto[server]')"
  fi
fi

# --- Terraform or OpenTofu: checked, never downloaded ------------------------------------------------------------
if have terraform || have tofu; then
  say "engine present: $( (have terraform && terraform version 2>/dev/null || tofu version 2>/dev/null) | head -n 1)"
else
  problem "neither terraform nor tofu is on PATH; install Terraform >= 1.10 (https://developer.hashicorp.com/terraform/install) or OpenTofu >= 1.10 (https://opentofu.org/docs/intro/install/)"
fi

# --- node and npm dependencies ----------------------------------------------------------------------------------------
if ! command -v node >/dev/null 2>&1 || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  problem "Node.js >= 20 is required (found: $(node -v 2>/dev/null || echo none)); see https://nodejs.org/en/download"
elif [ ! -d node_modules ]; then
  say "npm ci ..."
  if npm ci --no-audit --no-fund >>"$LOG" 2>&1; then say "npm dependencies installed"; else show_log_tail; problem "npm ci failed (see above)"; fi
else
  say "node_modules present (npm ci skipped)"
fi

# --- optional sections (--with-NAME) this version does not know -------------------------------------------------
KNOWN_WITH=""
for w in "${with[@]:-}"; do
  [ -n "$w" ] && [[ " $KNOWN_WITH " != *" $w "* ]] && say "--with-$w: nothing to set up for it in this version (ignored)"
done

# --- lab doctor: the full picture ---------------------------------------------------------------------------
doctor_rc=1
if [ -d node_modules/tsx ]; then
  echo
  node bin/lab.js doctor; doctor_rc=$?
  echo
fi

if [ ${#problems[@]} -gt 0 ]; then
  printf 'setup: FAILED, fix these and rerun npm run setup:\n' >&2
  printf '  - %s\n' "${problems[@]}" >&2
  exit 1
fi
if [ "$doctor_rc" -ne 0 ]; then
  echo "setup: lab doctor reports something the default run needs is missing (see MISSING above)" >&2
  exit 1
fi
say "done: run npm start"
