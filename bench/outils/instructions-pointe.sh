#!/usr/bin/env bash
# Instructions SQL de la pointe (issue 18) : à lancer à côté de bench/run.sh, sur une base où pg_stat_statements est
# chargé (shared_preload_libraries = 'pg_stat_statements' dans DONNEES/postgres/postgresql.auto.conf, puis redémarrer).
# Remet les compteurs à zéro quand la pointe commence, puis, ATTENTE secondes plus tard (montée + durée de la pointe,
# 128 par défaut pour DUREE=120 ; 188 pour DUREE=180), écrit les 70 instructions les plus coûteuses et le total.
#   bench/outils/instructions-pointe.sh JOURNAL_DE_RUN.SH SORTIE.tsv      (PG_PORT=55432 par défaut)
JOURNAL=$1; SORTIE=$2
P="psql -h localhost -p ${PG_PORT:-55432} -U postgres -d postgres -X -q"
Q="select calls, round(total_exec_time::numeric,1) as ms, round((total_exec_time/calls)::numeric,3) as moy, rows, left(regexp_replace(query,'\s+',' ','g'),250) from pg_stat_statements order by total_exec_time desc limit 70"
until grep -q "== Gatling : pointe" "$JOURNAL"; do sleep 2; done
$P -c "create extension if not exists pg_stat_statements" -c "select pg_stat_statements_reset()" > /dev/null
sleep "${ATTENTE:-128}"
$P -A -F $'\t' -c "$Q" > "$SORTIE"
$P -A -c "select sum(calls), round(sum(total_exec_time)::numeric) from pg_stat_statements" >> "$SORTIE"
