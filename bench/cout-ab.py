#!/usr/bin/env python3
# Comparaison A/B du CPU de Guichet par GET, requêtes entrelacées (issue 18) : deux instances (A, B) sur la même base,
# chaque GET envoyé à A puis à B sur la même fenêtre de temps ; le CPU de chaque JVM (utilisateur + système, /proc)
# est lu autour de la passe. Sur une machine partagée, deux mesures successives varient de ±30 % ; entrelacées, les
# deux instances subissent le même bruit.
#   python3 bench/cout-ab.py PID_A PORT_A PID_B PORT_B N ROLE COMPTE CHEMIN…
#   ex. python3 bench/cout-ab.py 1234 18080 5678 18081 2000 agent agent-83@bench.guichet.test /agent/prefectures/83/file
# ROLE : usager ou agent (connexion par formulaire, mot de passe du banc, MOT_DE_PASSE pour un autre).
# B se branche sur le PostgreSQL embarqué de A : --spring.datasource.url=jdbc:postgresql://localhost:55432/postgres
# --spring.datasource.username=postgres --spring.datasource.password= --guichet.embarque.fournisseur-identite.port=9001
# Chauffer d'abord (une passe de 3 000 au moins, écartée), puis répéter et comparer passe par passe.
import http.client, http.cookiejar, os, re, sys, urllib.parse, urllib.request

pa, porta, pb, portb, n = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
role, compte, chemins = sys.argv[6], sys.argv[7], sys.argv[8:]
mdp = os.environ.get('MOT_DE_PASSE', 'Banc de charge Guichet 2026')
tck = os.sysconf('SC_CLK_TCK')


def ticks(pid):
    f = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
    return int(f[11]) + int(f[12])


def connexion(port):
    base = f'http://127.0.0.1:{port}'
    cj = http.cookiejar.CookieJar()
    op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cj))
    url = '/agent/connexion' if role == 'agent' else '/connexion'
    page = op.open(base + url).read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    op.open(base + url, urllib.parse.urlencode({'email': compte, 'motDePasse': mdp, '_csrf': csrf}).encode()).read()
    return '; '.join(f'{c.name}={c.value}' for c in cj)


ca, cb = connexion(porta), connexion(portb)
A, B = http.client.HTTPConnection('127.0.0.1', porta), http.client.HTTPConnection('127.0.0.1', portb)
for ch in chemins:
    a0, b0 = ticks(pa), ticks(pb)
    for _ in range(n):
        A.request('GET', ch, headers={'Cookie': ca}); r = A.getresponse(); ra = r.read(); sa = r.status
        B.request('GET', ch, headers={'Cookie': cb}); r = B.getresponse(); rb = r.read(); sb = r.status
    a1, b1 = ticks(pa), ticks(pb)
    print(f'{ch}\tA {sa} {len(ra)} o {1000 * (a1 - a0) / tck / n:.3f} ms\tB {sb} {len(rb)} o {1000 * (b1 - b0) / tck / n:.3f} ms',
          flush=True)
