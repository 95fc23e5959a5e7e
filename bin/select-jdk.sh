# Sourced by ./chatstream and .ci/run: points JAVA_HOME at the newest JDK (21 or newer) on this machine.
# Looks at $JAVA_HOME, the java on PATH and the usual install folders; fails clearly when none fits.

chatstream_jdk_major() {
  local home=$1 version
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
  if [ -f "$home/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  fi
  if [ -z "$version" ]; then
    version=$("$home/bin/java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  version=${version#1.}
  echo "${version%%[.+-]*}"
}

chatstream_select_jdk() {
  local candidates=() best="" best_major=0 home major java_on_path
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if java_on_path=$(command -v java 2>/dev/null); then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$java_on_path")")")")
  fi
  for home in /usr/lib/jvm/* /opt/java/* /opt/*jdk* /usr/local/*jdk* "$HOME"/.sdkman/candidates/java/* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$home" ] && candidates+=("$home")
  done
  for home in "${candidates[@]}"; do
    home=$(readlink -f "$home")
    major=$(chatstream_jdk_major "$home") || continue
    [[ "$major" =~ ^[0-9]+$ ]] || continue
    if [ "$major" -gt "$best_major" ]; then best=$home; best_major=$major; fi
  done
  if [ "$best_major" -lt 21 ]; then
    echo "chatstream needs a JDK 21 or newer; none was found (newest seen: ${best_major:-none})." >&2
    echo "Install one (for example Temurin 21+) or set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
}
