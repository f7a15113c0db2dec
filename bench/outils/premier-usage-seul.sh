#!/usr/bin/env bash
# Premier usage seul (issue 18, cible 5), dans les conditions de bench/run.sh mais sans le reste du tir : puits SMTP
# dans son propre processus, Guichet démarré sur la base du banc, bench/premier-usage.py juste après « prêt ».
#   bench/outils/premier-usage-seul.sh JAR SORTIE        (DONNEES=/work/bench-donnees par défaut ; écrit SORTIE.tsv)
set -u
JAR=$1; SORTIE=$2; DONNEES=${DONNEES:-/work/bench-donnees}
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/*/bin/java | sort -V | tail -1)}
"$JAVA" bench/outils/PuitsSmtp.java 2526 > "$SORTIE.puits.log" 2>&1 &
PUITS=$!
for i in $(seq 1 60); do (exec 3<>/dev/tcp/127.0.0.1/2526) 2>/dev/null && break; sleep 0.5; done
"$JAVA" -XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19 -jar "$JAR" --server.port=18080 --guichet.data-dir="$DONNEES" \
  --guichet.embarque.base.port=55432 --spring.mail.host=127.0.0.1 --spring.mail.port=2526 --logging.level.root=WARN \
  --logging.level.fr.gouv.guichet.socle.supervision=INFO --guichet.charge.places-par-client=100000 > "$SORTIE.log" 2>&1 &
PID=$!
for i in $(seq 1 300); do curl -sf http://localhost:18080/actuator/health/readiness >/dev/null 2>&1 && break; sleep 0.5; done
python3 bench/premier-usage.py http://localhost:18080 "$SORTIE.tsv" >> "$SORTIE.log" 2>&1
kill $PID; wait $PID 2>/dev/null; kill $PUITS
cat "$SORTIE.tsv"
