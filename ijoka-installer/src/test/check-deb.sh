#!/usr/bin/env bash
# check-deb.sh: installs the built .deb into this throw-away system and checks what a user gets (.ci/run runs it
# after ./mvnw verify; docs/installer.md). As root, `apt-get install ./ijoka_*.deb` (dpkg -i when apt cannot) and,
# at the end, `dpkg -r`; otherwise the package is unpacked with `dpkg-deb -x` into a temporary directory and run from
# there (its postinst, which links /usr/bin/ijoka, does not run then).
#
#   check-deb.sh DEB JDK
#
# JDK: a JDK to run the screenshot helper (Screenshot.java); the package itself runs on its own runtime.
# Checks: ijoka --version on the bundled runtime; a command on a fresh data directory, and its start-up cache made
# by the bundled runtime; ijoka mcp answering initialize and tools/list over stdio; ijoka desktop painting its
# window under Xvfb (screenshot in ijoka-installer/target/screenshots/); desktop-file-validate on the menu entry
# and on the one `ijoka desktop --register` writes; as root: the menu entry and the ijoka:// handler registered,
# and removal taking the program and the menu entry but leaving the data directory as it was.
set -euo pipefail

deb="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
jdk="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
shots="$here/../../target/screenshots"
mkdir -p "$shots"
work="$(mktemp -d)"
desktop_pid=""
xvfb_pid=""
cleanup() {
  [ -n "$desktop_pid" ] && kill "$desktop_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "check-deb: FAIL: $*" >&2
  exit 1
}
step() { echo "check-deb: $*"; }

step "$(basename "$deb"): $(($(wc -c <"$deb") / 1024 / 1024)) MB ($(wc -c <"$deb") bytes)"
[ "$(wc -c <"$deb")" -le $((50 * 1024 * 1024)) ] || fail "the .deb is over 50 MB"

# A user with nothing of Ijoka yet: a fresh home (so the default data directory, ~/.local/share/ijoka, is used).
export HOME="$work/home"
mkdir -p "$HOME"
unset IJOKA_HOME IJOKA_DB XDG_DATA_HOME XDG_CONFIG_HOME IJOKA_JAR IJOKA_NO_CDS JAVA_HOME
export IJOKA_NO_UPDATE_CHECK=1 # no network in CI
# Java takes its user.home from the password database, not from $HOME: tell it, or it would use the real home's data.
export IJOKA_JAVA_OPTS="-Duser.home=$HOME"
data="$HOME/.local/share/ijoka"

root_mode=""
if [ "$(id -u)" -eq 0 ] && command -v dpkg >/dev/null; then
  root_mode=1
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  root_mode=sudo
fi
if [ -n "$root_mode" ]; then
  sudo=""
  [ "$root_mode" = sudo ] && sudo="sudo -n"
  step "installing with apt-get install (as root)"
  if ! $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >"$work/install.log" 2>&1; then
    cat "$work/install.log" >&2
    step "apt-get could not; dpkg -i instead"
    $sudo dpkg -i "$deb" || fail "dpkg -i $deb failed"
  fi
  ijoka="$(command -v ijoka)" || fail "ijoka is not on the PATH after install"
  [ "$(readlink -f "$ijoka")" = /opt/ijoka/bin/ijoka ] || fail "ijoka on the PATH is $ijoka, not the package's"
  prefix=""
else
  step "not root: unpacking with dpkg-deb -x"
  dpkg-deb -x "$deb" "$work/root"
  prefix="$work/root"
  ijoka="$prefix/opt/ijoka/bin/ijoka"
fi
menu_entry="$prefix/opt/ijoka/lib/ijoka-Ijoka.desktop"

# 1. The command line on the bundled runtime, with no JDK named anywhere.
version="$(PATH=/usr/bin:/bin "$ijoka" --version)"
echo "$version" | sed 's/^/    /'
echo "$version" | grep -q "^ijoka " || fail "ijoka --version printed no version"
echo "$version" | grep -q "at $prefix/opt/ijoka/lib/runtime" || fail "ijoka --version does not run on the bundled runtime"

# 2. A plan in a fresh data directory; the start-up cache, made in the background by the bundled runtime.
project="$work/shop"
mkdir -p "$project"
git -C "$project" init -q
(cd "$project" && "$ijoka" feature add "Try the installer" >/dev/null) || fail "ijoka feature add failed"
(cd "$project" && "$ijoka" status | sed 's/^/    /') || fail "ijoka status failed"
[ -f "$data/ijoka.db" ] || fail "no database in the default data directory $data"
for _ in $(seq 1 180); do
  ls "$data"/cds/*-cli.aot >/dev/null 2>&1 && [ ! -d "$(ls -d "$data"/cds/*-cli.aot 2>/dev/null | head -n 1).lock" ] && break
  sleep 1
done
ls "$data"/cds/*-cli.aot >/dev/null 2>&1 || { cat "$data"/cds/training-cli.log >&2 || true; fail "no start-up cache was made"; }
step "start-up cache: $(cd "$data/cds" && ls -- *.aot)"
(cd "$project" && "$ijoka" next >/dev/null) || fail "ijoka next failed with the start-up cache"

# 3. The MCP server answers a real client as Claude Code would: the MCP Java SDK's stdio client (the SDK jars the
#    package ships) starts `ijoka mcp`, initializes, lists the tools and calls ijoka_status.
JAVA_HOME="" "$jdk/bin/java" -cp "$prefix/opt/ijoka/lib/app/lib/*" "$here/McpClientCheck.java" "$ijoka" "$project" \
  >"$work/mcp.out" 2>"$work/mcp.err" || { cat "$work/mcp.out" "$work/mcp.err" >&2; fail "ijoka mcp did not answer the SDK's client"; }
step "ijoka mcp: the SDK's stdio client initialized, listed the tools and called ijoka_status ($(grep "^server " "$work/mcp.out"))"

# 4. The desktop app under Xvfb: the window painted (a screenshot to look at).
command -v Xvfb >/dev/null || fail "Xvfb is missing (apt-get install xvfb)"
Xvfb -displayfd 3 -screen 0 1440x900x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 1 50); do [ -s "$work/display" ] && break; sleep 0.2; done
export DISPLAY=":$(cat "$work/display")"
(cd "$project" && exec "$ijoka" desktop >"$work/desktop.out" 2>"$work/desktop.err") &
desktop_pid=$!
JAVA_HOME="" "$jdk/bin/java" "$here/Screenshot.java" "$shots/installed-desktop.png" 120 \
  || { cat "$work/desktop.out" "$work/desktop.err" >&2; fail "ijoka desktop painted no window"; }
grep -q "Ijoka desktop is open" "$work/desktop.out" || { cat "$work/desktop.out" "$work/desktop.err" >&2; fail "ijoka desktop did not start"; }
kill -TERM "$desktop_pid"
wait "$desktop_pid" 2>/dev/null || true
desktop_pid=""
step "ijoka desktop: window painted, screenshot $shots/installed-desktop.png"

# 5. The menu entries: the package's, and the one `ijoka desktop --register` writes for ijoka:// links.
command -v desktop-file-validate >/dev/null || fail "desktop-file-validate is missing (apt-get install desktop-file-utils)"
desktop-file-validate "$menu_entry" || fail "the package's menu entry does not validate"
grep -q '^MimeType=x-scheme-handler/ijoka;$' "$menu_entry" || fail "the menu entry does not handle ijoka:// links"
grep -q '^Exec=/opt/ijoka/bin/ijoka desktop %u$' "$menu_entry" || fail "the menu entry does not start ijoka desktop"
XDG_DATA_HOME="$work/xdg-data" XDG_CONFIG_HOME="$work/xdg-config" "$ijoka" desktop --register >/dev/null \
  || fail "ijoka desktop --register failed"
desktop-file-validate "$work/xdg-data/applications/ijoka.desktop" || fail "the registered ijoka.desktop does not validate"
grep -q "^Exec=$prefix/opt/ijoka/bin/ijoka desktop %u" "$work/xdg-data/applications/ijoka.desktop" \
  || fail "ijoka desktop --register does not name the installed launcher"
step "menu entries valid; ijoka:// handled by $menu_entry"

# 6. As root: installed in the menu with the scheme, then removed, and the data directory kept.
if [ -n "$root_mode" ]; then
  [ -f /usr/share/applications/ijoka-Ijoka.desktop ] || fail "no menu entry in /usr/share/applications"
  if [ -f /usr/share/applications/mimeinfo.cache ]; then
    grep -q '^x-scheme-handler/ijoka=ijoka-Ijoka.desktop' /usr/share/applications/mimeinfo.cache \
      || fail "ijoka:// is not mapped to the menu entry in mimeinfo.cache"
  fi
  before="$(cd "$data" && find . -type f -not -path './cds/*' -exec sha256sum {} + | sort)"
  # An upgrade's road (prerm upgrade, unpack over, postinst configure), with the package itself: the link and the
  # menu entry come back, the data directory is the same, and the plan is still there.
  $sudo dpkg -i "$deb" >"$work/upgrade.log" 2>&1 || { cat "$work/upgrade.log" >&2; fail "installing over itself failed"; }
  [ "$(readlink -f /usr/bin/ijoka)" = /opt/ijoka/bin/ijoka ] && [ -f /usr/share/applications/ijoka-Ijoka.desktop ] \
    || fail "after an upgrade, ijoka or the menu entry is missing"
  (cd "$project" && ijoka next | grep -q "Try the installer") || fail "after an upgrade, the plan is not there"
  before="$(cd "$data" && find . -type f -not -path './cds/*' -exec sha256sum {} + | sort)"
  $sudo dpkg -r ijoka >"$work/remove.log" 2>&1 || { cat "$work/remove.log" >&2; fail "dpkg -r ijoka failed"; }
  [ ! -e /opt/ijoka ] || fail "/opt/ijoka is still there after removal"
  [ ! -e /usr/bin/ijoka ] && [ ! -L /usr/bin/ijoka ] || fail "/usr/bin/ijoka is still there after removal"
  [ ! -e /usr/share/applications/ijoka-Ijoka.desktop ] || fail "the menu entry is still there after removal"
  after="$(cd "$data" && find . -type f -not -path './cds/*' -exec sha256sum {} + | sort)"
  [ "$before" = "$after" ] && [ -f "$data/ijoka.db" ] || fail "removal changed the data directory"
  step "removed: program, ijoka and menu entry gone; the data directory ($data) as it was"
fi
step "all checks passed"
