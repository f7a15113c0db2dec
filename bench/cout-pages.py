#!/usr/bin/env python3
# Coût CPU serveur par page (issue 18) : CPU de Guichet et de PostgreSQL (compteurs /proc) par GET, après connexion.
#   python3 bench/cout-pages.py http://localhost:18080 1000 / /usager/dossiers        (usager du banc)
#   ROLE=agent COMPTE=agent-83@bench.guichet.test python3 bench/cout-pages.py http://localhost:18080 1000 /agent/prefectures/83/file
# Réglages : ROLE (usager|agent), COMPTE, MOT_DE_PASSE, DONNEES (répertoire de données de Guichet), GUICHET_PID.
# Chauffer d abord (>= 2 000 requêtes, JIT) ; sur une machine partagée, répéter et prendre la médiane.
import sys, re, os, http.client, urllib.parse, http.cookiejar, urllib.request, time, subprocess
base, n = sys.argv[1], int(sys.argv[2]); chemins = sys.argv[3:]
role = os.environ.get('ROLE', 'usager')
tck = os.sysconf('SC_CLK_TCK')
def ticks(pid, enfants=False):
    try: f = open(f'/proc/{pid}/stat').read().rsplit(')',1)[1].split()
    except FileNotFoundError: return 0
    t = int(f[11]) + int(f[12])
    if enfants: t += int(f[13]) + int(f[14])
    return t
port = urllib.parse.urlparse(base).port
gpid = int(os.environ.get('GUICHET_PID') or subprocess.check_output(['pgrep','-f',f'server.port={port}']).split()[0])
pm = int(open(os.environ.get('DONNEES','/work/bench-donnees') + '/postgres/postmaster.pid').readline())
def cpu():
    ch = subprocess.run(['pgrep','-P',str(pm)],capture_output=True,text=True).stdout.split()
    return ticks(gpid), ticks(pm, True) + sum(ticks(int(c)) for c in ch)
cj = http.cookiejar.CookieJar()
op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cj))
if role == 'agent':
    page = op.open(base + '/agent/connexion').read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    op.open(base + '/agent/connexion', urllib.parse.urlencode({'email': os.environ.get('COMPTE','agent-83@bench.guichet.test'), 'motDePasse': os.environ.get('MOT_DE_PASSE','Banc de charge Guichet 2026'), '_csrf': csrf}).encode()).read()
else:
    page = op.open(base + '/connexion').read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    op.open(base + '/connexion', urllib.parse.urlencode({'email': os.environ.get('COMPTE','usager-83@bench.guichet.test'), 'motDePasse': os.environ.get('MOT_DE_PASSE','Banc de charge Guichet 2026'), '_csrf': csrf}).encode()).read()
cookie = '; '.join(f'{c.name}={c.value}' for c in cj)
u = urllib.parse.urlparse(base)
for ch in chemins:
    c = http.client.HTTPConnection(u.hostname, u.port)
    for i in range(20):
        c.request('GET', ch, headers={'Cookie': cookie}); r = c.getresponse(); r.read()
    g0, p0 = cpu(); t0 = time.time()
    for i in range(n):
        c.request('GET', ch, headers={'Cookie': cookie}); r = c.getresponse(); corps = r.read()
    g1, p1 = cpu(); dt = time.time() - t0
    print(f'{ch}\t{r.status}\t{len(corps)} o\tGuichet {1000*(g1-g0)/tck/n:.2f} ms\tPostgreSQL {1000*(p1-p0)/tck/n:.2f} ms\tmur {1000*dt/n:.2f} ms')
