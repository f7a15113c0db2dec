-- Issue 14, point 2 : le timbre fiscal d'une pré-demande. Les timbres eux-mêmes (réservés, consommés une fois) sont
-- tenus par le module neutre « timbre » (timbre_utilisation, sous les références ID-<dossier>-PASSEPORT et
-- ID-<dossier>-CNI) ; ici, seulement le choix de l'usager pour un brouillon : timbre(s) saisi(s) en ligne, ou
-- apporté(s) à la mairie (saisi(s) alors par l'agent au recueil). « motifs » : les motifs du barème dus au moment du
-- choix ; s'ils changent (autre titre, autre motif, autre âge), le choix est redemandé.
create table identite_timbre_choix (
  dossier_id  bigint primary key references dossier (id) on delete cascade,
  motifs      text not null check (char_length(motifs) <= 200),
  en_mairie   boolean not null,
  choisi_le   timestamptz not null
);

-- Issue 14, point 4 : ce que Guichet a déclaré à la plateforme nationale des rendez-vous (ANTS) pour chaque
-- rendez-vous : déclaré à sa réservation, retiré à son annulation ou à son déplacement (l'API n'a pas de mise à jour).
create table identite_rdv_ants (
  rendez_vous_id  bigint primary key references identite_rendez_vous (id),
  declare_le      timestamptz not null,
  retire_le       timestamptz
);
