#!/usr/bin/env bash
# The setup path users (and CI) run: installs what the labs need, checks what it must not install itself,
# then prints `lab doctor`. Idempotent and non-interactive: present tools are skipped, nothing is upgraded.
#   scripts/setup.sh [--with-docker] [--with-browser]     (or: npm run setup [-- --with-docker --with-browser])
#   --with-docker   also install Docker (Debian's docker.io), start its engine if it is stopped, and build the local
#                   moto emulator image (scripts/build-emulator-image.sh) for --target moto-container
#   --with-browser  also install Chromium (Debian's chromium), for `lab report --html` screenshots and their tests
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

WITH_DOCKER=0
WITH_BROWSER=0
for arg in "$@"; do
  case "$arg" in
    --with-docker) WITH_DOCKER=1 ;;
    --with-browser) WITH_BROWSER=1 ;;
    -h|--help) echo "usage: npm run setup [-- --with-docker] [-- --with-browser]   installs what the labs need, then runs lab doctor"; exit 0 ;;
    *) printf 'setup: unknown option %s (use --with-docker and/or --with-browser)\n' "$arg" >&2; exit 2 ;;
  esac
done

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

# --- Docker engine and the local emulator image (only with --with-docker) -----------------------------------------
# The container targets (moto-container, localstack) need a running engine. Without systemd (containers, CI
# sandboxes) dockerd is started in the background here; where the kernel or sandbox refuses iptables rules or
# overlayfs, it is retried without them (published ports then go through docker-proxy, still on 127.0.0.1 only).
docker_answers() { timeout 10 docker info >/dev/null 2>&1; }
wait_for_docker() {
  local i
  for i in $(seq 1 "$1"); do docker_answers && return 0; sleep 1; done
  return 1
}
start_dockerd() {
  local log="${TMPDIR:-/tmp}/journal-lab-dockerd.log" pidfile=/var/run/docker.pid flags pid
  for flags in "" "--iptables=false --ip6tables=false" "--iptables=false --ip6tables=false --storage-driver=vfs"; do
    # A dockerd killed earlier leaves its pid file, and a new one refuses to start while it exists.
    if [ -f "$pidfile" ] && ! kill -0 "$(cat "$pidfile" 2>/dev/null)" 2>/dev/null; then as_root rm -f "$pidfile"; fi
    say "starting dockerd ${flags:-(default flags)} in the background (log: $log) ..."
    # Its own session (setsid): the engine outlives setup and a Ctrl-C aimed at setup's process group.
    # shellcheck disable=SC2086
    as_root $(command -v setsid || true) nohup dockerd $flags >>"$log" 2>&1 </dev/null &
    pid=$!
    if wait_for_docker 40; then say "Docker engine answering (dockerd ${flags:-default flags})"; return 0; fi
    # The daemon's own pid file names it (the background job may be a wrapper around it).
    as_root kill "$(cat "$pidfile" 2>/dev/null || echo "$pid")" 2>/dev/null; sleep 2
    tail -n 5 "$log" >>"$LOG"
  done
  return 1
}
if [ "$WITH_DOCKER" = 1 ]; then
  if { ! have docker || ! have dockerd; } && ! docker_answers; then
    if command -v apt-get >/dev/null 2>&1; then
      say "installing docker.io ..."
      if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends docker.io >>"$LOG" 2>&1 \
        && ! { as_root apt-get update -q >>"$LOG" 2>&1 && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends docker.io >>"$LOG" 2>&1; }; then
        show_log_tail
        problem "apt-get install docker.io failed (see above); run it yourself: sudo apt-get install -y docker.io"
      fi
    else
      problem "no Docker here and no apt-get: install Docker Engine (https://docs.docker.com/engine/install/)"
    fi
  fi
  if docker_answers; then
    say "Docker engine running: $(docker info --format '{{.ServerVersion}}, storage {{.Driver}}' 2>/dev/null)"
  elif have dockerd && [ -d /run/systemd/system ] && as_root systemctl start docker >>"$LOG" 2>&1 && wait_for_docker 30; then
    say "Docker engine started with systemctl"
  elif have dockerd && start_dockerd; then
    :
  elif have docker; then
    show_log_tail
    problem "the Docker engine does not start (see above and ${TMPDIR:-/tmp}/journal-lab-dockerd.log); start it yourself (sudo systemctl start docker, or sudo dockerd &)"
  fi
  if docker_answers; then
    say "local moto emulator image (built once, about a minute; then cached by tag) ..."
    if image="$(bash scripts/build-emulator-image.sh 2>>"$LOG" | tail -n 1)" && [ -n "$image" ]; then
      say "emulator image: $image  (lab run --target moto-container --image $image)"
    else
      show_log_tail
      problem "building the local moto emulator image failed (see above); rerun: bash scripts/build-emulator-image.sh"
    fi
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

# --- headless browser (only with --with-browser) ------------------------------------------------------------------
# Chromium draws the diagrams for the screenshot tests (test/report/*.browser.test.ts); without it they skip with
# their reason. Debian's package only: npm never downloads a browser here.
if [ "$WITH_BROWSER" -eq 1 ]; then
  if have chromium || have chromium-browser || have google-chrome-stable || have google-chrome; then
    say "browser present for the screenshot tests (not upgraded)"
  elif ! command -v apt-get >/dev/null 2>&1; then
    problem "--with-browser: no apt-get here; install Chromium with your package manager (or point LAB_CHROMIUM at a Chrome/Chromium binary)"
  else
    say "installing chromium (--with-browser) ..."
    browser_install() { as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium >>"$LOG" 2>&1; }
    if ! browser_install && ! { as_root apt-get update -q >>"$LOG" 2>&1 && browser_install; }; then
      show_log_tail
      problem "apt-get install chromium failed (see above); run it yourself: sudo apt-get install -y chromium"
    elif ! have chromium; then
      problem "apt-get reported success but chromium is still not on PATH"
    else
      say "installed chromium"
    fi
  fi
fi

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
