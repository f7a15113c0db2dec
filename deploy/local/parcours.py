#!/usr/bin/env python3
"""Scripted HTTP client of deploy/local/grappe.sh (a browser without JavaScript: forms, CSRF tokens, cookies).

  parcours.py comptes BASE N PUITS SORTIE.json [PREFIXE]
      signs N usagers up (/inscription), opens each activation link read from the SMTP sink PUITS, signs each in;
      writes the accounts and their session cookies.
  parcours.py depots BASE COMPTES.json ARRET JOURNAL.jsonl
      one thread per account deposits videoprotection dossiers (3 screens, validate, one PDF) through BASE until the
      file ARRET exists; every step is logged in JOURNAL (numbers received, refusals with their time, lost sessions).
  parcours.py bilan JOURNAL.jsonl COMPTES.json PUITS "INSTANCE_URL ..." PSQL... -- checks and prints the figures.
"""
import email
import email.policy
import glob
import hashlib
import json
import os
import re
import subprocess
import sys
import threading
import time
from datetime import date, timedelta

import requests

MOT_DE_PASSE = "Grappe de Guichet 2026 !"
CSRF = re.compile(r'name="_csrf" value="([^"]+)"')
VERSION = re.compile(r'name="version" value="(\d+)"')
CLE = re.compile(r'name="cle" value="([^"]+)"')
NUMERO_FLASH = re.compile(r"transmise au service instructeur sous le numéro ([A-Z0-9-]+)")
NUMERO_PAGE = re.compile(r'id="numero-dossier">([A-Z0-9-]+)<')
PIECE = re.compile(r'/usager/dossiers/\d+/pieces/(\d+)')


def pdf(graine):
    corps = ("%PDF-1.4\n1 0 obj\n<< /Length 0 >>\nstream\n" + ("grappe %s\n" % graine) * 2000
             + "endstream\nendobj\ntrailer\n<< >>\n%%EOF\n")
    return corps.encode("ascii")


def csrf(texte):
    m = CSRF.search(texte)
    return m.group(1) if m else None


class Refus(Exception):
    """A step answered with something else than what the journey expects (status, page), or no answer at all."""

    def __init__(self, etape, detail):
        super().__init__("%s : %s" % (etape, detail))
        self.etape, self.detail = etape, detail


def appel(session, etape, methode, url, attendu=None, **kw):
    try:
        r = session.request(methode, url, timeout=60, **kw)
    except requests.RequestException as e:
        raise Refus(etape, type(e).__name__)
    if r.status_code >= 400:
        raise Refus(etape, "HTTP %d" % r.status_code)
    if attendu and re.search(attendu, r.url):
        return r
    if "/connexion" in r.url and "connexion" not in etape:
        raise Refus(etape, "SESSION_PERDUE")
    if attendu:
        raise Refus(etape, "page inattendue " + r.url)
    return r


# ---------------------------------------------------------------------------------------------------- comptes
def lien_activation(puits, adresse, delai=180):
    fin = time.time() + delai
    while time.time() < fin:
        for f in sorted(glob.glob(os.path.join(puits, "*.eml"))):
            m = email.message_from_binary_file(open(f, "rb"), policy=email.policy.default)
            if adresse in str(m["To"]) and "activ" in str(m["Subject"]).lower():
                corps = m.get_body(preferencelist=("plain", "html")).get_content()
                trouve = re.search(r"(https?://\S+/activation\?jeton=[A-Za-z0-9_\-]+)", corps)
                if trouve:
                    return trouve.group(1)
        time.sleep(1)
    raise SystemExit("pas de courriel d'activation pour " + adresse)


def connecter(base, adresse):
    s = requests.Session()
    r = appel(s, "GET /connexion", "GET", base + "/connexion")
    appel(s, "POST /connexion", "POST", base + "/connexion", attendu=r"/usager",
          data={"email": adresse, "motDePasse": MOT_DE_PASSE, "_csrf": csrf(r.text)})
    return s


def comptes(base, n, puits, sortie, prefixe="usager"):
    suffixe = time.strftime("%H%M%S")
    resultat = []
    for i in range(1, n + 1):
        adresse = "%s-%d-%s@grappe.guichet.test" % (prefixe, i, suffixe)
        s = requests.Session()
        r = appel(s, "GET /inscription", "GET", base + "/inscription")
        appel(s, "POST /inscription", "POST", base + "/inscription", attendu=r"/inscription/envoyee",
              data={"email": adresse, "motDePasse": MOT_DE_PASSE, "confirmation": MOT_DE_PASSE, "_csrf": csrf(r.text)})
        lien = re.sub(r"^https?://[^/]+", base, lien_activation(puits, adresse))
        r = appel(s, "GET /activation", "GET", lien)
        jeton = lien.split("jeton=")[1]
        appel(s, "POST /activation", "POST", base + "/activation", attendu=r"/connexion",
              data={"jeton": jeton, "_csrf": csrf(r.text)})
        resultat.append({"email": adresse})
        print("compte %s activé" % adresse, flush=True)
    json.dump(resultat, open(sortie, "w"), indent=1)


# ---------------------------------------------------------------------------------------------------- dépôts
class Journal:
    def __init__(self, chemin):
        self.f = open(chemin, "a", buffering=1)
        self.verrou = threading.Lock()

    def ecrire(self, **evt):
        evt["t"] = round(time.time(), 3)
        with self.verrou:
            self.f.write(json.dumps(evt, ensure_ascii=False) + "\n")


def reessayer(journal, compte, etape, fonction, essais=90):
    """Runs one step again (1 s apart) while it is refused: an instance killed or restarting, a database switching."""
    for n in range(essais):
        try:
            return fonction()
        except Refus as e:
            journal.ecrire(evt="refus", compte=compte, etape=e.etape, detail=e.detail)
            if e.detail == "SESSION_PERDUE" or n == essais - 1:
                raise
            time.sleep(1)


def un_depot(base, s, compte, journal, n):
    cp = "83000"
    mise_en_service = (date.today() + timedelta(days=30)).isoformat()

    def nouveau():
        r = appel(s, "GET nouveau", "GET", base + "/usager/videoprotection/nouveau?demarche=AUTORISATION")
        r = appel(s, "POST nouveau", "POST", base + "/usager/videoprotection/nouveau", attendu=r"/pages/1$",
                  data={"demarche": "AUTORISATION", "lieu": "UN_DEPARTEMENT", "_csrf": csrf(r.text)})
        return r

    r = reessayer(journal, compte, "nouveau", nouveau)
    ident = re.search(r"/usager/dossiers/(\d+)/pages/1", r.url).group(1)
    ecrans = [
        {"nature_demande": "nouveau", "qualite": "commercant", "nom_naissance": "Martin", "prenom": "Claire",
         "denomination": "Boulangerie du Port", "activite": "Boulangerie", "declarant_voie": "12 quai Cronstadt",
         "declarant_code_postal": "83000", "declarant_commune": "Toulon", "declarant_telephone": "0494000000",
         "contact_images_nom": "Claire Martin", "contact_images_telephone": "0612345678"},
        {"horaires_ouverture": "6 h 30 - 19 h 30", "etablissement_recevant_public": "oui",
         "systeme_voie": "12 quai Cronstadt", "systeme_code_postal": cp, "systeme_commune": "Toulon",
         "cameras_interieures": "3", "cameras_exterieures": "1", "abords_immediats": "non",
         "perimetre_videoprotege": "non", "finalites": "prevention_atteintes_biens"},
        {"transmission": "non", "installateur_certifie": "non", "installateur_nom": "Sécurité Provence",
         "personnes_habilitees": "La gérante", "enregistrement": "oui", "duree_conservation": "15",
         "mesures_securite": "Local fermé à clé", "information_public": "Affiche à l’entrée",
         "droit_acces_service": "La gérante", "droit_acces_telephone": "0494000000",
         "date_mise_en_service": mise_en_service, "engagement": "certifie"},
    ]
    for page, champs in enumerate(ecrans, start=1):
        suivante = r"/validation$" if page == 3 else r"/pages/%d$" % (page + 1)

        def ecran(page=page, champs=champs, suivante=suivante):
            # The form is read again at each try: a screen saved by a request whose answer was lost has a new version.
            f = appel(s, "GET écran %d" % page, "GET", base + "/usager/dossiers/%s/pages/%d" % (ident, page))
            donnees = dict(champs, _csrf=csrf(f.text), version=VERSION.search(f.text).group(1),
                           action="valider" if page == 3 else "suivante")
            return appel(s, "POST écran %d" % page, "POST", base + "/usager/dossiers/%s/pages/%d" % (ident, page),
                         attendu=suivante, data=donnees)

        r = reessayer(journal, compte, "écran %d" % page, ecran)
    cle = CLE.search(r.text).group(1)
    jeton = csrf(r.text)

    def valider():
        # Same idempotency key on every try: a deposit whose answer was lost is found, never made twice.
        v = appel(s, "POST valider", "POST", base + "/usager/dossiers/%s/valider" % ident, attendu=r"/usager/dossiers/\d+$",
                  data={"cle": cle, "certification": "on", "_csrf": jeton})
        m = NUMERO_FLASH.search(v.text) or NUMERO_PAGE.search(v.text)
        if not m:
            raise Refus("POST valider", "pas de numéro")
        return v, m.group(1)

    debut = time.time()
    v, numero = reessayer(journal, compte, "valider", valider)
    journal.ecrire(evt="numero", compte=compte, dossier=int(ident), numero=numero, attente=round(time.time() - debut, 3))
    contenu = pdf("%s-%s" % (compte, n))

    def piece():
        p = appel(s, "POST pièce", "POST", base + "/usager/dossiers/%s/pieces" % ident, attendu=r"/usager/dossiers/\d+",
                  data={"_csrf": csrf(v.text), "codePiece": "plan_masse"},
                  files={"fichier": ("plan-de-masse.pdf", contenu, "application/pdf")})
        ids = PIECE.findall(p.text)
        if not ids:
            raise Refus("POST pièce", "pièce absente de la page")
        return max(int(i) for i in ids)

    piece_id = reessayer(journal, compte, "pièce", piece)
    journal.ecrire(evt="piece", compte=compte, dossier=int(ident), piece=piece_id,
                   sha256=hashlib.sha256(contenu).hexdigest())


def depots(base, fichier_comptes, arret, chemin_journal):
    journal = Journal(chemin_journal)
    sessions = {}

    def travailleur(compte):
        s = reessayer(journal, compte, "connexion", lambda: connecter(base, compte))
        sessions[compte] = s.cookies.get_dict()
        journal.ecrire(evt="session", compte=compte, cookies=sessions[compte])
        n = 0
        while not os.path.exists(arret):
            n += 1
            try:
                un_depot(base, s, compte, journal, n)
            except Refus as e:
                journal.ecrire(evt="abandon", compte=compte, etape=e.etape, detail=e.detail)
                if e.detail == "SESSION_PERDUE":
                    s = reessayer(journal, compte, "connexion", lambda: connecter(base, compte))
            except Exception as e:  # a page without the expected form: logged, journey started again
                journal.ecrire(evt="abandon", compte=compte, etape="?", detail=repr(e))
                time.sleep(1)

    fils = [threading.Thread(target=travailleur, args=(c["email"],)) for c in json.load(open(fichier_comptes))]
    for f in fils:
        f.start()
    for f in fils:
        f.join()


# ---------------------------------------------------------------------------------------------------- bilan
def refus_fenetres(evenements):
    """Longest time during which no deposit succeeded while some was being tried (from the journal's refusals)."""
    numeros = sorted(e["t"] for e in evenements if e["evt"] == "numero")
    refus = sorted(e["t"] for e in evenements if e["evt"] == "refus")
    if not refus:
        return 0.0, None, None
    # The window: from the first refusal after the last success preceding it, to the next success.
    pire, debut_pire, fin_pire = 0.0, None, None
    i = 0
    while i < len(refus):
        debut = refus[i]
        avant = [t for t in numeros if t < debut]
        apres = [t for t in numeros if t > debut]
        fin = apres[0] if apres else refus[-1]
        if fin - debut > pire:
            pire, debut_pire, fin_pire = fin - debut, debut, fin
        while i < len(refus) and refus[i] <= fin:
            i += 1
    return pire, debut_pire, fin_pire


def bilan(chemin_journal, puits, instances, psql):
    evts = [json.loads(l) for l in open(chemin_journal)]
    recus = [e for e in evts if e["evt"] == "numero"]
    sql = lambda q: subprocess.run(psql + ["-At", "-c", q], check=True, capture_output=True, text=True).stdout.split()
    en_base = set(sql("select numero from dossier where numero is not null"))
    doublons_base = int(sql("select count(*) - count(distinct numero) from dossier where numero is not null")[0])
    numeros = [e["numero"] for e in recus]
    perdus = [n for n in numeros if n not in en_base]
    # Each dossier id received one number only (a retried validation must give back the same number).
    par_dossier = {}
    for e in recus:
        par_dossier.setdefault(e["dossier"], set()).add(e["numero"])
    numeros_multiples = sum(1 for v in par_dossier.values() if len(v) > 1)
    # E-mails: one accusé de réception per number (sent from the outbox, so waited for up to 2 minutes).
    fin = time.time() + 120
    while True:
        recepisses = {}
        for f in sorted(glob.glob(os.path.join(puits, "*.eml"))):
            m = email.message_from_binary_file(open(f, "rb"), policy=email.policy.default)
            sujet = str(m["Subject"])
            if sujet.startswith("Accusé de réception de votre demande "):
                recepisses.setdefault(sujet.rsplit(" ", 1)[1], []).append(str(m["Message-ID"]))
        courriels_manquants = [n for n in numeros if n not in recepisses]
        if not courriels_manquants or time.time() > fin:
            break
        time.sleep(2)
    courriels_en_double = {n: ids for n, ids in recepisses.items() if len(ids) > 1}
    # Attachments: every piece read back through every instance (sessions created before the kills).
    cookies = {}
    for e in evts:
        if e["evt"] == "session":
            cookies[e["compte"]] = e["cookies"]
    pieces = [e for e in evts if e["evt"] == "piece"]
    lectures, lectures_ok = 0, 0
    for p in pieces:
        for inst in instances:
            lectures += 1
            try:
                r = requests.get("%s/usager/dossiers/%d/pieces/%d" % (inst, p["dossier"], p["piece"]),
                                 cookies=cookies[p["compte"]], timeout=60, allow_redirects=False)
                if r.status_code == 200 and hashlib.sha256(r.content).hexdigest() == p["sha256"]:
                    lectures_ok += 1
            except requests.RequestException:
                pass
    sessions_perdues = sum(1 for e in evts if e["evt"] == "refus" and e["detail"] == "SESSION_PERDUE")
    # HTTP statuses of the refusals (client) and of the pages (browser journey): 500 must never be answered.
    statuts = {}
    navigateur = any(e["evt"] == "statut" for e in evts)  # the browser journey logs every page's status itself
    for e in evts:
        code = e.get("statut") if e["evt"] == "statut" else None
        if not navigateur and e["evt"] == "refus" and str(e.get("detail", "")).startswith("HTTP "):
            code = e["detail"].split()[1]
        if code is not None:
            statuts[str(code)] = statuts.get(str(code), 0) + 1
    pire, debut, fin = refus_fenetres(evts)
    succes = sorted(e["t"] for e in recus)
    ecart = max((b - a for a, b in zip(succes, succes[1:])), default=0.0)
    resultat = {
        "numeros_recus": len(numeros),
        "numeros_recus_absents_de_la_base": len(perdus),
        "numeros_en_double_en_base": doublons_base,
        "dossiers_avec_plusieurs_numeros": numeros_multiples,
        "depots_en_base": len(en_base),
        "refus_http": sum(1 for e in evts if e["evt"] == "refus"),
        "reponses_en_erreur_par_statut": statuts,
        "parcours_abandonnes": sum(1 for e in evts if e["evt"] == "abandon"),
        "sessions_perdues": sessions_perdues,
        "plus_longue_periode_sans_depot_avec_refus_s": round(pire, 1),
        "plus_long_ecart_entre_deux_numeros_s": round(ecart, 1),
        "recepisses_recus": sum(len(v) for v in recepisses.values()),
        "numeros_sans_recepisse": len(courriels_manquants),
        "numeros_avec_recepisse_en_double": len(courriels_en_double),
        "pieces_deposees": len(pieces),
        "lectures_de_pieces_par_chaque_instance": "%d/%d" % (lectures_ok, lectures),
    }
    if perdus:
        resultat["exemples_perdus"] = perdus[:5]
    if courriels_manquants:
        resultat["exemples_sans_recepisse"] = courriels_manquants[:5]
    if courriels_en_double:
        resultat["exemples_recepisse_en_double"] = dict(list(courriels_en_double.items())[:3])
    print(json.dumps(resultat, ensure_ascii=False, indent=1))
    return resultat


if __name__ == "__main__":
    commande = sys.argv[1]
    if commande == "comptes":
        comptes(sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], *sys.argv[6:7])
    elif commande == "depots":
        depots(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5])
    elif commande == "bilan":
        bilan(sys.argv[2], sys.argv[3], sys.argv[4].split(), sys.argv[5:])
    else:
        raise SystemExit(__doc__)
