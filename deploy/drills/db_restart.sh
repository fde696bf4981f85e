#!/usr/bin/env bash
# Drill: restart PostgreSQL under load and check that the app recovers by itself.
#
# gunicorn serves the site with persistent, health-checked database connections (dateline/config.py) while wrk
# loads it in three phases: before, during (PostgreSQL restarts a few seconds in) and after. Requests caught by the
# restart itself may fail (503: the database is down); every request of the "after" phase must succeed, with no
# restart of the app. Exit status 0 when they all did.
#
# By default the drill makes a private PostgreSQL cluster in a temporary folder on DRILL_PG_PORT (5499), so it
# restarts nothing that anyone else uses; it needs the server binaries (/usr/lib/postgresql/*/bin) and root (it
# runs them as the postgres user). On a staging machine, point it at a migrated database and say how to restart it:
#   DATABASE_URL=postgres://... RESTART_COMMAND="systemctl restart postgresql" deploy/drills/db_restart.sh
# Here, one benchmark at a time: flock /tmp/bench.lock deploy/drills/db_restart.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

PHASE_SECONDS="${PHASE_SECONDS:-8}"
APP_PORT="${APP_PORT:-8799}"
DRILL_PG_PORT="${DRILL_PG_PORT:-5499}"
WORKERS="${WORKERS:-3}"
URL="http://127.0.0.1:$APP_PORT/"
BIN=.venv/bin
work=$(mktemp -d /tmp/dateline-drill.XXXXXX)
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -n "${PGBIN:-}" ] && [ -d "$work/pgdata" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$work/pgdata" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${RESTART_COMMAND:-}" ]; then
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  mkdir -p "$work/pgdata" && chown postgres "$work" "$work/pgdata"
  runuser -u postgres -- "$PGBIN/initdb" -D "$work/pgdata" -A trust -U postgres >/dev/null
  pg_start() {
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$work/pgdata" -l "$work/pg.log" -w \
      -o "-p $DRILL_PG_PORT -k $work -c listen_addresses=127.0.0.1" start >/dev/null
  }
  pg_start
  RESTART_COMMAND="runuser -u postgres -- $PGBIN/pg_ctl -D $work/pgdata -m fast -w restart -o '-p $DRILL_PG_PORT -k $work -c listen_addresses=127.0.0.1'"
  export DATABASE_URL="postgres://postgres@127.0.0.1:$DRILL_PG_PORT/dateline_drill"
  runuser -u postgres -- "$PGBIN/createdb" -h 127.0.0.1 -p "$DRILL_PG_PORT" dateline_drill
  echo "drill: migrating a private database on port $DRILL_PG_PORT"
  DEBUG=true "$BIN/python" manage.py migrate --no-input >/dev/null
fi

echo "drill: gunicorn, $WORKERS workers, on $URL"
DEBUG=false SECRET_KEY="database-restart-drill-only-0123456789abcdefghijklmnopqrstuvwxyz" SITE_URL="http://127.0.0.1:$APP_PORT" \
  PAGE_CACHE=false DB_CONN_MAX_AGE=600 VAR_DIR="$work/var" \
  "$BIN/gunicorn" dateline.wsgi --workers "$WORKERS" --bind "127.0.0.1:$APP_PORT" --log-level warning \
  2>"$work/gunicorn.log" &
pids+=($!)
for _ in $(seq 1 120); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL")" = 200 ] && break
  sleep 0.5
done

phase() {  # name: wrk for PHASE_SECONDS, then "name requests failed"
  local out
  out=$(wrk -t2 -c8 -d"${PHASE_SECONDS}s" "$URL")
  # wrk prints "Non-2xx or 3xx responses: N" and "Socket errors: connect A, read B, write C, timeout D" only
  # when there were any.
  echo "$out" | awk -v name="$1" '
    /requests in/ { total = $1 }
    /Non-2xx or 3xx responses:/ { failed += $NF }
    /Socket errors:/ { gsub(/,/, ""); failed += $4 + $6 + $8 + $10 }
    END { print name, total + 0, failed + 0 }'
}

read -r _ before_total before_failed < <(phase before)
( sleep $(( PHASE_SECONDS / 3 )); echo "drill: restarting PostgreSQL"; eval "$RESTART_COMMAND" >/dev/null ) &
pids+=($!)
read -r _ during_total during_failed < <(phase during)
wait "${pids[-1]}" 2>/dev/null || true
read -r _ after_total after_failed < <(phase after)

echo "drill: before the restart  $before_total requests, $before_failed failed"
echo "drill: during the restart  $during_total requests, $during_failed failed (the database was down)"
echo "drill: after the restart   $after_total requests, $after_failed failed"
if [ "$before_failed" -ne 0 ] || [ "$after_failed" -ne 0 ] || [ "$after_total" -eq 0 ]; then
  echo "drill: FAILED: the app did not recover by itself (see $work/gunicorn.log)" >&2
  trap - EXIT; for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  exit 1
fi
echo "drill: passed: every request after the restart succeeded, without restarting the app"
