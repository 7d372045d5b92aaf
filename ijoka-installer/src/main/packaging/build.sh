#!/usr/bin/env bash
# build.sh: builds Ijoka's installer for this system with the build JDK's own tools: a .deb on Linux, a .dmg and a
# .pkg on macOS, an .msi on Windows (jpackage makes packages only for the system it runs on). Run by Maven
# (./mvnw -Pinstaller -DskipTests package, module ijoka-installer); see docs/installer.md.
#
#   build.sh JAVA_HOME APP_TARGET OUT VERSION
#
# JAVA_HOME: the JDK (21+; jlink without jmods needs 24+ built with a linkable runtime, as Temurin 25 is).
# APP_TARGET: ijoka-app/target (ijoka.jar, ijoka.version, lib/). OUT: where the work and the packages go.
# VERSION: the project version; jpackage wants numbers only, so 0.1.0-SNAPSHOT is packaged as 0.1.0.
#
# Steps: (1) the app's jars, rewritten stored and with SQLite's native library for this platform only
# (RepackJars.java); (2) the modules the app needs, found by jdeps; (3) a runtime of those modules by jlink;
# (4) an app image by jpackage, plus (Linux) the `ijoka` command-line launcher; (5) the package(s).
set -euo pipefail

jdk="$1"
app_target="$2"
out="$3"
version="${4%%-*}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../../.." && pwd)"
bin="$jdk/bin"

case "$(uname -s)" in
  Linux) os=linux; sqlite_os=Linux ;;
  Darwin) os=mac; sqlite_os=Mac ;;
  MINGW* | MSYS* | CYGWIN*) os=windows; sqlite_os=Windows ;;
  *) echo "build.sh: no installer for $(uname -s)" >&2; exit 1 ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) sqlite_arch=x86_64 ;;
  aarch64 | arm64) sqlite_arch=aarch64 ;;
  *) echo "build.sh: no installer for $(uname -m)" >&2; exit 1 ;;
esac

rm -rf "$out/input" "$out/runtime" "$out/image" "$out/packages"
mkdir -p "$out/input" "$out/packages"

# (1) The app: ijoka.jar (its manifest's Class-Path names lib/*.jar) and the launcher's version file as built; the
# libraries stored, for the package's own compression.
cp "$app_target/ijoka.jar" "$app_target/ijoka.version" "$out/input/"
"$bin/java" "$here/RepackJars.java" "$app_target/lib" "$out/input/lib" "$sqlite_os/$sqlite_arch"

# (2) The modules, as jdeps finds them in every class the app and its libraries have (for Java 25's view of
# multi-release jars). Nothing is added by hand: the checks in .ci/run run every face on this runtime.
sep=":"
[ "$os" = windows ] && sep=";"
classpath=""
for jar in "$out/input/lib/"*.jar; do
  [ "$os" = windows ] && jar="$(cygpath -w "$jar")" # jdeps is a Windows program: C:\... paths, ; between
  classpath="${classpath:+$classpath$sep}$jar"
done
modules="$("$bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 25 --recursive \
  --class-path "$classpath" "$out/input/ijoka.jar" | tail -n 1)"
echo "build.sh: modules (jdeps): $modules"
echo "$modules" >"$out/modules.txt"

# (3) The runtime. No --compress: the package compresses the whole (xz in a .deb), and it compresses the plain
# module image to 25 MB where a zip-9 image stays 40 MB (measured, docs/installer.md); an uncompressed image
# also loads classes faster. The default CDS archive (--generate-cds-archive) is what the launcher's start-up
# caches build on; its twin for heaps over 32 GB (classes_nocoops.jsa) is dropped: 14 MB for no real user.
"$bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --generate-cds-archive \
  --output "$out/runtime"
rm -f "$out/runtime/lib/server/classes_nocoops.jsa" "$out/runtime/bin/server/classes_nocoops.jsa"

# (4) The app image. Its own launcher (bin/Ijoka, Ijoka.app, Ijoka.exe) opens the desktop app, with the flags the
# ./ijoka launcher gives the desktop face (a small G1 heap that shrinks when idle; C1 only).
common=(--name Ijoka --app-version "$version" --vendor "Ijoka"
  --description "Keeps the plan of an AI-assisted software project; desktop app and ijoka command line")
icon=()
[ -f "$here/$os/Ijoka.png" ] && [ "$os" = linux ] && icon=(--icon "$here/$os/Ijoka.png")
"$bin/jpackage" --type app-image "${common[@]}" "${icon[@]}" --dest "$out/image" \
  --input "$out/input" --main-jar ijoka.jar --main-class dev.ijoka.app.Main --runtime-image "$out/runtime" \
  --arguments desktop \
  --java-options "-XX:TieredStopAtLevel=1 -XX:+UseG1GC -Xms16m -XX:G1PeriodicGCInterval=5000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 --enable-native-access=ALL-UNNAMED"

if [ "$os" = linux ]; then
  image="$out/image/Ijoka"
  # `ijoka`, the command line (every command, `ijoka desktop` too) on the bundled runtime: bin/ijoka runs the
  # repository's own launcher script, so that the start-up cache works exactly as in a checkout.
  mkdir -p "$image/lib/launcher/scripts"
  cp "$repo/ijoka" "$image/lib/launcher/ijoka"
  cp "$repo/scripts/find-java.sh" "$image/lib/launcher/scripts/find-java.sh"
  cp "$here/linux/ijoka" "$image/bin/ijoka"
  chmod 755 "$image/bin/ijoka" "$image/lib/launcher/ijoka"
  "$bin/jpackage" --type deb --app-image "$image" "${common[@]}" --dest "$out/packages" \
    --linux-package-name ijoka --install-dir /opt --resource-dir "$here/linux" \
    --linux-shortcut --linux-menu-group Development --linux-app-category devel
  deb="$(ls "$out/packages/"*.deb)"
  echo "build.sh: $deb, $(($(wc -c <"$deb") / 1024 / 1024)) MB"
elif [ "$os" = mac ]; then
  for type in dmg pkg; do
    "$bin/jpackage" --type "$type" --app-image "$out/image/Ijoka.app" "${common[@]}" --dest "$out/packages"
  done
else
  "$bin/jpackage" --type msi --app-image "$out/image/Ijoka" "${common[@]}" --dest "$out/packages" \
    --win-menu --win-shortcut --win-dir-chooser --win-upgrade-uuid 6f1c8a53-8a7e-4d5e-9a43-1d0c6f2e7b19
fi
ls -l "$out/packages"
