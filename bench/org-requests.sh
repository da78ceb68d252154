#!/usr/bin/env bash
# SQL statements and median time per request for the signed-in calls of "Organisation at 1,000 agencies"
# (docs/benchmarks.md). The application must run with the PostgreSQL driver's protocol trace in a log file:
#   --logging.level.org.postgresql.core.v3.QueryExecutorImpl=trace --logging.file.name=$LOG
# Statements are the driver's CommandStatus replies (BEGIN/COMMIT/ROLLBACK/SET not counted) logged while
# COUNT requests run one after another, divided by COUNT. Times are curl's time_total over TIMED requests,
# measured with the trace switched off (a second run of the application, or TRACE_OFF=1 below).
# usage: bench/org-requests.sh BASE_URL LOG [TOKEN]
set -euo pipefail
BASE=${1:-http://localhost:8080}
LOG=${2:-/dev/null}
TOKEN=${3:-}
COUNT=${COUNT:-10}
TIMED=${TIMED:-30}
PASS=motcua@2026
JAR=$(mktemp -d)

login() { # form login, keeps the session cookie in $JAR/$1
  local user=$1 csrf
  csrf=$(curl -s -c "$JAR/$user" -b "$JAR/$user" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
  curl -s -o /dev/null -c "$JAR/$user" -b "$JAR/$user" -d "username=$user&password=$PASS&_csrf=$csrf" "$BASE/login"
}

statements() { grep -a 'BE CommandStatus(' "$LOG" 2>/dev/null | grep -avcE 'CommandStatus\((BEGIN|COMMIT|ROLLBACK|SET)' || true; }

measure() { # name, then curl arguments
  local name=$1; shift
  for i in 1 2 3 4 5; do curl -s -o /dev/null "$@"; done
  local before after times
  before=$(statements)
  for ((i = 0; i < COUNT; i++)); do curl -s -o /dev/null "$@"; done
  sleep 0.5
  after=$(statements)
  times=$(for ((i = 0; i < TIMED; i++)); do curl -s -o /dev/null -w '%{time_total}\n' "$@"; done | sort -n)
  local median
  median=$(echo "$times" | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' "$@")
  local per=n/a
  ((COUNT > 0)) && per=$(printf '%.1f' "$(echo "($after - $before) / $COUNT" | bc -l)")
  printf '%-40s %4s %8s statements %8.1f ms median\n' "$name" "$status" "$per" "$(echo "$median * 1000" | bc -l)"
}

CAL="$BASE/api/v1/calendar/working-days/add?date=2026-03-02&days=5"
measure "calendar API, anonymous" "$CAL"
measure "calendar API, Basic admin" -u "admin:$PASS" "$CAL"
measure "/api/v1/me, Basic admin" -u "admin:$PASS" "$BASE/api/v1/me"
measure "/api/v1/me, Basic tn.ttpvhcc" -u "tn.ttpvhcc:$PASS" "$BASE/api/v1/me"
if [[ -n "$TOKEN" ]]; then
  measure "calendar API, Bearer token (admin)" -H "Authorization: Bearer $TOKEN" "$CAL"
  measure "/api/v1/me, Bearer token (admin)" -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/me"
fi
measure "public home page, anonymous" "$BASE/"
login tn.ttpvhcc
measure "home page, DESK_OFFICER (session)" -b "$JAR/tn.ttpvhcc" "$BASE/"
login admin
measure "home page, ADMIN (session)" -b "$JAR/admin" "$BASE/"
measure "/admin/agencies, ADMIN (session)" -b "$JAR/admin" "$BASE/admin/agencies"
measure "/admin/staff, ADMIN (session)" -b "$JAR/admin" "$BASE/admin/staff"
rm -rf "$JAR"
