#!/usr/bin/env bash
# Guichet à plusieurs instances sur cette machine, avec de vrais serveurs en bouclage (voir docs/grappe.md) :
#   deploy/local/grappe.sh            construit le jar, démarre la grappe, joue les deux scénarios, imprime les chiffres
#   deploy/local/grappe.sh demarrer   démarre seulement la grappe (arrêt : deploy/local/grappe.sh arreter)
#   deploy/local/grappe.sh bascule    démarre la grappe et joue seulement le scénario 2
#   deploy/local/grappe.sh jouer      joue les deux scénarios sur la grappe démarrée par « demarrer », puis l'arrête
# La grappe : PostgreSQL 15 primaire + secours en réplication en flux synchrone (binaires Debian postgresql-15 pour
# les deux), trois instances Guichet (jar), HAProxy devant elles (sonde /actuator/health/readiness), un puits SMTP,
# un serveur S3 (s3proxy, jar de Maven Central) où vont les pièces, clamd (Debian clamav-daemon) qui les analyse.
# Pendant les scénarios, des usagers déposent par un client HTTP scripté (parcours.py) et dans Chromium (Playwright,
# ParcoursGrappeNavigateur).
# Scénario 1 (instances) : des dépôts passent par HAProxy pendant que chaque instance est tuée (kill -9) puis relancée.
# Scénario 2 (bascule) : sous un flux de dépôts, le primaire est tué (kill -9), le secours promu ; Guichet le retrouve
# par son URL JDBC multi-hôtes (targetServerType=primary), sans redémarrage.
# Réglages : GRAPPE_DIR (défaut target/grappe), PORT_HAPROXY=18090, PORTS_GUICHET="18081 18082 18083",
#   PG_PRIMAIRE=56432, PG_SECOURS=56433, PORT_SMTP=12525, USAGERS=4 (parcours en parallèle), SANS_BUILD=1,
#   DEMARRAGE_MAX=300 (secondes d'attente d'une instance), PAUSE_DEPOTS=20 (secondes de dépôts entre deux coups),
#   PORT_S3=18900, PORT_CLAMD=13310, NAVIGATEURS=1 (usagers dans Chromium).
set -euo pipefail
cd "$(dirname "$0")/../.."
RACINE=$(pwd)
ACTION=${1:-tout}

GRAPPE_DIR=${GRAPPE_DIR:-$RACINE/target/grappe}
PORT_HAPROXY=${PORT_HAPROXY:-18090}
PORTS_GUICHET=(${PORTS_GUICHET:-18081 18082 18083})
PG_PRIMAIRE=${PG_PRIMAIRE:-56432}
PG_SECOURS=${PG_SECOURS:-56433}
PORT_SMTP=${PORT_SMTP:-12525}
USAGERS=${USAGERS:-4}
DEMARRAGE_MAX=${DEMARRAGE_MAX:-300}
PAUSE_DEPOTS=${PAUSE_DEPOTS:-20}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PORT_S3=${PORT_S3:-18900}
PORT_CLAMD=${PORT_CLAMD:-13310}
NAVIGATEURS=${NAVIGATEURS:-1}
SEAU=guichet-grappe
S3_IDENTITE=grappe
S3_SECRET=secret-de-la-grappe-0123456789
CLASSPATH_TESTS=$RACINE/target/grappe-classpath.txt
BASE=http://127.0.0.1:$PORT_HAPROXY
LOCAL=$RACINE/deploy/local
MOT_DE_PASSE="Grappe de Guichet 2026 !" # parcours.py's
PUITS=$GRAPPE_DIR/courriels
PG=$GRAPPE_DIR/pg
URL_JDBC="jdbc:postgresql://127.0.0.1:$PG_PRIMAIRE,127.0.0.1:$PG_SECOURS/guichet?targetServerType=primary&connectTimeout=3&socketTimeout=30"

log() { echo "[$(date -u +%H:%M:%S)] $*"; }

# PostgreSQL refuses to run as root: its processes run as the Debian user postgres when the script runs as root.
en_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_sur() { local port=$1; shift; "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d guichet -v ON_ERROR_STOP=1 "$@"; }

java21() {
  for j in "${JAVA_HOME:-}/bin/java" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    if [ -x "$j" ] && [ "$("$j" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}' | cut -d. -f1)" -ge 21 ]; then
      echo "$j"; return
    fi
  done
  echo "Java 21 ou plus introuvable" >&2; exit 1
}

verifier_outils() {
  local manque=()
  [ -x "$PG_BIN/pg_basebackup" ] && [ -x "$PG_BIN/postgres" ] || manque+=(postgresql-15)
  command -v haproxy >/dev/null || manque+=(haproxy)
  python3 -c "import requests" 2>/dev/null || manque+=(python3-requests)
  [ -x /usr/sbin/clamd ] || manque+=(clamav-daemon)
  [ -x /usr/bin/chromium ] || manque+=(chromium)
  if [ ${#manque[@]} -gt 0 ]; then
    echo "Paquets Debian manquants : ${manque[*]} (apt-get install ${manque[*]})" >&2; exit 1
  fi
}

# ------------------------------------------------------------------------------------------------ PostgreSQL
pg_conf() { # répertoire port nom
  cat >> "$1/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $2
unix_socket_directories = '$PG/sockets'
cluster_name = '$3'
wal_level = replica
max_wal_senders = 5
wal_keep_size = 512MB
hot_standby = on
synchronous_commit = on
synchronous_standby_names = 'FIRST 1 (secours)'
max_connections = 200
shared_buffers = 128MB
fsync = on
EOF
}

demarrer_postgres() {
  mkdir -p "$PG/sockets"
  [ "$(id -u)" = 0 ] && chown -R postgres "$PG"
  log "PostgreSQL primaire (port $PG_PRIMAIRE) : initdb"
  en_postgres "$PG_BIN/initdb" -D "$PG/primaire" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
  pg_conf "$PG/primaire" "$PG_PRIMAIRE" primaire
  en_postgres "$PG_BIN/pg_ctl" -D "$PG/primaire" -l "$PG/primaire.log" -w start >/dev/null
  # Until the standby is there, a commit waits for it: the database is created without synchronous wait.
  PGOPTIONS="-c synchronous_commit=local" "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PRIMAIRE" -U postgres -d postgres -qc "create database guichet"
  log "PostgreSQL secours (port $PG_SECOURS) : pg_basebackup du primaire, réplication en flux synchrone"
  en_postgres "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PG_PRIMAIRE" -U postgres -D "$PG/secours" -X stream -c fast -R
  cat >> "$PG/secours/postgresql.auto.conf" <<EOF
primary_conninfo = 'host=127.0.0.1 port=$PG_PRIMAIRE user=postgres application_name=secours'
EOF
  sed -i "s/^port = $PG_PRIMAIRE/port = $PG_SECOURS/; s/^cluster_name = 'primaire'/cluster_name = 'secours'/" "$PG/secours/postgresql.conf"
  en_postgres "$PG_BIN/pg_ctl" -D "$PG/secours" -l "$PG/secours.log" -w start >/dev/null
  for i in $(seq 1 60); do
    etat=$("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PRIMAIRE" -U postgres -d postgres -Atc \
      "select application_name || ' ' || sync_state from pg_stat_replication" || true)
    [ "$etat" = "secours sync" ] && break
    sleep 1
  done
  log "Réplication : $etat ($("$PG_BIN/postgres" --version))"
  [ "$etat" = "secours sync" ] || { echo "le secours n'est pas synchrone" >&2; exit 1; }
}

# ------------------------------------------------------------------------------------------------ Guichet
demarrer_instance() { # numéro (1..3)
  local n=$1 port=${PORTS_GUICHET[$(( $1 - 1 ))]}
  mkdir -p "$GRAPPE_DIR/instance-$n/tmp"
  env SPRING_DATASOURCE_URL="$URL_JDBC" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
    SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT="$PORT_SMTP" \
    PORT="$port" GUICHET_DATA_DIR="$GRAPPE_DIR/instance-$n" \
    GUICHET_STOCKAGE_TYPE=s3 GUICHET_STOCKAGE_S3_SEAU="$SEAU" GUICHET_STOCKAGE_S3_POINT_DE_TERMINAISON="http://127.0.0.1:$PORT_S3" \
    GUICHET_STOCKAGE_S3_CLE_ACCES="$S3_IDENTITE" GUICHET_STOCKAGE_S3_CLE_SECRETE="$S3_SECRET" \
    GUICHET_ANTIVIRUS_CLAMD_HOTE=127.0.0.1 GUICHET_ANTIVIRUS_CLAMD_PORT="$PORT_CLAMD" GUICHET_ANTIVIRUS_INTERVALLE=PT5S \
    GUICHET_COURRIEL_REPRISE_APRES=PT2M GUICHET_SERVICES_COORDONNEES_FICTIVES=true \
    GUICHET_QUOTAS_TELEVERSEMENTS_PAR_HEURE=100000 GUICHET_QUOTAS_BROUILLONS_PAR_COMPTE=100000 \
    GUICHET_URL_PUBLIQUE="$BASE" GUICHET_FORWARD_HEADERS=native GUICHET_EMBARQUE_FOURNISSEUR_IDENTITE_PORT=0 \
    GUICHET_OUTBOX_INTERVALLE=PT5S GUICHET_OUTBOX_RELANCE_APRES=PT30S GUICHET_DB_POOL=10 \
    MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED=true DB_SCHEDULER_SCHEDULER_NAME="guichet-$n" \
    "$JAVA" -Xmx512m -XX:TieredStopAtLevel=1 -Djava.io.tmpdir="$GRAPPE_DIR/instance-$n/tmp" -jar "$JAR" \
    >> "$GRAPPE_DIR/instance-$n.log" 2>&1 &
  echo $! > "$GRAPPE_DIR/instance-$n.pid"
  disown # its kill -9 is the scenario, not an incident for this shell to report
}

attendre_instance() { # numéro
  local n=$1 port=${PORTS_GUICHET[$(( $1 - 1 ))]} debut=$SECONDS
  while ! curl -fsS -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null; do
    kill -0 "$(cat "$GRAPPE_DIR/instance-$n.pid")" 2>/dev/null || { echo "instance $n arrêtée : $GRAPPE_DIR/instance-$n.log" >&2; exit 1; }
    [ $(( SECONDS - debut )) -lt "$DEMARRAGE_MAX" ] || { echo "instance $n pas prête en $DEMARRAGE_MAX s" >&2; exit 1; }
    sleep 1
  done
  log "instance $n prête (port $port) en $(( SECONDS - debut )) s"
}

demarrer_haproxy() {
  {
    cat <<EOF
global
    maxconn 2000
defaults
    mode http
    timeout connect 2s
    timeout client 120s
    timeout server 120s
    option httplog
    log stdout format raw local0 info
    retries 3
    option redispatch
    # A request that reached no instance (connection refused) goes to another one; a request already sent is never
    # replayed by HAProxy (a POST could otherwise be made twice): the client sees 502 and decides.
    retry-on conn-failure
frontend guichet
    bind 127.0.0.1:$PORT_HAPROXY
    default_backend instances
backend instances
    balance roundrobin
    option httpchk GET /actuator/health/readiness
    http-check expect status 200
    default-server inter 1s fall 2 rise 2 on-marked-down shutdown-sessions
EOF
    for i in 1 2 3; do echo "    server guichet-$i 127.0.0.1:${PORTS_GUICHET[$(( i - 1 ))]} check"; done
  } > "$GRAPPE_DIR/haproxy.cfg"
  haproxy -c -q -f "$GRAPPE_DIR/haproxy.cfg"
  haproxy -f "$GRAPPE_DIR/haproxy.cfg" > "$GRAPPE_DIR/haproxy.log" 2>&1 &
  echo $! > "$GRAPPE_DIR/haproxy.pid"
  log "HAProxy sur $BASE (répartition tour à tour, sans affinité de session)"
}

attendre_port() { # port nom
  for i in $(seq 1 120); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 1
  done
  echo "$2 n'écoute pas sur le port $1" >&2; exit 1
}

# S3: s3proxy (the jar from Maven Central, already a test dependency) on loopback, objects in a local directory;
# the bucket (a directory) made beforehand, as a ministry's bucket would be. AWS v4 signatures required.
demarrer_s3() {
  mkdir -p "$GRAPPE_DIR/s3/$SEAU"
  cat > "$GRAPPE_DIR/s3proxy.conf" <<EOF
s3proxy.endpoint=http://127.0.0.1:$PORT_S3
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$S3_IDENTITE
s3proxy.credential=$S3_SECRET
jclouds.provider=filesystem-nio2
jclouds.identity=$S3_IDENTITE
jclouds.credential=$S3_SECRET
jclouds.filesystem.basedir=$GRAPPE_DIR/s3
EOF
  "$JAVA" -Xmx256m -cp "$(cat "$CLASSPATH_TESTS")" org.gaul.s3proxy.Main --properties "$GRAPPE_DIR/s3proxy.conf" \
    > "$GRAPPE_DIR/s3proxy.log" 2>&1 &
  echo $! > "$GRAPPE_DIR/s3proxy.pid"
  attendre_port "$PORT_S3" s3proxy
  log "S3 (s3proxy) sur http://127.0.0.1:$PORT_S3, seau $SEAU (objets sous $GRAPPE_DIR/s3)"
}

# clamd (Debian) with an offline signature database made here: the EICAR test string, as in the test suite.
demarrer_clamd() {
  mkdir -p "$GRAPPE_DIR/clamd/base"
  local eicar='X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'
  echo "Guichet.Grappe.EICAR:0:*:$(printf '%s' "$eicar" | od -An -tx1 | tr -d ' \n')" > "$GRAPPE_DIR/clamd/base/grappe.ndb"
  cat > "$GRAPPE_DIR/clamd/clamd.conf" <<EOF
Foreground yes
DatabaseDirectory $GRAPPE_DIR/clamd/base
TCPSocket $PORT_CLAMD
TCPAddr 127.0.0.1
LogFile $GRAPPE_DIR/clamd/clamd.log
Bytecode no
StreamMaxLength 30M
ScanPDF yes
EOF
  /usr/sbin/clamd --config-file="$GRAPPE_DIR/clamd/clamd.conf" > "$GRAPPE_DIR/clamd/sortie.log" 2>&1 &
  echo $! > "$GRAPPE_DIR/clamd.pid"
  attendre_port "$PORT_CLAMD" clamd
  log "clamd sur 127.0.0.1:$PORT_CLAMD ($(/usr/sbin/clamd --version))"
}

demarrer() {
  verifier_outils
  JAVA=$(java21)
  if [ "${SANS_BUILD:-0}" != 1 ] || ! ls target/guichet-*.jar >/dev/null 2>&1; then
    log "Construction du jar (une fois pour les trois instances)"
    ./mvnw -q -B -DskipTests package
  fi
  # The test classpath: s3proxy and the browser journey (Playwright) come from it.
  if [ "${SANS_BUILD:-0}" != 1 ] || [ ! -s "$CLASSPATH_TESTS" ]; then
    ./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CLASSPATH_TESTS.deps"
    echo "$RACINE/target/test-classes:$RACINE/target/classes:$(cat "$CLASSPATH_TESTS.deps")" > "$CLASSPATH_TESTS"
  fi
  JAR=$(ls target/guichet-*.jar | grep -v original | head -1)
  arreter 2>/dev/null || true
  rm -rf "$GRAPPE_DIR"; mkdir -p "$PUITS"
  python3 "$LOCAL/puits_smtp.py" "$PORT_SMTP" "$PUITS" > "$GRAPPE_DIR/smtp.log" 2>&1 &
  echo $! > "$GRAPPE_DIR/smtp.pid"
  demarrer_postgres
  demarrer_s3
  demarrer_clamd
  # Flyway migrates once, from the first instance; the two others start on the migrated schema.
  demarrer_instance 1; attendre_instance 1
  demarrer_instance 2; demarrer_instance 3; attendre_instance 2; attendre_instance 3
  demarrer_haproxy
}

arreter() {
  local pids=()
  for f in "$GRAPPE_DIR"/navigateur-*.pid "$GRAPPE_DIR"/instance-*.pid "$GRAPPE_DIR"/haproxy.pid "$GRAPPE_DIR"/smtp.pid \
           "$GRAPPE_DIR"/s3proxy.pid "$GRAPPE_DIR"/clamd.pid; do
    [ -f "$f" ] && { pids+=("$(cat "$f")"); kill "$(cat "$f")" 2>/dev/null || true; rm -f "$f"; }
  done
  # Graceful stop first (SIGTERM); whatever still runs 20 s later is killed.
  for i in $(seq 1 20); do kill -0 "${pids[@]}" 2>/dev/null || break; sleep 1; done
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  for d in primaire secours; do
    [ -f "$PG/$d/postmaster.pid" ] && en_postgres "$PG_BIN/pg_ctl" -D "$PG/$d" -m fast stop >/dev/null 2>&1 || true
  done
}

# ------------------------------------------------------------------------------------------------ scénarios
# Each run of a recurring task is recorded by a trigger on db-scheduler's table (the completed occurrence's planned
# time): the same occurrence completed twice would be the same job run twice.
tracer_taches() {
  psql_sur "$1" -q <<'EOF'
set client_min_messages = warning;
create table if not exists grappe_execution (tache text, instance text, prevue timestamptz, finie timestamptz);
create or replace function grappe_trace() returns trigger language plpgsql as $$
begin
  if new.last_success is distinct from old.last_success then
    insert into grappe_execution values (old.task_name, old.picked_by, old.execution_time, new.last_success);
  end if;
  return new;
end $$;
drop trigger if exists grappe_trace on scheduled_tasks;
create trigger grappe_trace after update on scheduled_tasks for each row execute function grappe_trace();
EOF
}

bilan_taches() {
  psql_sur "$1" -At -F' ' -c "select tache, count(*), count(distinct instance), count(*) - count(distinct prevue)
    from grappe_execution group by tache order by tache" | while read -r tache n inst doubles; do
    echo "  tâche $tache : $n exécutions, par $inst instance(s), occurrences exécutées deux fois : $doubles"
  done
}

lancer_depots() { # journal
  rm -f "$GRAPPE_DIR/arret"
  python3 "$LOCAL/parcours.py" depots "$BASE" "$GRAPPE_DIR/comptes.json" "$GRAPPE_DIR/arret" "$1" > "$1.sortie" 2>&1 &
  PID_DEPOTS=$!
  PIDS_NAVIGATEURS=()
  local i=0
  for adresse in $(python3 -c 'import json,sys; print(" ".join(c["email"] for c in json.load(open(sys.argv[1]))))' "$GRAPPE_DIR/comptes-navigateur.json"); do
    i=$((i + 1))
    "$JAVA" -Xmx256m -Dguichet.project.dir="$RACINE" -cp "$(cat "$CLASSPATH_TESTS")" fr.gouv.guichet.navigateur.ParcoursGrappeNavigateur \
      "$BASE" "$adresse" "$MOT_DE_PASSE" "$GRAPPE_DIR/arret" "${1%.jsonl}-navigateur.jsonl" > "${1%.jsonl}-navigateur-$i.sortie" 2>&1 &
    PIDS_NAVIGATEURS+=($!)
    echo $! > "$GRAPPE_DIR/navigateur-$i.pid"
  done
}

arreter_depots() {
  touch "$GRAPPE_DIR/arret"; wait "$PID_DEPOTS" || true
  for p in "${PIDS_NAVIGATEURS[@]}"; do wait "$p" || true; done
  rm -f "$GRAPPE_DIR"/navigateur-*.pid
}

# Files: every piece in the bucket (none on an instance's disk), analysed by clamd. E-mails: none left reserved and
# unconfirmed, no outbox publication left (waited for, up to 3 minutes).
bilan_fichiers_courriels() { # port PostgreSQL
  local fin=$((SECONDS + 180))
  while [ $SECONDS -lt $fin ] && [ "$(psql_sur "$1" -At -c "select (select count(*) from courriel_envoi where envoye_le is null)
      + (select count(*) from event_publication where completion_date is null) + (select count(*) from piece_analyse where etat = 'EN_COURS')")" != 0 ]; do
    sleep 2
  done
  echo "  pièces en base : $(psql_sur "$1" -At -c "select count(*) from piece_jointe") ; objets dans le seau S3 : $(find "$GRAPPE_DIR/s3/$SEAU" -type f | wc -l) ; fichiers sur le disque des instances : $(find "$GRAPPE_DIR"/instance-* -path '*fichiers*' -type f 2>/dev/null | wc -l)"
  echo "  analyses antivirus : $(psql_sur "$1" -At -c "select string_agg(etat || ' ' || n || ' (' || analyseur || ')', ', ') from (select etat, coalesce(analyseur, '-') analyseur, count(*) n from piece_analyse group by 1, 2) a")"
  echo "  courriels réservés non confirmés : $(psql_sur "$1" -At -c "select count(*) from courriel_envoi where envoye_le is null") ; réservations reprises : $(psql_sur "$1" -At -c "select count(*) from courriel_envoi where tentatives > 1") ; publications de l'outbox non terminées : $(psql_sur "$1" -At -c "select count(*) from event_publication where completion_date is null")"
}

bilan_navigateur() { # journal port
  local journal=${1%.jsonl}-navigateur.jsonl
  [ -s "$journal" ] || { echo "  parcours dans Chromium : aucun événement ($journal)"; return; }
  log "Parcours dans Chromium (Playwright) : $journal"
  python3 "$LOCAL/parcours.py" bilan "$journal" "$PUITS" "$(for p in "${PORTS_GUICHET[@]}"; do printf 'http://127.0.0.1:%s ' "$p"; done)" \
    "$PG_BIN/psql" -h 127.0.0.1 -p "$2" -U postgres -d guichet
}

preparer_usagers() {
  log "Inscription et activation de $USAGERS usagers par le courriel d'activation (via HAProxy)"
  python3 "$LOCAL/parcours.py" comptes "$BASE" "$USAGERS" "$PUITS" "$GRAPPE_DIR/comptes.json"
  python3 "$LOCAL/parcours.py" comptes "$BASE" "$NAVIGATEURS" "$PUITS" "$GRAPPE_DIR/comptes-navigateur.json" navigateur
  # The usager's préfecture (chosen on the first visit) is set directly: the journey under test is the deposit.
  psql_sur "$PG_PRIMAIRE" -qc "update usager set code_departement = '83' where email like '%@grappe.guichet.test'"
}

scenario_instances() {
  log "=== Scénario 1 : kill -9 et relance de chaque instance, l'une après l'autre, sous un flux de dépôts"
  tracer_taches "$PG_PRIMAIRE"
  local journal=$GRAPPE_DIR/scenario-instances.jsonl
  lancer_depots "$journal"
  sleep "$PAUSE_DEPOTS"
  for n in 1 2 3; do
    log "kill -9 de l'instance $n (pid $(cat "$GRAPPE_DIR/instance-$n.pid"))"
    kill -9 "$(cat "$GRAPPE_DIR/instance-$n.pid")"
    sleep 5
    demarrer_instance "$n"; attendre_instance "$n"
    sleep "$PAUSE_DEPOTS"
  done
  arreter_depots
  sleep 15 # the outbox sends what was deposited last (interval 5 s)
  log "Chiffres du scénario 1"
  python3 "$LOCAL/parcours.py" bilan "$journal" "$PUITS" "$(for p in "${PORTS_GUICHET[@]}"; do printf 'http://127.0.0.1:%s ' "$p"; done)" \
    "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PRIMAIRE" -U postgres -d guichet | tee "$GRAPPE_DIR/scenario-instances.json"
  bilan_navigateur "$journal" "$PG_PRIMAIRE" | tee -a "$GRAPPE_DIR/scenario-instances.json"
  bilan_taches "$PG_PRIMAIRE" | tee -a "$GRAPPE_DIR/scenario-instances.json"
  bilan_fichiers_courriels "$PG_PRIMAIRE" | tee -a "$GRAPPE_DIR/scenario-instances.json"
}

scenario_bascule() {
  log "=== Scénario 2 : bascule du primaire vers le secours sous un flux de dépôts"
  local journal=$GRAPPE_DIR/scenario-bascule.jsonl
  lancer_depots "$journal"
  sleep "$PAUSE_DEPOTS"
  local pid_primaire; pid_primaire=$(head -1 "$PG/primaire/postmaster.pid")
  log "kill -9 du PostgreSQL primaire (postmaster $pid_primaire)"
  kill -9 "$pid_primaire"
  local t0=$SECONDS
  # The orphaned backends of a postmaster killed with -9 go on serving their clients: they are ended too, as a
  # crashed machine's would be.
  pkill -9 -P "$pid_primaire" 2>/dev/null || true
  sleep "${DETECTION:-5}" # what a failover manager takes to decide (CloudNativePG: a few seconds)
  en_postgres "$PG_BIN/pg_ctl" -D "$PG/secours" -w promote >/dev/null
  log "secours promu en $(( SECONDS - t0 )) s après la mort du primaire ; Guichet s'y reconnecte seul (URL multi-hôtes)"
  # The promoted server keeps synchronous_standby_names: its commits wait for a synchronous standby, so that a
  # deposit is never acknowledged on one server only. The dead primary's machine is rebuilt as that standby (its
  # data thrown away, never restarted as a primary), from the new primary, as CloudNativePG would do.
  rm -rf "${PG:?}/primaire"
  en_postgres "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PG_SECOURS" -U postgres -D "$PG/primaire" -X stream -c fast -R
  echo "primary_conninfo = 'host=127.0.0.1 port=$PG_SECOURS user=postgres application_name=secours'" >> "$PG/primaire/postgresql.auto.conf"
  sed -i "s/^port = $PG_SECOURS/port = $PG_PRIMAIRE/; s/^cluster_name = 'secours'/cluster_name = 'ancien-primaire'/" "$PG/primaire/postgresql.conf"
  en_postgres "$PG_BIN/pg_ctl" -D "$PG/primaire" -l "$PG/ancien-primaire.log" -w start >/dev/null
  log "ancien primaire reconstruit en secours synchrone du nouveau en $(( SECONDS - t0 )) s : $("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_SECOURS" -U postgres -d postgres -Atc "select application_name || ' ' || sync_state from pg_stat_replication")"
  sleep "$(( PAUSE_DEPOTS * 2 ))"
  arreter_depots
  sleep 15
  log "Chiffres du scénario 2 (lus sur l'ancien secours, seul serveur restant)"
  python3 "$LOCAL/parcours.py" bilan "$journal" "$PUITS" "$(for p in "${PORTS_GUICHET[@]}"; do printf 'http://127.0.0.1:%s ' "$p"; done)" \
    "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_SECOURS" -U postgres -d guichet | tee "$GRAPPE_DIR/scenario-bascule.json"
  bilan_navigateur "$journal" "$PG_SECOURS" | tee -a "$GRAPPE_DIR/scenario-bascule.json"
  bilan_fichiers_courriels "$PG_SECOURS" | tee -a "$GRAPPE_DIR/scenario-bascule.json"
  # Numbers received in scenario 1 too: every one of them must exist on the promoted standby.
  [ -f "$GRAPPE_DIR/scenario-instances.jsonl" ] || return 0
  python3 - "$GRAPPE_DIR/scenario-instances.jsonl" <<EOF
import json, subprocess, sys
recus = {json.loads(l)["numero"] for l in open(sys.argv[1]) if '"numero"' in l and json.loads(l)["evt"] == "numero"}
base = set(subprocess.run(["$PG_BIN/psql", "-h", "127.0.0.1", "-p", "$PG_SECOURS", "-U", "postgres", "-d", "guichet", "-At",
                           "-c", "select numero from dossier where numero is not null"], capture_output=True, text=True).stdout.split())
print("  numéros du scénario 1 présents sur le secours promu : %d/%d" % (len(recus & base), len(recus)))
EOF
}

case "$ACTION" in
  demarrer) demarrer; log "Grappe prête : $BASE (arrêt : $0 arreter)";;
  arreter) arreter;;
  tout)
    trap arreter EXIT
    demarrer
    preparer_usagers
    scenario_instances
    scenario_bascule
    log "Fichiers : $GRAPPE_DIR (journaux des instances, de PostgreSQL, de HAProxy, courriels reçus)";;
  bascule) trap arreter EXIT; demarrer; preparer_usagers; tracer_taches "$PG_PRIMAIRE"; scenario_bascule;;
  jouer) # the two scenarios on a cluster started by « demarrer » (same as « tout » without the start), then stop
    trap arreter EXIT
    JAVA=$(java21); JAR=$(ls target/guichet-*.jar | grep -v original | head -1)
    preparer_usagers
    scenario_instances
    scenario_bascule;;
  *) echo "usage : $0 [tout|demarrer|jouer|bascule|arreter]" >&2; exit 2;;
esac
