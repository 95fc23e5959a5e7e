#!/usr/bin/env bash
# Runs the JMH microbenchmarks and prints their results as Markdown tables.
#   jmh/run.sh                          every benchmark: 5 x 1 s warmup, 5 x 1 s measured (about 13 minutes)
#   jmh/run.sh ProviderFormat -p size=10000
#                                              JMH arguments are passed on (regexps select benchmarks)
#   JMH_RUN="-f 1 -wi 2 -w 1s -i 3 -r 1s" jmh/run.sh
#                                              a quick look (about 6 minutes); with 3 iterations JMH's
#                                              99.9% error bars are wide
#   JMH_RUN="-f 3 -wi 5 -i 10" jmh/run.sh   a longer, steadier configuration
# Builds jmh/target/benchmarks.jar when it is missing or older than the sources, and writes the
# raw results to jmh/target/results.json (or $RESULTS).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=../bin/select-jdk.sh
. bin/select-jdk.sh
chatstream_select_jdk

jar=jmh/target/benchmarks.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml schemas connectors pipeline jmh \
    \( -path '*/target' -o -path '*/src/test' \) -prune -o -type f -newer "$jar" -print -quit)" ]; then
  echo "Building $jar..." >&2
  ./mvnw -B -q -pl jmh -am -DskipTests package >&2
fi

results=${RESULTS:-jmh/target/results.json}
java_flags=()
if [ "$(chatstream_jdk_major "$JAVA_HOME")" -ge 24 ]; then
  # JMH 1.37 reads field offsets with sun.misc.Unsafe, which JDK 24+ warns about (forks inherit the flag)
  java_flags+=(--sun-misc-unsafe-memory-access=allow)
fi
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" "${java_flags[@]}" -jar "$jar" ${JMH_RUN:--f 1 -wi 5 -w 1s -i 5 -r 1s} \
  -rf json -rff "$results" "$@"
echo
"$JAVA_HOME/bin/java" -cp "$jar" dev.chatstream.benchmarks.report.ResultsTable "$results"
