#!/usr/bin/env python3
# Coût CPU de Guichet par requête, avec ou sans cookie de session (issue 18 : part fixe d'une requête authentifiée).
#   python3 bench/cout-requete.py GUICHET_PID /actuator/health/liveness 5000 ["GUICHET_SESSION=…"]
# Mesure les compteurs /proc du processus de Guichet (utilisateur + système) autour de N requêtes GET sur une
# connexion gardée ouverte, après 300 requêtes de chauffe ; Guichet écoute sur localhost:18080 (PORT pour un autre).
import http.client, os, sys, time
pid, chemin, n = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
cookie = sys.argv[4] if len(sys.argv) > 4 else None
tck = os.sysconf('SC_CLK_TCK')
def ticks():
    f = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
    return int(f[11]) + int(f[12])
c = http.client.HTTPConnection('localhost', int(os.environ.get('PORT', '18080')))
h = {'Cookie': cookie} if cookie else {}
for i in range(300):
    c.request('GET', chemin, headers=h); c.getresponse().read()
a, w = ticks(), time.time()
for i in range(n):
    c.request('GET', chemin, headers=h); r = c.getresponse(); r.read()
print(f"{chemin}\t{r.status}\t{'avec' if cookie else 'sans'} session\tGuichet {1000*(ticks()-a)/tck/n:.3f} ms CPU par requête\tmur {1000*(time.time()-w)/n:.3f} ms")
