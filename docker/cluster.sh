#!/usr/bin/env bash
# The production topology from processes, on one machine (the same as docker/compose.yaml, without containers):
# a PostgreSQL primary and a streaming replica (pg_basebackup -R), two Payara Micro nodes clustered through
# Hazelcast (sessions replicated), and HAProxy in front probing /health/ready.
#
#   docker/cluster.sh start            build first: mvn -DskipTests package
#   docker/cluster.sh databases        only the primary and the replica (to load data before the nodes start)
#   docker/cluster.sh stop
#   docker/cluster.sh stop-node 1|2    stops one node (the balancer sends its clients to the other)
#   docker/cluster.sh kill-node 1|2    kills one node, as a crash would (SIGKILL)
#   docker/cluster.sh start-node 1|2
#   docker/cluster.sh status
#
# Settings (environment): TP_CLUSTER_DIR (target/cluster: databases, logs, pid files), TP_CLUSTER_PG_PORT (55432),
# TP_CLUSTER_REPLICA_PORT (55433), TP_CLUSTER_NODE1_PORT (8181), TP_CLUSTER_NODE2_PORT (8182),
# TP_CLUSTER_LB_PORT (8180), TP_CLUSTER_HZ_PORT (5910; node 2 uses the next), TP_CLUSTER_HEAP (768m),
# TP_CLUSTER_REPLICA (true; false: no replica, the nodes read the primary), TP_CLUSTER_NODE1_READS and
# TP_CLUSTER_NODE2_READS (replica, or primary: that node reads the primary only; for comparisons). Every other TP_* variable (TP_DEMO,
# TP_ADMIN_PASSWORD, ...) is passed to the nodes as it is. The databases are this script's own (initdb in
# TP_CLUSTER_DIR), never a PostgreSQL that runs already. PostgreSQL binaries: /usr/lib/postgresql/*/bin.
set -euo pipefail
cd "$(dirname "$0")/.."

DIR=$(realpath -m "${TP_CLUSTER_DIR:-target/cluster}")
PG_PORT=${TP_CLUSTER_PG_PORT:-55432}
REPLICA_PORT=${TP_CLUSTER_REPLICA_PORT:-55433}
NODE1_PORT=${TP_CLUSTER_NODE1_PORT:-8181}
NODE2_PORT=${TP_CLUSTER_NODE2_PORT:-8182}
LB_PORT=${TP_CLUSTER_LB_PORT:-8180}
HZ_PORT=${TP_CLUSTER_HZ_PORT:-5910}
HEAP=${TP_CLUSTER_HEAP:-768m}
REPLICA=${TP_CLUSTER_REPLICA:-true}
JAR=$(realpath -m "${TP_CLUSTER_JAR:-target/payara-micro.jar}")
WAR=$(realpath -m "${TP_CLUSTER_WAR:-target/talent-pipeline.war}")
BOOT=$(realpath -m src/main/payara/pre-boot-commands.txt)
PGBIN=${TP_CLUSTER_PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}

log() { echo "cluster: $*" >&2; }

# PostgreSQL refuses to run as root: as root, its commands run as the postgres user
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() { # data directory, port
  if "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$2"; then return 0; fi
  as_pg "$PGBIN/pg_ctl" -D "$1" -l "$1.log" -w -t 60 \
    -o "-p $2 -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=200 -c jit=off" start >/dev/null
}

pg_stop() {
  if [ -f "$1/postmaster.pid" ]; then
    as_pg "$PGBIN/pg_ctl" -D "$1" -m fast -w stop >/dev/null || true
  fi
}

databases() {
  mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$DIR"
  if [ ! -d "$DIR/primary" ]; then
    log "initdb $DIR/primary"
    as_pg "$PGBIN/initdb" -D "$DIR/primary" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    # replication from the loopback interface, as initdb's trust configuration allows it
    echo "host replication all 127.0.0.1/32 trust" | as_pg tee -a "$DIR/primary/pg_hba.conf" >/dev/null
  fi
  pg_start "$DIR/primary" "$PG_PORT"
  "$PGBIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qAtc "select 1 from pg_database where datname = 'talent'" \
    | grep -q 1 || "$PGBIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres talent
  if [ "$REPLICA" = true ]; then
    if [ ! -d "$DIR/replica" ]; then
      log "pg_basebackup -R into $DIR/replica"
      as_pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$PG_PORT" -U postgres -D "$DIR/replica" -R -X stream -c fast
    fi
    pg_start "$DIR/replica" "$REPLICA_PORT"
  fi
}

node_port() { if [ "$1" = 1 ]; then echo "$NODE1_PORT"; else echo "$NODE2_PORT"; fi; }

start_node() { # 1 or 2
  local n=$1 port
  port=$(node_port "$n")
  # TP_NODE: each node's own name (both run on one host, whose name would otherwise be theirs)
  local env=(TP_NODE="node$n" TP_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/talent" TP_DB_USER=postgres TP_DB_PASSWORD=)
  local reads_var="TP_CLUSTER_NODE${n}_READS"
  if [ "$REPLICA" = true ] && [ "${!reads_var:-replica}" = replica ]; then
    env+=(TP_DB_READ_URL="jdbc:postgresql://127.0.0.1:$REPLICA_PORT/talent")
  fi
  log "node $n on port $port"
  # members found by TCP/IP on the loopback interface; no host-aware partitioning, or both nodes on one host would
  # keep no backup of each other's sessions
  nohup env "${env[@]}" java "-Xmx$HEAP" -jar "$JAR" --name "node$n" --clustername "talent-$LB_PORT" \
    --clustermode "tcpip:127.0.0.1:$HZ_PORT,127.0.0.1:$((HZ_PORT + 1))" --interfaces 127.0.0.1 \
    --startport "$((HZ_PORT + n - 1))" --nohostaware --port "$port" --contextroot / --prebootcommandfile "$BOOT" \
    --deploy "$WAR" >"$DIR/node$n.log" 2>&1 &
  echo $! >"$DIR/node$n.pid"
}

stop_node() {
  local pidfile="$DIR/node$1.pid"
  if [ -f "$pidfile" ]; then
    local pid
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pidfile"
  fi
}

await_ready() { # port, seconds
  local until=$((SECONDS + $2))
  while [ $SECONDS -lt $until ]; do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/health/ready" || true)" = 200 ]; then
      return 0
    fi
    sleep 2
  done
  log "port $1 not ready within $2 s"
  return 1
}

balancer() {
  if ! command -v haproxy >/dev/null 2>&1; then
    log "haproxy is not installed (apt-get install haproxy)"
    return 1
  fi
  cat >"$DIR/haproxy.cfg" <<CFG
global
  maxconn 2000
  pidfile $DIR/haproxy.pid
defaults
  mode http
  timeout connect 5s
  timeout client 60s
  timeout server 60s
  # a request to a node that has just died goes to the other one (the session is in the data grid)
  option redispatch 1
  retries 3
  retry-on all-retryable-errors
frontend talent
  bind 127.0.0.1:$LB_PORT
  default_backend nodes
backend nodes
  balance roundrobin
  # a node answers 200 on /health/ready only while its database answers; sessions stick to a node (TPNODE), and
  # follow the other node when theirs is down (the session is in the data grid)
  option httpchk GET /health/ready
  http-check expect status 200
  cookie TPNODE insert indirect nocache httponly
  server node1 127.0.0.1:$NODE1_PORT check inter 2s fall 2 rise 1 cookie n1
  server node2 127.0.0.1:$NODE2_PORT check inter 2s fall 2 rise 1 cookie n2
CFG
  haproxy -D -f "$DIR/haproxy.cfg"
}

case "${1:-}" in
  databases)
    databases
    ;;
  start)
    [ -f "$JAR" ] && [ -f "$WAR" ] || { log "build first: mvn -DskipTests package"; exit 1; }
    databases
    # both at once: one migrates the schema while the other waits for Flyway's lock, and the demo data is seeded once
    # (DemoData locks a row first)
    start_node 1
    start_node 2
    await_ready "$NODE1_PORT" "${TP_CLUSTER_WAIT:-420}"
    await_ready "$NODE2_PORT" "${TP_CLUSTER_WAIT:-420}"
    balancer
    await_ready "$LB_PORT" 30
    cat >"$DIR/ports.env" <<PORTS
PG_PORT=$PG_PORT
REPLICA_PORT=$REPLICA_PORT
NODE1_PORT=$NODE1_PORT
NODE2_PORT=$NODE2_PORT
LB_PORT=$LB_PORT
PORTS
    log "ready: http://127.0.0.1:$LB_PORT (nodes $NODE1_PORT, $NODE2_PORT; primary $PG_PORT, replica $REPLICA_PORT)"
    ;;
  stop)
    [ -f "$DIR/haproxy.pid" ] && { kill "$(cat "$DIR/haproxy.pid")" 2>/dev/null || true; rm -f "$DIR/haproxy.pid"; }
    stop_node 2
    stop_node 1
    pg_stop "$DIR/replica"
    pg_stop "$DIR/primary"
    ;;
  stop-node)
    stop_node "${2:?node 1 or 2}"
    ;;
  kill-node)
    pidfile="$DIR/node${2:?node 1 or 2}.pid"
    [ -f "$pidfile" ] && { kill -9 "$(cat "$pidfile")" 2>/dev/null || true; rm -f "$pidfile"; }
    ;;
  start-node)
    start_node "${2:?node 1 or 2}"
    await_ready "$(node_port "$2")" "${TP_CLUSTER_WAIT:-300}"
    ;;
  status)
    for n in 1 2; do
      echo "node$n $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$(node_port $n)/health/ready" || true)"
    done
    echo "balancer $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$LB_PORT/health/ready" || true)"
    "$PGBIN/pg_isready" -h 127.0.0.1 -p "$PG_PORT" || true
    [ "$REPLICA" = true ] && { "$PGBIN/pg_isready" -h 127.0.0.1 -p "$REPLICA_PORT" || true; }
    ;;
  *)
    echo "usage: $0 start|stop|stop-node N|kill-node N|start-node N|status" >&2
    exit 2
    ;;
esac
