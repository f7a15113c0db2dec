-- Issue 18 : le PDF d'un document émis (l'accusé de réception) est rendu une fois, hors du dépôt, puis stocké :
-- clé du fichier dans le stockage des pièces, posée une seule fois (le premier rendu enregistré l'emporte).
alter table document_emis add column cle_fichier text;
