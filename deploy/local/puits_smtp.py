#!/usr/bin/env python3
"""SMTP sink for deploy/local/grappe.sh: accepts every message on 127.0.0.1:PORT and writes it, as received, to
DIRECTORY/<n>.eml (one file per SMTP transaction), so the scenarios can count each e-mail.

Usage: puits_smtp.py PORT DIRECTORY
"""
import asyncore
import os
import sys
import threading
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)
import smtpd  # noqa: E402  (Python 3.11: deprecated but present; no third-party package needed)


class Puits(smtpd.SMTPServer):
    def __init__(self, port, repertoire):
        super().__init__(("127.0.0.1", port), None, decode_data=False)
        self.repertoire = repertoire
        self.verrou = threading.Lock()
        self.n = len(os.listdir(repertoire))

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        with self.verrou:
            self.n += 1
            nom = os.path.join(self.repertoire, "%06d.eml" % self.n)
        with open(nom + ".tmp", "wb") as f:
            f.write(data)
        os.rename(nom + ".tmp", nom)
        return None


if __name__ == "__main__":
    port, repertoire = int(sys.argv[1]), sys.argv[2]
    os.makedirs(repertoire, exist_ok=True)
    Puits(port, repertoire)
    asyncore.loop()
