#!/usr/bin/env bash
# Local Apache Kafka (KRaft, single node, loopback): fetch the pinned jars from Maven Central,
# format the storage once, start, health-check, stop by pid.
#   deploy/kafka/kafka.sh fetch|up|down|status|logs
# Environment: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), KAFKA_HOME (.local/kafka),
# KAFKA_HEAP (512m), PYTHON (.venv/bin/python, used for the health check).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
KAFKA_VERSION=4.1.1
KAFKA_HOME=${KAFKA_HOME:-$ROOT/.local/kafka}
PORT=${KAFKA_PORT:-9092}
CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
HEAP=${KAFKA_HEAP:-512m}
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
LIBS=$KAFKA_HOME/libs-$KAFKA_VERSION
DATA=$KAFKA_HOME/data
LOGS=$KAFKA_HOME/logs
PIDFILE=$KAFKA_HOME/kafka.pid
CONF=$KAFKA_HOME/server.properties

say() { printf 'kafka: %s\n' "$*" >&2; }

running_pid() {
  [[ -f $PIDFILE ]] || return 1
  local pid
  pid=$(cat "$PIDFILE")
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

fetch() {
  if [[ -f $LIBS/.complete ]]; then
    return 0
  fi
  command -v mvn >/dev/null || { say "Maven (mvn) is needed to fetch Kafka jars"; exit 1; }
  command -v java >/dev/null || { say "Java 17+ is needed to run Kafka"; exit 1; }
  say "fetching Apache Kafka $KAFKA_VERSION jars from Maven Central (first run only)..."
  local t0=$SECONDS
  mkdir -p "$LIBS"
  if ! mvn -B -Dstyle.color=never -f "$HERE/pom.xml" dependency:copy-dependencies \
      -DoutputDirectory="$LIBS" -DincludeScope=runtime >"$KAFKA_HOME/maven.log" 2>&1; then
    tail -n 30 "$KAFKA_HOME/maven.log" >&2
    say "Maven could not fetch the jars (full log: ${KAFKA_HOME#"$ROOT"/}/maven.log)"
    exit 1
  fi
  touch "$LIBS/.complete"
  say "fetched $(ls "$LIBS" | wc -l) jars in $((SECONDS - t0))s into ${LIBS#"$ROOT"/}"
}

java_cmd() {
  java -Xms"$HEAP" -Xmx"$HEAP" -XX:+UseG1GC \
    -Dlog4j2.configurationFile="$HERE/log4j2.properties" -Dkafka.logs.dir="$LOGS" \
    -cp "$LIBS/*" "$@"
}

configure() {
  mkdir -p "$DATA" "$LOGS"
  sed -e "s|@PORT@|$PORT|g" -e "s|@CONTROLLER_PORT@|$CONTROLLER_PORT|g" -e "s|@DATA_DIR@|$DATA|g" \
    "$HERE/server.properties.in" >"$CONF"
  if [[ ! -f $DATA/meta.properties ]]; then
    say "formatting KRaft storage in ${DATA#"$ROOT"/}"
    java_cmd kafka.tools.StorageTool format -t "$(java_cmd kafka.tools.StorageTool random-uuid)" \
      -c "$CONF" >/dev/null
  fi
}

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

up() {
  if pid=$(running_pid); then
    say "already running (pid $pid) on 127.0.0.1:$PORT"
    return 0
  fi
  for p in "$PORT" "$CONTROLLER_PORT"; do
    if port_taken "$p"; then
      # another checkout's broker (or any other program) answers there: starting ours would
      # fail in the background while the health check talks to theirs
      say "127.0.0.1:$p is already in use by another process; stop it, or set KAFKA_PORT / KAFKA_CONTROLLER_PORT"
      exit 1
    fi
  done
  fetch
  configure
  say "starting broker on 127.0.0.1:$PORT (logs: ${LOGS#"$ROOT"/}/server.log)"
  nohup java -Xms"$HEAP" -Xmx"$HEAP" -XX:+UseG1GC \
    -Dlog4j2.configurationFile="$HERE/log4j2.properties" -Dkafka.logs.dir="$LOGS" \
    -cp "$LIBS/*" kafka.Kafka "$CONF" >"$LOGS/stdout.log" 2>&1 &
  echo $! >"$PIDFILE"
  if [[ -x $PYTHON ]]; then
    "$PYTHON" -m services.cli.main broker wait --bootstrap "127.0.0.1:$PORT" --timeout 90 || {
      say "broker did not become ready; last log lines:"
      tail -n 20 "$LOGS/server.log" >&2 || true
      exit 1
    }
  fi
  say "ready on 127.0.0.1:$PORT (pid $(cat "$PIDFILE"))"
}

down() {
  if ! pid=$(running_pid); then
    say "not running"
    rm -f "$PIDFILE"
    return 0
  fi
  say "stopping broker (pid $pid)"
  kill "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$PIDFILE"; say "stopped"; return 0; }
    sleep 0.5
  done
  say "broker did not stop in 30s; killing it"
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$PIDFILE"
}

status() {
  if pid=$(running_pid); then
    say "running (pid $pid) on 127.0.0.1:$PORT"
  else
    say "not running"
    return 1
  fi
}

case "${1:-}" in
  fetch) fetch ;;
  up) up ;;
  down) down ;;
  status) status ;;
  reset) down; rm -rf "$DATA"; say "storage wiped" ;;
  logs) tail -n "${2:-50}" "$LOGS/server.log" ;;
  *) echo "usage: $0 fetch|up|down|status|reset|logs" >&2; exit 2 ;;
esac
