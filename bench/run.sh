#!/usr/bin/env bash
# Banc de charge de Guichet, en une commande (voir bench/README.md) :
#   bench/run.sh
# Démarre Guichet (jar, PostgreSQL 18 embarqué, SMTP embarqué) sur un port à part, amorce la base par SQL, joue les
# simulations Gatling (pointe nationale + point nu, capacité, genou, surcharge), écrit bench/results/<date>/rapport.md,
# puis arrête Guichet. Réglages par variables d'environnement (défauts = cibles de l'issue) :
#   DOSSIERS=1000000 (10000000 pour la variante 10 millions)  USAGERS=20000
#   ECHAUFFEMENT=120  DUREE=600 (secondes à la pointe)  ETAPE=120 (secondes par palier du genou)
#   PALIERS="10 20 30 40 50 60" (puis PALIERS_BAS="8 6 4 2" si 10/s ne tient pas)  SURCHARGE=120 (secondes à 3 × le genou)  CAPACITE=60
#   PORT=18080  PG_PORT=55432  DONNEES=bench/target/donnees  SANS_BUILD=1 (réutilise le jar)  JAR_GUICHET=… (un autre jar, ex. celui de main pour la référence)
#   POINTE_DEPOTS=10 POINTE_AGENTS=100 POINTE_NU=10 (arrivées par seconde de la pointe ; réduites ensemble sur une machine
#   partagée, le coût CPU par dépôt reste comparable : même part d'agents et de point nu par dépôt)
#   IMMATRICULATIONS=1 DUREE_IMMAT=120 (cessions suivies du changement de titulaire payé, par seconde, et durée de la phase)
#   SMTP=puits (courriels vers un puits SMTP dans son propre processus, comme le relais de production ; SMTP=embarque : GreenMail dans la JVM de Guichet)
#   DUREE_MIX=300 MIX_IMMATRICULATIONS=$POINTE_DEPOTS (mix national : la pointe plus les immatriculations en même temps)
#   PHASES="pointe mix immatriculation capacite genou surcharge" (PHASES=pointe : échauffement et pointe seulement, pour le coût par dépôt)
set -euo pipefail
cd "$(dirname "$0")/.."
RACINE=$(pwd)

DOSSIERS=${DOSSIERS:-1000000}
USAGERS=${USAGERS:-20000}
ECHAUFFEMENT=${ECHAUFFEMENT:-120}
DUREE=${DUREE:-600}
ETAPE=${ETAPE:-120}
PALIERS=${PALIERS:-"10 20 30 40 50 60"}
SURCHARGE=${SURCHARGE:-120}
CAPACITE=${CAPACITE:-60}
PORT=${PORT:-18080}
PG_PORT=${PG_PORT:-55432}
DONNEES=${DONNEES:-bench/target/donnees}
PHASES=${PHASES:-"pointe mix immatriculation capacite genou surcharge"}
DUREE_MIX=${DUREE_MIX:-300}
POINTE_DEPOTS=${POINTE_DEPOTS:-10}
POINTE_AGENTS=${POINTE_AGENTS:-100}
POINTE_NU=${POINTE_NU:-10}
MIX_IMMATRICULATIONS=${MIX_IMMATRICULATIONS:-$POINTE_DEPOTS}
SMTP=${SMTP:-puits}
SMTP_PORT=${SMTP_PORT:-18025}
IMMATRICULATIONS=${IMMATRICULATIONS:-1}
DUREE_IMMAT=${DUREE_IMMAT:-120}
DATE=$(date +%Y-%m-%d-%H%M)
SORTIE=bench/results/$DATE
TRAVAIL=bench/target/run-$DATE
mkdir -p "$SORTIE" "$TRAVAIL"
MANIFESTE=$TRAVAIL/manifeste.tsv
: > "$MANIFESTE"

# A Java 21+ for Guichet (Maven's own may be older).
JAVA_GUICHET=""
for j in "${JAVA_HOME:-}/bin/java" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
  if [ -x "$j" ] && [ "$("$j" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}' | cut -d. -f1)" -ge 21 ]; then
    JAVA_GUICHET=$j; break
  fi
done
[ -n "$JAVA_GUICHET" ] || { echo "Java 21 ou plus introuvable" >&2; exit 1; }

if [ "${SANS_BUILD:-0}" != 1 ] || ! ls target/guichet-*.jar >/dev/null 2>&1; then
  echo "== Construction du jar de Guichet"
  ./mvnw -q -B -DskipTests package
fi
JAR=${JAR_GUICHET:-$(ls target/guichet-*.jar | grep -v original | head -1)}
echo "== Compilation du banc"
mvn -q -B -f bench/pom.xml test-compile

# SMTP=puits (default): the e-mails go to a sink in a process of its own (bench/outils/PuitsSmtp.java), like the mail
# relay of production; SMTP=embarque: Guichet's embedded GreenMail, in Guichet's JVM (its CPU then counts in the cost).
OPTIONS_SMTP=(--guichet.embarque.mail.port=0)
PID_PUITS=""
if [ "$SMTP" = puits ]; then
  "$JAVA_GUICHET" bench/outils/PuitsSmtp.java "$SMTP_PORT" > "$TRAVAIL/puits-smtp.log" 2>&1 &
  PID_PUITS=$!
  for i in $(seq 1 60); do (exec 3<>/dev/tcp/127.0.0.1/"$SMTP_PORT") 2>/dev/null && break; sleep 0.5; done
  OPTIONS_SMTP=(--spring.mail.host=127.0.0.1 --spring.mail.port="$SMTP_PORT")
fi
echo "== Démarrage de Guichet (port $PORT, PostgreSQL embarqué sur $PG_PORT, données $DONNEES, SMTP $SMTP)"
"$JAVA_GUICHET" -XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19 -jar "$JAR" --server.port="$PORT" --guichet.data-dir="$DONNEES" --guichet.embarque.base.port="$PG_PORT" \
  "${OPTIONS_SMTP[@]}" --logging.level.root=WARN --logging.level.fr.gouv.guichet.socle.supervision=INFO \
  --guichet.charge.places-par-client=100000 > "$TRAVAIL/guichet.log" 2>&1 &
# places-par-client: every Gatling user comes from 127.0.0.1; the per-network limit (issue 10) would otherwise cap the
# whole bench at a few places, as if one household sent the national peak.
PID_GUICHET=$!
trap 'kill $PID_GUICHET 2>/dev/null || true; wait $PID_GUICHET 2>/dev/null || true; [ -z "$PID_PUITS" ] || kill $PID_PUITS 2>/dev/null || true' EXIT
for i in $(seq 1 180); do
  if curl -fsS "http://localhost:$PORT/actuator/health/readiness" >/dev/null 2>&1; then break; fi
  kill -0 $PID_GUICHET 2>/dev/null || { echo "Guichet s'est arrêté, voir $TRAVAIL/guichet.log" >&2; exit 1; }
  sleep 1
done
curl -fsS "http://localhost:$PORT/actuator/health/readiness" >/dev/null

echo "== Amorçage ($DOSSIERS dossiers, $USAGERS usagers, 101 agents)"
mvn -q -B -f bench/pom.xml exec:java -Dexec.args="jdbc:postgresql://localhost:$PG_PORT/postgres $DOSSIERS $USAGERS" | tee "$TRAVAIL/amorcage.log"

# gatling PHASE SIMULATION [-Dprop=valeur…]: one Gatling run, its report directory recorded in the manifest.
gatling() {
  local phase=$1 sim=$2; shift 2
  echo "== Gatling : $phase ($sim $*)"
  local avant; avant=$(ls -d bench/target/gatling/*/ 2>/dev/null | sort || true)
  mvn -B -f bench/pom.xml gatling:test -Dgatling.simulationClass="guichet.bench.$sim" -Dbase="http://localhost:$PORT" \
    -Dusagers="$USAGERS" "$@" > "$TRAVAIL/$phase.log" 2>&1 || echo "(Gatling a signalé un échec : voir $TRAVAIL/$phase.log)"
  local dossier; dossier=$(comm -13 <(echo "$avant") <(ls -d bench/target/gatling/*/ 2>/dev/null | sort) | tail -1)
  printf '%s\t%s\t%s\t%s\n' "$phase" "$sim" "$dossier" "$*" >> "$MANIFESTE"
}

# cpu_ms: CPU time (user + system, ms) consumed so far by Guichet's JVM and by PostgreSQL (the postmaster, its live
# backends, and through the postmaster's cutime/cstime the backends already ended), from /proc/<pid>/stat.
cpu_ms() {
  local tck postmaster enfants
  tck=$(getconf CLK_TCK)
  postmaster=$(head -1 "$DONNEES/postgres/postmaster.pid" 2>/dev/null || echo 0)
  enfants=$(pgrep -P "$postmaster" 2>/dev/null | tr '\n' ' ')
  # Fields after "pid (comm) ": utime=$12 stime=$13 cutime=$14 cstime=$15.
  ticks() { sed 's/^.*) //' "$@" 2>/dev/null | awk -v c="$COMPTE_ENFANTS" '{ t += $12 + $13; if (c) t += $14 + $15 } END { print t + 0 }'; }
  local g p b
  g=$(COMPTE_ENFANTS=0 ticks "/proc/$PID_GUICHET/stat")
  p=$(COMPTE_ENFANTS=1 ticks "/proc/$postmaster/stat")
  b=0
  for e in $enfants; do b=$(( b + $(COMPTE_ENFANTS=0 ticks "/proc/$e/stat") )); done
  echo "$(( g * 1000 / tck ))	$(( (p + b) * 1000 / tck ))"
}

a_jouer() { case " $PHASES " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

# Issue 18, target 5: the first uses after start (first page, sign-in, deposit, accusé de réception, arrêté) against
# the tenth, before any other traffic warms Guichet up. Always played, first (it needs a Guichet just started).
echo "== Premier usage après démarrage (1re à 10e fois de chaque geste)"
if python3 bench/premier-usage.py "http://localhost:$PORT" "$TRAVAIL/premier-usage.tsv"; then
  printf 'premier-usage\t%s\n' "$TRAVAIL/premier-usage.tsv" >> "$MANIFESTE"
else
  printf 'premier-usage\t\n' >> "$MANIFESTE"
fi

DEBITS_POINTE="-Ddepots=$POINTE_DEPOTS -DrequetesAgents=$POINTE_AGENTS -Dnu=$POINTE_NU"
gatling echauffement PointeNationale -Dmontee=30 -Dduree="$ECHAUFFEMENT" $DEBITS_POINTE
AVANT=$(cpu_ms)
gatling pointe PointeNationale -Dmontee=10 -Dduree="$DUREE" $DEBITS_POINTE
APRES=$(cpu_ms)
# The peak's CPU (Guichet, PostgreSQL), for the report's cost per deposit.
printf 'cpu-pointe\t%s\t%s\n' "$(( $(echo "$APRES" | cut -f1) - $(echo "$AVANT" | cut -f1) ))" \
  "$(( $(echo "$APRES" | cut -f2) - $(echo "$AVANT" | cut -f2) ))" >> "$MANIFESTE"
if a_jouer immatriculation; then
  # Issue 13: a sale then its change of holder paid online, between two accounts (cars seeded by AmorcageVehicules).
  gatling immatriculation Immatriculation -Dimmatriculations="$IMMATRICULATIONS" -Dduree="$DUREE_IMMAT"
fi
if a_jouer mix; then
  # Issue 13: the national mix, the peak's flows with registrations at the same time (MIX_IMMATRICULATIONS/s).
  AVANT=$(cpu_ms)
  gatling mix MixNational -Dmontee=10 -Dduree="$DUREE_MIX" $DEBITS_POINTE -Dimmatriculations="$MIX_IMMATRICULATIONS"
  APRES=$(cpu_ms)
  printf 'cpu-mix\t%s\t%s\n' "$(( $(echo "$APRES" | cut -f1) - $(echo "$AVANT" | cut -f1) ))" \
    "$(( $(echo "$APRES" | cut -f2) - $(echo "$AVANT" | cut -f2) ))" >> "$MANIFESTE"
fi
if a_jouer capacite; then
  gatling capacite-nu Capacite -Dcible=nu -Dduree="$CAPACITE"
  gatling capacite-usager Capacite -Dcible=usager -Dduree="$CAPACITE"
fi

GENOU=0
if a_jouer genou; then
# palier R: one knee step, with the processes' CPU over it (cost per deposit without agents: deposits alone).
palier() {
  local r=$1 avant apres
  avant=$(cpu_ms)
  gatling "genou-$r" Genou -Ddepots="$r" -Dduree="$ETAPE"
  apres=$(cpu_ms)
  local ligne; ligne=$(tail -1 "$MANIFESTE")
  printf 'cpu-genou-%s\t%s\t%s\n' "$r" "$(( $(echo "$apres" | cut -f1) - $(echo "$avant" | cut -f1) ))" \
    "$(( $(echo "$apres" | cut -f2) - $(echo "$avant" | cut -f2) ))" >> "$MANIFESTE"
  dossier=$(echo "$ligne" | cut -f3)
}
for r in $PALIERS; do
  palier "$r"
  if python3 bench/rapport.py tient "$dossier"; then GENOU=$r; else break; fi
done
# Below the first step: search downwards so that the report still gives the knee.
if [ "$GENOU" = 0 ]; then
  for r in ${PALIERS_BAS:-8 6 4 2}; do
    palier "$r"
    if python3 bench/rapport.py tient "$dossier"; then GENOU=$r; break; fi
  done
fi
echo "genou	$GENOU" >> "$MANIFESTE"
fi
CHARGE=$(( (GENOU > 0 ? GENOU : 2) * 3 ))
if a_jouer surcharge; then
  gatling surcharge Surcharge -Ddepots="$CHARGE" -Dduree="$SURCHARGE"
fi

echo "== Rapport"
python3 bench/rapport.py rapport "$MANIFESTE" "$SORTIE" \
  "PHASES=$PHASES SMTP=$SMTP DUREE_MIX=$DUREE_MIX MIX_IMMATRICULATIONS=$MIX_IMMATRICULATIONS IMMATRICULATIONS=$IMMATRICULATIONS DUREE_IMMAT=$DUREE_IMMAT POINTE_DEPOTS=$POINTE_DEPOTS POINTE_AGENTS=$POINTE_AGENTS POINTE_NU=$POINTE_NU DOSSIERS=$DOSSIERS USAGERS=$USAGERS ECHAUFFEMENT=$ECHAUFFEMENT DUREE=$DUREE ETAPE=$ETAPE PALIERS=$PALIERS SURCHARGE=$SURCHARGE CAPACITE=$CAPACITE" \
  "$JAVA_GUICHET"
echo "Rapport : $SORTIE/rapport.md"
