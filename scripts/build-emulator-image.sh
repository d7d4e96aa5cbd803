#!/usr/bin/env bash
# Builds a moto emulator image on this machine, with no image registry: a Debian base made by debootstrap, plus
# this machine's own moto[server] installation (moto and exactly the packages it requires, copied from the
# python that imports it). The container runs `python3 -m moto.server -H 0.0.0.0 -p 5000` like motoserver/moto.
# The tag is derived from what goes in (moto version, Debian suite, python minor, this script's hash), so an
# existing tag is a cache hit and nothing is rebuilt. Needs root, a Docker engine, debootstrap (installed with
# apt-get when missing) and a Debian mirror (read from /etc/apt/sources.list(.d), or LAB_DEBIAN_MIRROR).
#   scripts/build-emulator-image.sh            # prints progress on stderr, the image tag as its last line
# Env: LAB_MOTO_PYTHON (the python that imports moto; default: the one moto_server runs under, else python3).
set -euo pipefail
cd "$(dirname "$0")/.."

SUITE=bookworm
say() { printf 'build-emulator-image: %s\n' "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

command -v docker >/dev/null 2>&1 || die "no docker client; run: npm run setup -- --with-docker"
docker info >/dev/null 2>&1 || die "the Docker engine does not answer (docker info); run: npm run setup -- --with-docker"

# The python moto runs under: moto_server's shebang when it is a plain script, else python3 (a pyenv shim
# resolves to the interpreter that has moto).
find_python() {
  if [ -n "${LAB_MOTO_PYTHON:-}" ]; then echo "$LAB_MOTO_PYTHON"; return; fi
  local script shebang
  script="$(command -v moto_server 2>/dev/null || true)"
  if [ -n "$script" ] && shebang="$(head -n 1 "$script")" && [[ "$shebang" == '#!'*python* ]]; then
    echo "${shebang#\#!}"; return
  fi
  echo python3
}
PY="$(find_python)"
$PY -c 'import moto.server, flask, flask_cors' 2>/dev/null || die "$PY cannot import moto.server (install it: pip install 'moto[server]')"
MOTO_VERSION="$($PY -c 'import importlib.metadata as m; print(m.version("moto"))')"
PY_MINOR="$($PY -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
# Compiled packages (cryptography, pydantic-core, PyYAML) only load in the same python minor; bookworm ships 3.11.
[ "$PY_MINOR" = 3.11 ] || die "moto here runs on python $PY_MINOR; Debian $SUITE's python3 is 3.11, so its compiled packages cannot be reused (set LAB_MOTO_PYTHON to a python 3.11 with moto[server])"
SCRIPT_HASH="$(sha256sum "$0" | cut -c1-12)"
TAG="journal-lab/moto:${MOTO_VERSION}-${SUITE}-py${PY_MINOR}-${SCRIPT_HASH}"

if docker image inspect "$TAG" >/dev/null 2>&1; then
  say "cached: $TAG"
  echo "$TAG"
  exit 0
fi

debian_mirror() {
  if [ -n "${LAB_DEBIAN_MIRROR:-}" ]; then echo "$LAB_DEBIAN_MIRROR"; return; fi
  local f url
  # deb822 sources: the URIs of a stanza whose Suites name the suite (debian-security is skipped).
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    url="$(awk -v s="$SUITE" 'BEGIN{RS=""} $0 ~ "Suites:[^\n]*(^|[ ])" s "([ ]|$|\n)" { if (match($0, /URIs:[ ]*[^ \n]+/)) { u=substr($0, RSTART, RLENGTH); sub(/URIs:[ ]*/, "", u); if (u !~ /security/) { print u; exit } } }' "$f")"
    [ -n "$url" ] && { echo "$url"; return; }
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    url="$(awk -v s="$SUITE" '$1 == "deb" && $0 !~ /security/ { for (i = 2; i < NF; i++) if ($i ~ /^(http|https|file):/ && $(i+1) == s) { print $i; exit } }' "$f")"
    [ -n "$url" ] && { echo "$url"; return; }
  done
}
MIRROR="$(debian_mirror)"
[ -n "$MIRROR" ] || die "no Debian $SUITE mirror in /etc/apt/sources.list(.d); set LAB_DEBIAN_MIRROR=http://deb.debian.org/debian"
[ "$(id -u)" -eq 0 ] || die "debootstrap needs root"
if ! command -v debootstrap >/dev/null 2>&1; then
  say "installing debootstrap ..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends debootstrap >&2 || die "apt-get install debootstrap failed"
fi

WORK="$(mktemp -d -t jl-emulator-image.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
ROOT="$WORK/root"
started=$(date +%s)
say "debootstrap $SUITE (minbase + python3) from $MIRROR ..."
timeout 600 debootstrap --variant=minbase --include=python3 "$SUITE" "$ROOT" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 \
  || { tail -n 20 "$WORK/debootstrap.log" >&2; die "debootstrap failed"; }

# moto and the distributions moto[server] requires, transitively (markers evaluated for this python): their
# top-level directories and modules, with compiled bytecode, so the container starts as fast as moto here.
SITE="$ROOT/usr/local/lib/python3/dist-packages"
DEST="$ROOT/usr/local/lib/python${PY_MINOR}/dist-packages"
mkdir -p "$DEST"
say "copying moto $MOTO_VERSION and its requirements from $PY ..."
$PY - "$DEST" <<'PYEOF'
import importlib.metadata as md, os, shutil, sys
from packaging.requirements import Requirement
dest = sys.argv[1]
seen, todo = set(), [("moto", {"server"})]
while todo:
    name, extras = todo.pop()
    key = (name.lower().replace("_", "-"), frozenset(extras))
    if key in seen:
        continue
    seen.add(key)
    dist = md.distribution(name)
    for spec in dist.requires or []:
        req = Requirement(spec)
        if req.marker is None or any(req.marker.evaluate({"extra": e}) for e in (extras or {""})):
            todo.append((req.name, set(req.extras)))
copied = set()
for name in sorted({n for n, _ in seen}):
    dist = md.distribution(name)
    base = dist.locate_file("")
    for f in dist.files or []:
        top = f.parts[0]
        if top in copied or top.endswith(".pth") or top == ".." or top == "__pycache__":
            continue
        src = os.path.join(base, top)
        copied.add(top)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(dest, top), symlinks=True)
        elif os.path.isfile(src):
            shutil.copy2(src, os.path.join(dest, top))
print(f"{len(seen)} distributions, {len(copied)} entries", file=sys.stderr)
PYEOF

# Smaller image: documentation, locales and apt caches are of no use to an emulator.
rm -rf "$ROOT"/usr/share/{doc,man,info,locale} "$ROOT"/var/cache/apt/* "$ROOT"/var/lib/apt/lists/*
rmdir "$SITE" 2>/dev/null || true
chroot "$ROOT" python3 -c 'import moto.server, flask, flask_cors' || die "moto does not import inside the image root"

say "docker import -> $TAG"
tar -C "$ROOT" -c . | docker import \
  --change 'EXPOSE 5000' \
  --change 'ENV MOTO_ALLOW_NONEXISTENT_REGION=false' \
  --change 'CMD ["python3", "-m", "moto.server", "-H", "0.0.0.0", "-p", "5000"]' \
  --message "moto $MOTO_VERSION on debian $SUITE, built by journal-lab scripts/build-emulator-image.sh" \
  - "$TAG" >/dev/null
say "built in $(( $(date +%s) - started )) s: $(docker image inspect --format '{{.Size}}' "$TAG" | awk '{printf "%.0f MB", $1/1e6}')"
echo "$TAG"
