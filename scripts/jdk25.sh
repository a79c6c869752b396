# Sourced by scripts that run Maven or java (bench-search.sh, bench-vs-faiss.sh, measure-startup.sh): exports
# JAVA_HOME and puts its bin/ first on PATH, using the first JDK 25 or newer among $JAVA_HOME,
# /usr/lib/jvm/temurin-25-jdk-amd64, other /usr/lib/jvm/*25* directories and the `java` on PATH.
# With none found it prints one line and exits 1 (the project is built for Java 25; a JDK 17 fails to build it).

_jdk_major() { # prints the feature version of the java launcher in $1, or nothing
  local v
  v=$("$1" -version 2>&1 | awk -F'"' '/version "/{print $2; exit}') || return 0
  case "$v" in
    1.*) echo "${v#1.}" | cut -d. -f1 ;;
    *) echo "${v%%[.+-]*}" ;;
  esac
}

_select_jdk25() {
  local c m
  for c in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25*; do
    [ -n "$c" ] && [ -x "$c/bin/java" ] || continue
    m=$(_jdk_major "$c/bin/java")
    if [ -n "$m" ] && [ "$m" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$c" PATH="$c/bin:$PATH"
      return 0
    fi
  done
  if c=$(command -v java 2>/dev/null); then
    m=$(_jdk_major "$c")
    if [ -n "$m" ] && [ "$m" -ge 25 ] 2>/dev/null; then
      c=$(dirname "$(dirname "$(readlink -f "$c")")")
      export JAVA_HOME="$c" PATH="$c/bin:$PATH"
      return 0
    fi
  fi
  echo "no JDK 25 found (tried \$JAVA_HOME, /usr/lib/jvm/*25* and java on PATH): install one or set JAVA_HOME" >&2
  exit 1
}

_select_jdk25
