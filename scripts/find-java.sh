# find-java.sh: finds a Java 21 or newer, for ./ijoka (which runs on it) and ./mvnw (which builds with it).
# Sourced, not run; POSIX sh, so that both bash (ijoka) and sh (mvnw) can source it. Starts no program on
# the common path (a java whose JDK has a release file): every fork costs the launcher's every command.
#
# find_java [jdk]: looks at $JAVA_HOME, then at the java on the PATH, then under /usr/lib/jvm (and macOS's
# JavaVirtualMachines), and takes the first that is 21+ (of those directories, the newest). With "jdk", only
# a home that also has javac counts (a build needs the compiler). Sets FOUND_JAVA (the java executable),
# FOUND_JAVA_HOME and FOUND_JAVA_MAJOR, and returns 0; or returns 1, with FOUND_JAVA_TRIED listing what it
# looked at, one per line.
#
# find_java_failed WHO: says on stderr that none was found, what was tried and what to do.

# The feature version (17, 21, 25...) of the JDK or JRE at home $1, from its release file, into _jhm_major; "" if
# unknown. A variable, not output: $(...) would fork a subshell on every run of ./ijoka.
java_home_major() {
  _jhm_version=""
  if [ -f "$1/release" ]; then
    while IFS= read -r _jhm_line || [ -n "$_jhm_line" ]; do
      case "$_jhm_line" in
      JAVA_VERSION=*)
        _jhm_version="${_jhm_line#JAVA_VERSION=}"
        _jhm_version="${_jhm_version#\"}"
        _jhm_version="${_jhm_version%\"}"
        break
        ;;
      esac
    done <"$1/release"
  fi
  _jhm_version="${_jhm_version#1.}"
  _jhm_major="${_jhm_version%%[.+_-]*}"
}

# The home of the java executable $1 (the directory above its bin), into _jh_home: by string alone, no subshell. A
# home reached through a symlinked directory is still found by its release file, or else by asking java itself.
java_home_of() {
  _jh_home="${1%/*}"
  _jh_home="${_jh_home%/*}"
}

# Whether $1 is a whole number.
java_is_number() {
  case "$1" in
  '' | *[!0-9]*) return 1 ;;
  *) return 0 ;;
  esac
}

# Tries the java executable $1 (and the home it lives in); sets FOUND_* if it is 21+ (with javac, for "jdk").
java_consider() {
  [ -z "${FOUND_JAVA:-}" ] && [ -x "$1" ] || return 0
  _jc_exe="$1"
  java_home_of "$_jc_exe"
  _jc_home="$_jh_home"
  java_home_major "$_jc_home"
  _jc_major="$_jhm_major"
  if [ -z "$_jc_major" ] && [ -L "$_jc_exe" ]; then
    # /usr/bin/java -> /etc/alternatives/java -> /usr/lib/jvm/.../bin/java
    _jc_exe="$(readlink -f "$_jc_exe")"
    java_home_of "$_jc_exe"
    _jc_home="$_jh_home"
    java_home_major "$_jc_home"
    _jc_major="$_jhm_major"
  fi
  if [ -z "$_jc_major" ]; then
    _jc_major="$("$_jc_exe" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)"
    _jc_major="${_jc_major#1.}"
    _jc_major="${_jc_major%%[.+_-]*}"
  fi
  FOUND_JAVA_TRIED="${FOUND_JAVA_TRIED:-}  tried: $1 (${_jc_major:-unknown version})
"
  if java_is_number "$_jc_major" && [ "$_jc_major" -ge 21 ]; then
    if [ "$_java_need" = jdk ] && [ ! -x "$_jc_home/bin/javac" ]; then
      FOUND_JAVA_TRIED="${FOUND_JAVA_TRIED}    (a runtime without javac: a build needs a JDK)
"
      return 0
    fi
    FOUND_JAVA="$_jc_exe"
    FOUND_JAVA_HOME="$_jc_home"
    FOUND_JAVA_MAJOR="$_jc_major"
  fi
}

find_java() {
  _java_need="${1:-}"
  FOUND_JAVA="" FOUND_JAVA_HOME="" FOUND_JAVA_MAJOR="" FOUND_JAVA_TRIED=""
  [ -n "${JAVA_HOME:-}" ] && java_consider "$JAVA_HOME/bin/java"
  if [ -z "$FOUND_JAVA" ] && _fj_exe="$(command -v java 2>/dev/null)"; then
    java_consider "$_fj_exe"
  fi
  if [ -z "$FOUND_JAVA" ]; then
    # The newest 21+ installed in the usual places (with globbing on: mvnw runs with set -f).
    _fj_best="" _fj_best_major=0 _fj_noglob=""
    case "$-" in *f*) _fj_noglob=1 && set +f ;; esac
    for _fj_home in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
      [ -x "$_fj_home/bin/java" ] || continue
      java_home_major "$_fj_home"
      _fj_major="$_jhm_major"
      FOUND_JAVA_TRIED="${FOUND_JAVA_TRIED}  tried: $_fj_home/bin/java (${_fj_major:-unknown version})
"
      java_is_number "$_fj_major" || continue
      [ "$_java_need" = jdk ] && [ ! -x "$_fj_home/bin/javac" ] && continue
      if [ "$_fj_major" -ge 21 ] && [ "$_fj_major" -gt "$_fj_best_major" ]; then
        _fj_best="$_fj_home" _fj_best_major="$_fj_major"
      fi
    done
    [ -z "$_fj_noglob" ] || set -f
    if [ -n "$_fj_best" ]; then
      FOUND_JAVA="$_fj_best/bin/java" FOUND_JAVA_HOME="$_fj_best" FOUND_JAVA_MAJOR="$_fj_best_major"
    fi
  fi
  [ -n "$FOUND_JAVA" ]
}

find_java_failed() {
  {
    echo "$1: needs Java 21 or newer${_java_need:+ (a JDK)}, and found none."
    printf '%s' "$FOUND_JAVA_TRIED"
    echo "  Install a JDK 21+ (e.g. 'sudo apt install openjdk-21-jdk-headless', or from adoptium.net)"
    echo "  and set JAVA_HOME to it."
  } >&2
}
