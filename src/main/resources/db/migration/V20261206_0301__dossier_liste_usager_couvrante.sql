-- « Mes dossiers », le compte des brouillons et le quota horaire de pièces lisent les dossiers d'un usager (issue 18).
-- L'ancien index (usager_id, modifie_le desc) obligeait à lire chaque ligne dans la table (une page par dossier,
-- éparpillées : 21 ms en moyenne par « Mes dossiers » à la pointe, sur 1 M de dossiers) puis à trier sur id.
-- Celui-ci porte l'ordre complet de la liste et les colonnes qu'elle affiche : parcours de l'index seul, sans tri.
create index dossier_usager_liste_idx on dossier (usager_id, modifie_le desc, id desc)
  include (etat, numero, code_departement, demarche, service);
drop index dossier_usager_idx;
