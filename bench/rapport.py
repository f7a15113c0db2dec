#!/usr/bin/env python3
"""Reads Gatling's reports (js/stats.json) of one bench run and writes rapport.md.

  rapport.py tient DOSSIER_GATLING      exit 0 if that knee step holds (p99 <= 1 s and < 1 % errors)
  rapport.py rapport MANIFESTE SORTIE REGLAGES JAVA
"""
import datetime
import html
import json
import os
import platform
import re
import subprocess
import sys


def stats(dossier):
    """The statistics table of Gatling's HTML report (Gatling 3.14 writes no stats.json any more), as
    {"stats": {...}, "contents": {name: {"type": "REQUEST", "name": ..., "stats": {...}}}}."""
    with open(os.path.join(dossier, "index.html"), encoding="utf-8") as f:
        page = f.read()
    lignes = {}
    for m in re.finditer(r'class="ellipsed-name">(.*?)</span>(.*?)</tr>', page, re.S):
        nom = html.unescape(m.group(1))
        v = [x.strip() for x in re.findall(r'<td class="value [^"]*">([^<]*)</td>', m.group(2))]
        if len(v) < 13 or nom in lignes:
            continue
        def f(x):
            return 0.0 if x in ("-", "") else float(x.replace(",", ""))
        lignes[nom] = {"numberOfRequests": {"total": f(v[0]), "ok": f(v[1]), "ko": f(v[2])},
                       "meanNumberOfRequestsPerSecond": {"total": f(v[4])}, "minResponseTime": {"total": f(v[5])},
                       "percentiles1": {"total": f(v[6])}, "percentiles2": {"total": f(v[7])},
                       "percentiles3": {"total": f(v[8])}, "percentiles4": {"total": f(v[9])},
                       "maxResponseTime": {"total": f(v[10])}, "meanResponseTime": {"total": f(v[11])}}
    racine = {"stats": lignes.pop("All Requests"), "contents": {}}
    for nom, st in lignes.items():
        racine["contents"][nom] = {"type": "REQUEST", "name": nom, "stats": st}
    return racine


def num(v):
    if isinstance(v, dict):
        v = v.get("total")
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def requetes(racine):
    """Every request (name, stats) of a report, groups flattened."""
    sortie = []
    for c in (racine.get("contents") or {}).values():
        if c.get("type") == "REQUEST":
            sortie.append((c["name"], c["stats"]))
        else:
            sortie.extend(requetes(c))
    return sortie


def ligne(nom, s):
    n = s["numberOfRequests"]
    total, ko = num(n), num(n.get("ko")) or 0
    return "| {} | {:.0f} | {:.0f} | {:.1f} % | {:.1f} | {} | {} | {} | {} |".format(
        nom, total, ko, 100 * ko / total if total else 0, num(s["meanNumberOfRequestsPerSecond"]) or 0,
        ms(s["percentiles1"]), ms(s["percentiles3"]), ms(s["percentiles4"]), ms(s["maxResponseTime"]))


def ms(v):
    x = num(v)
    return "–" if x is None else "{:.0f}".format(x)


ENTETE = "| requête | nombre | KO | erreurs | débit moyen (req/s) | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|"


def tableau(racine, filtre=lambda n: True):
    lignes = [ENTETE, ligne("**toutes**", racine["stats"])]
    for nom, s in sorted(requetes(racine)):
        if filtre(nom):
            lignes.append(ligne(nom, s))
    return "\n".join(lignes)


def agrege(racine, prefixe):
    """Totals and the worst p99 over the requests whose name starts with prefixe."""
    total = ko = 0
    p99 = 0
    for nom, s in requetes(racine):
        if nom.startswith(prefixe):
            total += num(s["numberOfRequests"]) or 0
            ko += num(s["numberOfRequests"].get("ko")) or 0
            p99 = max(p99, num(s["percentiles4"]) or 0)
    return total, ko, p99


def erreurs(log):
    """Gatling's own summary of the errors, from the console output."""
    try:
        texte = open(log, encoding="utf-8", errors="replace").read()
    except OSError:
        return ""
    m = re.findall(r"---- Errors -+\n(.*?)(?:\n=+|\Z)", texte, re.S)
    return m[-1].strip() if m else ""


def parcours(racine, prefixe):
    """Journeys started (first request), shed on arrival (503 to the first request: the journey stops there), and
    finished (the upload answered OK); Gatling does not count as errors the users still waiting when a run reaches its
    maximum duration, so what is left is reported as interrupted."""
    d = dict(requetes(racine))
    premiere = d.get(prefixe + "01 GET /connexion", {}).get("numberOfRequests", {})
    debut = num(premiere) or 0
    delestes = num(premiere.get("ko")) or 0
    fin = num(d.get(prefixe + "09 POST pièce 1 Mo", {}).get("numberOfRequests", {}).get("ok")) or 0
    reste = debut - delestes - fin
    return "Dépôts commencés : {:.0f} ; délestés dès l’arrivée (503 + Retry-After, parcours arrêté) : {:.0f} ; menés jusqu’à la pièce jointe : {:.0f}{}.".format(
        debut, delestes, fin, "" if reste <= 0 else " ; {:.0f} autres interrompus en cours de route ou à la durée maximale du tir".format(reste))


def tient(dossier, dire=True):
    racine = stats(dossier)
    s = racine["stats"]
    total, ko = num(s["numberOfRequests"]), num(s["numberOfRequests"].get("ko")) or 0
    p99 = num(s["percentiles4"])
    d = dict(requetes(racine))
    debut = num(d.get("usager: 01 GET /connexion", {}).get("numberOfRequests")) or 0
    fin = num(d.get("usager: 09 POST pièce 1 Mo", {}).get("numberOfRequests", {}).get("ok")) or 0
    ok = total and p99 is not None and p99 <= 1000 and ko / total < 0.01 and fin >= 0.99 * debut
    if dire:
        print("palier {} : {:.0f} requêtes, {:.2f} % d’erreurs, p99 {} ms -> {}".format(
        dossier, total or 0, 100 * ko / total if total else 0, p99, "tient" if ok else "ne tient pas"))
    return ok


def sh(cmd):
    try:
        sortie = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=30).stdout
        return re.sub(r"\x1b\[[0-9;]*m", "", sortie).strip()
    except Exception:
        return "?"


def verdict(ok):
    return "✅ atteint" if ok else "❌ manqué"


def premier_usage(tsv, out, resume):
    """Issue 18, target 5: each gesture's first time after start against the nine next (bench/premier-usage.py)."""
    out.append("## (0) Premier usage après démarrage\n")
    if not tsv or not os.path.exists(tsv):
        out.append("Mesure impossible : bench/premier-usage.py s’est arrêté en erreur (voir la sortie de bench/run.sh).\n")
        resume.append(("Pas de première utilisation lente (1re ≤ 1,5 × médiane des 9 suivantes, ou + 50 ms au plus)",
                       "non mesuré", verdict(False)))
        return
    out.append("Juste après que la sonde readiness a dit « prêt », avant toute autre charge : chaque geste 10 fois, chacune "
               "sur un objet différent (10 usagers et leurs dépôts, 10 accusés de réception rendus pour la première fois, "
               "10 arrêtés de refus émis par un agent). Temps mesurés par le client, requête seule (sans sa redirection). "
               "Critère : la 1re fois ≤ 1,5 × la médiane des neuf suivantes, ou au plus 50 ms de plus (bruit d’une machine "
               "partagée sur les gestes de quelques ms).\n")
    out.append("| geste | 1re (ms) | médiane 2e–10e (ms) | 10e (ms) | tient |")
    out.append("|---|---:|---:|---:|---|")
    pires = []
    for l in open(tsv, encoding="utf-8"):
        p = l.rstrip("\n").split("\t")
        v = [float(x) for x in p[1:] if x]
        if not v:
            continue
        suite = sorted(v[1:])
        med = suite[len(suite) // 2] if suite else v[0]
        ok = v[0] <= max(1.5 * med, med + 50)
        if not ok:
            pires.append(p[0])
        out.append("| {} | {:.0f} | {:.0f} | {:.0f} | {} |".format(p[0], v[0], med, v[-1], "oui" if ok else "non"))
    out.append("")
    resume.append(("Pas de première utilisation lente (1re ≤ 1,5 × médiane des 9 suivantes, ou + 50 ms au plus)",
                   "tous les gestes tiennent" if not pires else "lents la 1re fois : " + ", ".join(pires), verdict(not pires)))


def rapport(manifeste, sortie, reglages, java):
    travail = os.path.dirname(manifeste)
    phases, genou, cpu_pointe, cpu_mix, premier, cpu_genou = {}, 0, None, None, None, {}
    for l in open(manifeste, encoding="utf-8"):
        p = l.rstrip("\n").split("\t")
        if p[0] == "premier-usage":
            premier = p[1] if len(p) > 1 else ""
        elif p[0] == "genou":
            genou = int(p[1])
        elif p[0] == "cpu-pointe":
            cpu_pointe = (int(p[1]), int(p[2]))
        elif p[0] == "cpu-mix":
            cpu_mix = (int(p[1]), int(p[2]))
        elif p[0].startswith("cpu-genou-"):
            cpu_genou[int(p[0].split("-")[2])] = (int(p[1]), int(p[2]))
        elif len(p) >= 3 and p[2]:
            phases[p[0]] = (p[1], p[2].rstrip("/"), p[3] if len(p) > 3 else "")
    out = []
    cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2")
    out.append("# Banc de charge Guichet — {}\n".format(datetime.datetime.now().strftime("%Y-%m-%d %H:%M")))
    out.append("## Conditions\n")
    out.append("- Machine : {} cœurs ({}), {} de mémoire, {} ; Guichet, PostgreSQL 18 embarqué et Gatling sur la même machine".format(
        os.cpu_count(), cpu, sh("free -h | awk '/Mem:/ {print $2}'"), platform.platform()))
    out.append("- Commit : `{}`{}".format(sh("git rev-parse HEAD"), " (arbre de travail modifié)" if sh("git status --porcelain --untracked-files=no -- src/main pom.xml") else ""))
    out.append("- Java de Guichet : {} ; Gatling {}".format(sh(java + " -version 2>&1 | head -1"),
                                                           sh("grep -m1 '<gatling.version>' bench/pom.xml | sed 's/<[^>]*>//g'").strip()))
    out.append("- Réglages : `{}`".format(reglages))
    amorcage = sh("grep -h 'Amorçage' {}/amorcage.log | tail -1".format(travail))
    out.append("- Amorçage : {}".format(amorcage))
    out.append("- Modèle de charge ouvert (arrivées par seconde, indépendantes des réponses), sauf la mesure de capacité (modèle fermé, 16 clients).\n")

    resume = []
    if premier is not None:
        premier_usage(premier, out, resume)
    if "pointe" in phases:
        s = stats(phases["pointe"][1])
        tot = s["stats"]
        n, ko = num(tot["numberOfRequests"]), num(tot["numberOfRequests"].get("ko")) or 0
        p99 = num(tot["percentiles4"])
        _, _, p99file = agrege(s, "agent: 0")
        file_p99 = max(num(st["percentiles4"]) or 0 for nom, st in requetes(s) if "GET file" in nom)
        resume.append(("Pointe : p99 ≤ 300 ms (toutes requêtes)", "{:.0f} ms".format(p99), verdict(p99 is not None and p99 <= 300)))
        d = dict(requetes(s))
        debut = num(d.get("usager: 01 GET /connexion", {}).get("numberOfRequests")) or 0
        fin = num(d.get("usager: 09 POST pièce 1 Mo", {}).get("numberOfRequests", {}).get("ok")) or 0
        # A journey cut unfinished at the run's maximum duration is a failure too, though Gatling does not count it as KO.
        resume.append(("Pointe : erreurs < 0,1 %", "{:.3f} % de requêtes KO ({:.0f} / {:.0f}) ; dépôts non menés à terme : {:.0f} / {:.0f}".format(
            100 * ko / n, ko, n, debut - fin, debut), verdict(ko / n < 0.001 and fin >= 0.999 * debut)))
        resume.append(("File agent : p99 ≤ 50 ms (pire des pages de file, pendant la pointe)", "{:.0f} ms".format(file_p99), verdict(file_p99 <= 50)))
        out.append("## (a) Pointe nationale — {} \n".format(phases["pointe"][2]))
        out.append("Débit moyen total : {:.1f} req/s. {}\n".format(num(tot["meanNumberOfRequestsPerSecond"]) or 0, parcours(s, "usager: ")))
        if cpu_pointe and fin:
            # Processes' CPU counters over the whole peak run (agents and bare endpoint included) / deposits completed.
            cout = (cpu_pointe[0] + cpu_pointe[1]) / fin
            out.append("Coût CPU par dépôt : {:.0f} ms\n".format(cout))
            out.append("(CPU pendant la pointe, compteurs /proc des processus : Guichet {:.1f} s, PostgreSQL {:.1f} s, "
                       "pour {:.0f} dépôts menés à terme, avec le trafic des agents et du point nu du même tir.)\n".format(
                           cpu_pointe[0] / 1000, cpu_pointe[1] / 1000, fin))
            resume.insert(0, ("Coût CPU par dépôt ≤ 40 ms (Guichet + PostgreSQL, pointe)", "{:.0f} ms".format(cout), verdict(cout <= 40)))
        out.append(tableau(s))
        e = erreurs(os.path.join(travail, "pointe.log"))
        out.append("\nErreurs (Gatling) :\n\n```\n{}\n```\n".format(e or "aucune"))
    if "capacite-nu" in phases and "capacite-usager" in phases:
        nu = stats(phases["capacite-nu"][1])
        us = stats(phases["capacite-usager"][1])
        dnu = next(num(st["meanNumberOfRequestsPerSecond"]) for nom, st in requetes(nu) if nom.startswith("capacité"))
        dus = next(num(st["meanNumberOfRequestsPerSecond"]) for nom, st in requetes(us) if nom.startswith("capacité"))
        # meanNumberOfRequestsPerSecond is over the whole run; the usager run also signs in (a few seconds).
        resume.append(("Page usager authentifiée ≥ 70 % du débit du point nu", "{:.0f} % ({:.0f} / {:.0f} req/s)".format(
            100 * dus / dnu, dus, dnu), verdict(dus / dnu >= 0.7)))
        out.append("## (b) Point nu et capacité (modèle fermé, 16 clients)\n")
        out.append(tableau(nu))
        out.append("")
        out.append(tableau(us))
        out.append("\nRapport page usager (GET /usager/dossiers) / point nu (GET /) : **{:.0f} %**.\n".format(100 * dus / dnu))
        if "pointe" in phases:
            s = stats(phases["pointe"][1])
            nup = [st for nom, st in requetes(s) if nom.startswith("nu:")]
            if nup:
                out.append("Pendant la pointe, le point nu (10/s) répond en p50 {} ms / p99 {} ms.\n".format(
                    ms(nup[0]["percentiles1"]), ms(nup[0]["percentiles4"])))
    paliers = sorted((int(k.split("-")[1]), v) for k, v in phases.items() if k.startswith("genou-"))
    if paliers:
        out.append("## (c) Recherche du genou (dépôts seuls, par paliers)\n")
        out.append("| dépôts/s | requêtes | erreurs | débit (req/s) | p50 (ms) | p95 (ms) | p99 (ms) | tient (p99 ≤ 1 s, < 1 % d’erreurs, tous les dépôts menés à terme) |")
        out.append("|---:|---:|---:|---:|---:|---:|---:|---|")
        # "tient" also requires every journey started to have been completed within the run.
        for r, v in paliers:
            s = stats(v[1])["stats"]
            n, ko = num(s["numberOfRequests"]), num(s["numberOfRequests"].get("ko")) or 0
            ok = tient(v[1], dire=False)
            out.append("| {} | {:.0f} | {:.2f} % | {:.1f} | {} | {} | {} | {} |".format(r, n, 100 * ko / n, num(s["meanNumberOfRequestsPerSecond"]),
                                                                                    ms(s["percentiles1"]), ms(s["percentiles3"]), ms(s["percentiles4"]),
                                                                                    "oui" if ok else "non"))
        for r, v in paliers:
            out.append("- palier {}/s : {}".format(r, parcours(stats(v[1]), "usager: ")))
            fin = num(dict(requetes(stats(v[1]))).get("usager: 09 POST pièce 1 Mo", {}).get("numberOfRequests", {}).get("ok")) or 0
            if r in cpu_genou and fin:
                g, p = cpu_genou[r]
                out.append("  - coût CPU par dépôt, dépôts seuls (sans agents ni point nu) : **{:.0f} ms** (Guichet {:.0f} ms, "
                           "PostgreSQL {:.0f} ms ; {:.1f} s + {:.1f} s sur le palier, montée comprise, pour {:.0f} dépôts menés à terme)".format(
                               (g + p) / fin, g / fin, p / fin, g / 1000, p / 1000, fin))
        out.append("\n**Genou : {} dépôts/s** (plus haut palier tenu{}).\n".format(genou, "" if genou else " : aucun"))
        resume.append(("Genou ≥ 30 dépôts/s", "{} dépôts/s".format(genou), verdict(genou >= 30)))
        for r, v in paliers:
            e = erreurs(os.path.join(travail, "genou-{}.log".format(r)))
            if e:
                out.append("Erreurs au palier {}/s :\n\n```\n{}\n```\n".format(r, e))
    if "mix" in phases:
        s = stats(phases["mix"][1])
        tot = s["stats"]
        n, ko = num(tot["numberOfRequests"]), num(tot["numberOfRequests"].get("ko")) or 0
        p99 = num(tot["percentiles4"])
        d = dict(requetes(s))
        depots = num(d.get("usager: 09 POST pièce 1 Mo", {}).get("numberOfRequests", {}).get("ok")) or 0
        # The last request of the registration journey: the buyer back on the paid request.
        derniere = max((nom for nom in d if nom.startswith("immat: ")), default=None)
        immat = num(d.get(derniere, {}).get("numberOfRequests", {}).get("ok")) or 0 if derniere else 0
        immat_debut = num(d.get(min((nom for nom in d if nom.startswith("immat: ")), default=""), {}).get("numberOfRequests")) or 0
        out.append("## Mix national (issue 13) — {}\n".format(phases["mix"][2]))
        out.append("La pointe (dépôts, agents, point nu) et, en même temps, des cessions suivies du changement de titulaire "
                   "payé (les immatriculations sont le premier flux des titres ; faute de volumes annuels dans les sources, "
                   "elles sont jouées au débit des dépôts). Débit moyen total : {:.1f} req/s ; {} ; immatriculations menées "
                   "jusqu’à la demande payée : {:.0f} sur {:.0f} commencées.\n".format(
                       num(tot["meanNumberOfRequestsPerSecond"]) or 0, parcours(s, "usager: "), immat, immat_debut))
        if cpu_mix and depots + immat:
            out.append("Coût CPU par opération (dépôt ou immatriculation menés à terme) : {:.0f} ms (Guichet {:.1f} s, "
                       "PostgreSQL {:.1f} s, {:.0f} dépôts, {:.0f} immatriculations)\n".format(
                           (cpu_mix[0] + cpu_mix[1]) / (depots + immat), cpu_mix[0] / 1000, cpu_mix[1] / 1000, depots, immat))
        resume.append(("Mix national : p99 ≤ 300 ms, erreurs < 0,1 %", "p99 {:.0f} ms ; {:.3f} % de requêtes KO ({:.0f} / {:.0f})".format(
            p99 or 0, 100 * ko / n if n else 0, ko, n), verdict(n and p99 is not None and p99 <= 300 and ko / n < 0.001)))
        out.append(tableau(s))
        e = erreurs(os.path.join(travail, "mix.log"))
        out.append("\nErreurs (Gatling) :\n\n```\n{}\n```\n".format(e or "aucune"))
    if "immatriculation" in phases:
        s = stats(phases["immatriculation"][1])
        out.append("## Immatriculation (issue 13) — {}\n".format(phases["immatriculation"][2]))
        out.append("Cession par le vendeur puis changement de titulaire payé par l’acheteur (deux comptes), parcours complet.\n")
        out.append(tableau(s))
        n_i, ko_i, p99_i = agrege(s, "immat:")
        resume.append(("Immatriculation : parcours cession + changement de titulaire sans erreur, p99 ≤ 1 s",
                       "{:.0f} KO / {:.0f}, p99 {:.0f} ms".format(ko_i, n_i, p99_i), verdict(n_i > 0 and ko_i == 0 and p99_i <= 1000)))
        e = erreurs(os.path.join(travail, "immatriculation.log"))
        out.append("\nErreurs (Gatling) :\n\n```\n{}\n```\n".format(e or "aucune"))
    if "surcharge" in phases:
        s = stats(phases["surcharge"][1])
        out.append("## (d) Surcharge — {}\n".format(phases["surcharge"][2]))
        out.append(tableau(s))
        out.append("\nPendant la surcharge — {}\n\nAprès la baisse — {}\n".format(parcours(s, "surcharge: "), parcours(s, "après: ")))
        e = erreurs(os.path.join(travail, "surcharge.log"))
        out.append("\nErreurs (Gatling) :\n\n```\n{}\n```\n".format(e or "aucune"))
        delestees = sum(int(x.replace(",", "")) for x in re.findall(r"found (?:429|503)\s*\|?\s*([\d,]+)", e)) if e else 0
        n_s, ko_s, _ = agrege(s, "surcharge:")
        ok_p99 = max((num(st["percentiles4"]) or 0) for nom, st in requetes(s) if nom.startswith("surcharge:") and (num(st["numberOfRequests"].get("ok")) or 0) > 0)
        n_a, ko_a, p99_a = agrege(s, "après:")
        # Parcours.protocole() turns a 503 without Retry-After, or answered after more than 1 s, into another error message.
        mal_delestees = sum(int(x.replace(",", "")) for x in re.findall(r"(?:Retry-After|responseTimeInMillis)[^\n]*?\|?\s*([\d,]+) \(", e)) if e else 0
        resume.append(("Surcharge : délestage 429/503 + Retry-After en moins d’une seconde",
                       "{} réponses 429/503 avec Retry-After en ≤ 1 s ; {} sans Retry-After ou plus lentes ; {:.0f} KO sur {:.0f}".format(
                           delestees, mal_delestees, ko_s, n_s), verdict(delestees > 0 and mal_delestees == 0)))
        resume.append(("Surcharge : requêtes acceptées p99 ≤ 2 s", "{:.0f} ms (pire p99 parmi les requêtes ayant des réponses OK ; p99 toutes réponses)".format(ok_p99), verdict(ok_p99 <= 2000)))
        resume.append(("Retour à la normale < 60 s après la baisse", "dans la minute suivante : {:.0f} KO / {:.0f}, p99 {:.0f} ms".format(ko_a, n_a, p99_a),
                       verdict(n_a > 0 and ko_a / n_a < 0.001 and p99_a <= 1000)))
        del delestees

    tete = ["## Cibles de l’issue\n", "| cible | mesuré | verdict |", "|---|---|---|"]
    tete += ["| {} | {} | {} |".format(*r) for r in resume]
    tete.append("")
    contenu = out[:8] + tete + out[8:]
    os.makedirs(sortie, exist_ok=True)
    with open(os.path.join(sortie, "rapport.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(contenu) + "\n")
    # Keep the small machine-readable figures next to the report (the HTML reports stay in bench/target).
    for phase, (_, dossier, _) in phases.items():
        with open(os.path.join(sortie, phase + ".stats.json"), "w", encoding="utf-8") as dst:
            json.dump(stats(dossier), dst, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    if sys.argv[1] == "tient":
        sys.exit(0 if tient(sys.argv[2]) else 1)
    rapport(*sys.argv[2:6])
