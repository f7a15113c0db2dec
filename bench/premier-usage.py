#!/usr/bin/env python3
# Premier usage après démarrage (issue 18, cible 5) : juste après que la sonde readiness a dit « prêt », mesure le temps
# de réponse de la 1re à la 10e fois de chaque geste, chacun sur un objet différent (10 usagers, 10 dossiers déposés,
# 10 accusés de réception rendus pour la première fois, 10 arrêtés émis par un agent), et écrit un TSV :
#   geste <TAB> ms1 <TAB> ms2 … ms10
# Usage (bench/run.sh l'appelle avant l'échauffement) : python3 bench/premier-usage.py http://localhost:18080 SORTIE.tsv
# Réglages : USAGERS (comptes du banc, défaut 20000), DEPARTEMENT_AGENT (défaut 83), MOT_DE_PASSE.
# Les temps sont ceux d'une requête sans suivre sa redirection (le POST seul), mesurés par le client ; un geste refusé
# (code inattendu) arrête le script en erreur : le rapport le dit au lieu d'inventer un chiffre.
import datetime, http.client, os, random, re, sys, time, urllib.parse

BASE, SORTIE = sys.argv[1], sys.argv[2]
MDP = os.environ.get("MOT_DE_PASSE", "Banc de charge Guichet 2026")
USAGERS = int(os.environ.get("USAGERS", "20000"))
DEP = os.environ.get("DEPARTEMENT_AGENT", "83")
FOIS = 10
u = urllib.parse.urlparse(BASE)


class Client:
    """One browser: its cookies, no automatic redirect (each request is timed alone)."""

    def __init__(self):
        self.cookies = {}

    def req(self, methode, chemin, corps=None, type_corps="application/x-www-form-urlencoded", attendu=(200, 302, 303)):
        c = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
        h = {"Accept": "text/html,application/pdf", "Accept-Language": "fr-FR"}
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if corps is not None:
            h["Content-Type"] = type_corps
        t = time.perf_counter()
        c.request(methode, chemin, body=corps, headers=h)
        r = c.getresponse()
        contenu = r.read()
        ms = (time.perf_counter() - t) * 1000
        for v in r.headers.get_all("Set-Cookie") or []:
            k, _, reste = v.partition("=")
            self.cookies[k.strip()] = reste.split(";", 1)[0]
        c.close()
        if r.status not in attendu:
            raise SystemExit(f"{methode} {chemin} : code {r.status} inattendu")
        lieu = r.headers.get("Location") or ""
        return ms, r.status, contenu.decode("utf-8", "replace") if "pdf" not in (r.headers.get("Content-Type") or "") else contenu, \
            urllib.parse.urlparse(lieu).path + (("?" + urllib.parse.urlparse(lieu).query) if urllib.parse.urlparse(lieu).query else "")

    def get(self, chemin, **k):
        return self.req("GET", chemin, **k)

    def post(self, chemin, champs, **k):
        return self.req("POST", chemin, urllib.parse.urlencode(champs, doseq=True).encode(), **k)


def csrf(page):
    return re.search(r'name="_csrf" value="([^"]+)"', page).group(1)


def version(page):
    return re.search(r'name="version" value="(\d+)"', page).group(1)


ECRAN1 = {"nature_demande": "nouveau", "qualite": "commercant", "nom_naissance": "Martin", "prenom": "Claire",
          "denomination": "Boulangerie du Port", "activite": "Boulangerie", "declarant_voie": "12 quai Cronstadt",
          "declarant_code_postal": "83000", "declarant_commune": "Toulon", "declarant_telephone": "0494000000",
          "contact_images_nom": "Claire Martin", "contact_images_telephone": "0612345678"}
ECRAN2 = {"horaires_ouverture": "6 h 30 - 19 h 30", "etablissement_recevant_public": "oui", "systeme_voie": "12 quai Cronstadt",
          "systeme_commune": "Commune du banc", "cameras_interieures": "3", "cameras_exterieures": "1", "abords_immediats": "non",
          "perimetre_videoprotege": "non", "finalites": ["prevention_atteintes_biens"]}
ECRAN3 = {"transmission": "non", "installateur_certifie": "non", "installateur_nom": "Sécurité Provence",
          "personnes_habilitees": "La gérante", "enregistrement": "oui", "duree_conservation": "15",
          "mesures_securite": "Local fermé à clé", "information_public": "Affiche à l’entrée", "droit_acces_service": "La gérante",
          "droit_acces_telephone": "0494000000", "date_mise_en_service": (datetime.date.today() + datetime.timedelta(days=31)).isoformat(),
          "engagement": ["certifie"]}

# Same rule as the Gatling journeys (Parcours.usagers): usager N belongs to the préfecture of rank N % 101.
DEPARTEMENTS = ("01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 2A 2B 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 "
                "37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71 72 73 74 "
                "75 76 77 78 79 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95 971 972 973 974 976").split()


def code_postal(n):
    d = DEPARTEMENTS[n % len(DEPARTEMENTS)]
    return "20000" if d in ("2A", "2B") else d + ("00" if len(d) == 3 else "000")


mesures = {}


def noter(geste, ms):
    mesures.setdefault(geste, []).append(ms)


def usager(n):
    b = Client()
    noter("page publique (GET /, sans session)", b.get("/")[0])
    page = b.get("/connexion")[2]
    ms, _, _, lieu = b.post("/connexion", {"email": f"usager-{n}@bench.guichet.test", "motDePasse": MDP, "_csrf": csrf(page)})
    if not lieu.endswith("/usager"):
        raise SystemExit(f"connexion de usager-{n} refusée ({lieu})")
    noter("connexion de l’usager (POST /connexion)", ms)
    ms, _, page, _ = b.get("/usager/dossiers")
    noter("Mes dossiers (GET)", ms)
    page = b.get("/usager/videoprotection/nouveau?demarche=AUTORISATION")[2]
    _, _, _, lieu = b.post("/usager/videoprotection/nouveau", {"demarche": "AUTORISATION", "lieu": "UN_DEPARTEMENT", "_csrf": csrf(page)})
    ident = re.search(r"/usager/dossiers/(\d+)/pages/1", lieu).group(1)
    ecrans = [(1, ECRAN1, "suivante"), (2, dict(ECRAN2, systeme_code_postal=code_postal(n)), "suivante"), (3, ECRAN3, "valider")]
    for num, champs, action in ecrans:
        ms, _, page, _ = b.get(f"/usager/dossiers/{ident}/pages/{num}")
        if num == 1:
            noter("écran de formulaire (GET page 1)", ms)
        _, _, _, lieu = b.post(f"/usager/dossiers/{ident}/pages/{num}",
                               dict(champs, _csrf=csrf(page), version=version(page), action=action))
    page = b.get(lieu)[2]
    cle = re.search(r'name="cle" value="([^"]+)"', page).group(1)
    ms, _, _, lieu = b.post(f"/usager/dossiers/{ident}/valider", {"cle": cle, "certification": "on", "_csrf": csrf(page)})
    if not re.search(r"/usager/dossiers/\d+$", lieu):
        raise SystemExit(f"validation du dossier {ident} refusée ({lieu})")
    noter("validation du dépôt (POST valider)", ms)
    ms, _, pdf, _ = b.get(f"/usager/dossiers/{ident}/recepisse.pdf", attendu=(200,))
    if not isinstance(pdf, bytes) or not pdf.startswith(b"%PDF"):
        raise SystemExit("l’accusé de réception n’est pas un PDF")
    noter("accusé de réception PDF (1er téléchargement, rendu)", ms)


def agent():
    b = Client()
    page = b.get("/agent/connexion")[2]
    ms, _, _, lieu = b.post("/agent/connexion", {"email": f"agent-{DEP.lower()}@bench.guichet.test", "motDePasse": MDP, "_csrf": csrf(page)})
    noter("connexion de l’agent (POST /agent/connexion)", ms)
    for _ in range(3):
        if not lieu.endswith("/agent"):
            break
        lieu = b.get(lieu)[3]
    if not re.search(r"/agent/(prefectures|services)/.*/file$", lieu):
        raise SystemExit(f"connexion de agent-{DEP} refusée ({lieu})")
    noter("file de l’agent (GET, 1re page)", b.get(lieu)[0])
    return b


def arretes(b):
    """Ten refusals confirmed by the agent, each on a dossier under instruction: each issues an arrêté (rendered PDF)."""
    vus, emis, apres = set(), 0, ""
    while emis < FOIS:
        page = b.get(f"/agent/prefectures/{DEP}/file?onglet=EN_INSTRUCTION" + (f"&apres={apres}" if apres else ""))[2]
        for ident in dict.fromkeys(re.findall(r"/agent/dossiers/(\d+)", page)):
            if ident in vus or emis >= FOIS:
                continue
            vus.add(ident)
            ms, _, fiche, _ = b.get(f"/agent/dossiers/{ident}")
            if len(vus) <= FOIS:
                noter("dossier vu par l’agent (GET)", ms)
            if f"/agent/dossiers/{ident}/actions/REFUSER" not in fiche:
                continue
            ms, _, _, lieu = b.post(f"/agent/dossiers/{ident}/actions/REFUSER", {
                "_csrf": csrf(fiche), "confirme": "oui", "fondements": "VOIE_PUBLIQUE",
                "motif": "Le système filme la voie publique au-delà des abords immédiats (banc, premier usage)."})
            if lieu.endswith("#actions"):
                continue  # refused by a guard (e.g. the dossier changed): try the next one
            noter("arrêté de refus émis par l’agent (POST confirmé, acte rendu)", ms)
            emis += 1
        suivant = re.search(r"apres=([A-Za-z0-9_-]+)", page)
        if not suivant or suivant.group(1) == apres:
            raise SystemExit(f"moins de {FOIS} dossiers à refuser dans la file du {DEP}")
        apres = suivant.group(1)


for n in random.Random(int(time.time())).sample(range(1, USAGERS + 1), FOIS):
    usager(n)
ag = agent()
for i in range(FOIS - 1):
    agent()
arretes(ag)
with open(SORTIE, "w", encoding="utf-8") as f:
    for geste, valeurs in mesures.items():
        f.write(geste + "\t" + "\t".join(f"{v:.0f}" for v in valeurs[:FOIS]) + "\n")
for geste, valeurs in mesures.items():
    print(f"{geste} : " + " ".join(f"{v:.0f}" for v in valeurs[:FOIS]) + " ms")
