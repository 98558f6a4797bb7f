#!/usr/bin/env bash
# Installs PostgreSQL from the Debian archive (when missing), starts the cluster, and creates the role and
# database that the integration tests use. Idempotent. Exports nothing: the caller sets
#   MICROCRED_TEST_PG_URL=jdbc:postgresql://127.0.0.1:5432/microcred_test?user=microcred&password=microcred
# Debian's PostgreSQL refuses to run as root, so every server command runs as the postgres user.
set -euo pipefail

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
  pg_createcluster "$version" main >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -qx online; then
  pg_ctlcluster "$version" main start
fi

for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q -h 127.0.0.1 -p 5432" && break
  sleep 1
done

su postgres -c "psql -v ON_ERROR_STOP=1 -q -d postgres" <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'microcred') THEN
    CREATE ROLE microcred LOGIN PASSWORD 'microcred';
  END IF;
END
$$;
SQL
if ! su postgres -c "psql -tAq -d postgres -c \"SELECT 1 FROM pg_database WHERE datname = 'microcred_test'\"" | grep -qx 1; then
  su postgres -c "createdb -O microcred microcred_test"
fi
echo "postgres: PostgreSQL $version ready on 127.0.0.1:5432, database microcred_test, role microcred"
